/**
 * A small closed-loop load client: `concurrency` workers, each sending its next request as soon as
 * the previous one answered, over keep-alive connections, for a fixed time. It runs in the bench
 * process; the server under test is always another process.
 */
import http from 'node:http';
import { summarize, type LatencySummary } from './latency.ts';

export interface LoadRequest {
  path: string;
  /** GET unless given; a body is sent as JSON. */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  body?: unknown;
  /** Groups latencies in the result, e.g. the kind of filter. */
  label: string;
  headers?: http.OutgoingHttpHeaders;
}

export interface LoadOptions {
  baseUrl: string;
  concurrency: number;
  durationMs: number;
  /** The `n`-th request of worker `worker`. */
  request(worker: number, n: number): LoadRequest;
  /** A non-null answer marks the response as an error (besides non-200 statuses and network errors). */
  check?(body: Buffer): string | null;
  timeoutMs?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  errorSamples: string[];
  elapsedMs: number;
  rps: number;
  latency: LatencySummary;
  byLabel: Record<string, LatencySummary>;
  /** Raw samples, so rounds can be merged; left out of reports. */
  samples: number[];
  labels: string[];
}

export interface Answer {
  status: number;
  body: Buffer;
}

/** One request; `agent: false` sends it on a connection of its own, closed after the answer. */
export function send(agent: http.Agent | false, base: URL, req: LoadRequest, timeoutMs: number): Promise<Answer> {
  const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
  const headers = payload ? { ...req.headers, 'content-type': 'application/json' } : req.headers;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: base.hostname, port: base.port, path: req.path, method: req.method ?? 'GET', agent, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    // Which connection went silent says where the time was lost: a first request on a new connection
    // that got no byte back was never read by the server (issue 11: connections not accepted while
    // the embedded database kept the event loop).
    let readBefore = 0;
    outgoing.on('socket', (socket) => {
      readBefore = socket.bytesRead;
    });
    outgoing.setTimeout(timeoutMs, () => {
      const connection = outgoing.reusedSocket ? 'a reused connection' : 'a new connection';
      const answered = (outgoing.socket?.bytesRead ?? 0) > readBefore ? 'part of an answer' : 'no byte back';
      outgoing.destroy(new Error(`timeout after ${String(timeoutMs)} ms on ${connection}, ${answered}`));
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const base = new URL(opts.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const samples: number[] = [];
  const labels: string[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const noteError = (message: string) => {
    errors += 1;
    if (errorSamples.length < 5) errorSamples.push(message);
  };

  const startedAt = performance.now();
  const endAt = startedAt + opts.durationMs;
  const worker = async (w: number) => {
    for (let n = 0; performance.now() < endAt; n++) {
      const req = opts.request(w, n);
      const t0 = performance.now();
      try {
        const answer = await send(agent, base, req, timeoutMs);
        const ms = performance.now() - t0;
        const problem =
          answer.status < 200 || answer.status > 299
            ? `HTTP ${String(answer.status)} ${req.method ?? 'GET'} ${req.path}: ${answer.body.toString('utf8', 0, 200)}`
            : (opts.check?.(answer.body) ?? null);
        if (problem) noteError(problem);
        else {
          samples.push(ms);
          labels.push(req.label);
        }
      } catch (err) {
        noteError(`${req.path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, w) => worker(w)));
  const elapsedMs = performance.now() - startedAt;
  agent.destroy();

  return resultOf(samples, labels, errors, errorSamples, elapsedMs);
}

function resultOf(
  samples: number[],
  labels: string[],
  errors: number,
  errorSamples: string[],
  elapsedMs: number,
): LoadResult {
  const grouped = new Map<string, number[]>();
  samples.forEach((ms, i) => {
    const label = labels[i] ?? '';
    const list = grouped.get(label);
    if (list) list.push(ms);
    else grouped.set(label, [ms]);
  });
  return {
    requests: samples.length,
    errors,
    errorSamples,
    elapsedMs,
    rps: (samples.length / elapsedMs) * 1000,
    latency: summarize(samples),
    byLabel: Object.fromEntries([...grouped].map(([label, list]) => [label, summarize(list)])),
    samples,
    labels,
  };
}

/** Several rounds of one scenario as if they were one run: counts and times added, latencies pooled. */
export function mergeLoads(results: readonly LoadResult[]): LoadResult {
  return resultOf(
    results.flatMap((r) => r.samples),
    results.flatMap((r) => r.labels),
    results.reduce((sum, r) => sum + r.errors, 0),
    results.flatMap((r) => r.errorSamples).slice(0, 5),
    results.reduce((sum, r) => sum + r.elapsedMs, 0),
  );
}

/** What a report keeps of a load: everything but the raw samples. */
export function describeLoad(result: LoadResult): Omit<LoadResult, 'samples' | 'labels'> {
  const { samples: _samples, labels: _labels, ...rest } = result;
  return rest;
}
