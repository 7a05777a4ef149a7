/**
 * Issue 11: twice the expected peak for 10 minutes, with no 5xx and flat memory. The peak is issue 8's
 * mixed load (bench/mixed.bench.ts, docs/performance.md): 40 signed-in clients, ten each of 党务干事,
 * 支部书记, 院领导 and 党员, 80 % reads and 20 % writes, each sending its next request as soon as the
 * last one answered. Twice that is 80 such clients. The run is cut into 30 s slices, each
 * recording throughput, p95, errors and the server's resident memory, so a leak shows as a slope.
 *
 * Fails on any error (a status outside 2xx or no answer), on a health check from a new connection
 * left unanswered for 30 s, or when the server's live heap — what V8 keeps after a full collection,
 * where a leak accumulates — has a median over the last third of the run more than a fifth above
 * the first third's. The resident size is reported beside it, not judged: it also holds heap V8
 * has reserved and not returned, and the allocator's arenas, which stay at their high-water mark
 * after a burst of large answers whether or not anything leaks.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Session } from '../api-client.ts';
import { prepareCourt, type BenchDatabase } from '../databases.ts';
import { round, summarize } from '../latency.ts';
import { mergeLoads, runLoad, send, type LoadResult } from '../load.ts';
import { actionsOf, discoverIds, pick, ROLES, rssMiB, signInClients, type Role } from '../mixed.bench.ts';
import { startQizhi, waitForStartupBackup } from '../qizhi-server.ts';
import { onEachDatabase } from './private-postgres.ts';

const PEAK_CLIENTS_PER_ROLE = 10;
const SLICE_MS = 30_000;

interface Slice {
  atS: number;
  rps: number;
  p95: number;
  errors: number;
  rssMiB: number | null;
  /** The heap V8 kept after the slice's last full collection: what is alive, not what is reserved. */
  liveHeapMiB: number | null;
  load: number;
  /** The three kinds of request slowest at p95 in the slice, so a cost that grows with the data shows which. */
  slowest: string[];
}

/**
 * `--trace-gc` prints each collection as `… ms: Mark-Compact 61.2 (80.5) -> 42.0 (81.0) MB, …`: the size
 * after the arrow of the last full (mark-compact) collection is the live heap.
 */
export function lastLiveHeapMiB(log: string): number | null {
  const full = [...log.matchAll(/Mark-Compact[^\n]*?[\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/g)];
  const last = full.at(-1)?.[1];
  return last === undefined ? null : Math.round(Number(last));
}

/**
 * What a newcomer meets while the load runs — a browser opening the portal, a monitor asking for
 * health: once a second, `GET /api/health` on a connection of its own, timed until it answers (or
 * 30 s pass). Issue 11 found new connections left unread for 30 s while the embedded database kept
 * the event loop busy, though every request already inside was answered.
 */
function probeNewConnections(url: string): { stop: () => Promise<{ answeredMs: number[]; unanswered: number }> } {
  const answeredMs: number[] = [];
  let unanswered = 0;
  const pending: Promise<void>[] = [];
  const base = new URL(url);
  const timer = setInterval(() => {
    const t0 = performance.now();
    pending.push(
      send(false, base, { path: '/api/health', label: 'health' }, 30_000).then(
        () => {
          answeredMs.push(performance.now() - t0);
        },
        () => {
          unanswered += 1;
        },
      ),
    );
  }, 1_000);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      return { answeredMs, unanswered };
    },
  };
}

/**
 * Each kind of read alone, by one client, for a moment: its median with the data as it is now. Taken
 * before and after the run, it shows which costs grow with the data the run wrote (queueing aside).
 */
async function soloReads(
  url: string,
  sessionOf: Record<Role, Session>,
  actions: Record<Role, ReturnType<typeof actionsOf>>,
): Promise<Record<string, number>> {
  const medians: Record<string, number> = {};
  for (const role of ROLES)
    for (const action of actions[role].reads) {
      if (medians[action.label] !== undefined) continue;
      const session = sessionOf[role];
      const load = await runLoad({
        baseUrl: url,
        concurrency: 1,
        durationMs: 1_500,
        request: (_, n) => ({
          ...action.make(n),
          label: action.label,
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        }),
      });
      medians[action.label] = round(load.latency.p50);
    }
  return medians;
}

async function overloadOn(bench: BenchDatabase, factor: number, durationMs: number): Promise<boolean> {
  await prepareCourt(bench, 0);
  const server = await startQizhi(bench, 'overload.log', {}, 300_000, ['--trace-gc']);
  const liveHeap = () => lastLiveHeapMiB(fs.readFileSync(server.logFile, 'utf8'));
  const slices: Slice[] = [];
  const loads: LoadResult[] = [];
  let rssStart: number | null = null;
  let soloBefore: Record<string, number> = {};
  let soloAfter: Record<string, number> = {};
  let newcomers = { answeredMs: [] as number[], unanswered: 0 };
  try {
    await waitForStartupBackup(bench);
    const { sessions, roleOf, firstOf } = await signInClients(server.url, PEAK_CLIENTS_PER_ROLE * factor);
    const ids = await discoverIds(server.url, firstOf);
    const actions = Object.fromEntries(ROLES.map((r) => [r, actionsOf(r, ids)])) as Record<
      Role,
      ReturnType<typeof actionsOf>
    >;
    let offset = 0;
    const slice = (ms: number) => {
      const base = offset;
      offset += 1_000_000;
      return runLoad({
        baseUrl: server.url,
        concurrency: sessions.length,
        durationMs: ms,
        timeoutMs: 30_000,
        request: (w, n) => {
          const action = pick(actions[roleOf[w]!], w, base + n);
          return {
            ...action.make(base + n),
            label: action.label,
            headers: { cookie: sessions[w]!.cookie, 'x-csrf-token': sessions[w]!.csrfToken },
          };
        },
      });
    };
    await slice(10_000);
    soloBefore = await soloReads(server.url, firstOf, actions);
    rssStart = rssMiB(server.pid);
    const probe = probeNewConnections(server.url);
    const t0 = performance.now();
    while (performance.now() - t0 < durationMs) {
      const load = await slice(Math.min(SLICE_MS, durationMs - (performance.now() - t0)));
      loads.push(load);
      slices.push({
        atS: Math.round((performance.now() - t0) / 1000),
        rps: round(load.rps),
        p95: round(load.latency.p95),
        errors: load.errors,
        rssMiB: rssMiB(server.pid),
        liveHeapMiB: liveHeap(),
        load: round(os.loadavg()[0]!, 1),
        slowest: Object.entries(load.byLabel)
          .sort(([, a], [, b]) => b.p95 - a.p95)
          .slice(0, 3)
          .map(([label, l]) => `${label} ${String(round(l.p95))}`),
      });
    }
    newcomers = await probe.stop();
    soloAfter = await soloReads(server.url, firstOf, actions);
  } finally {
    await server.stop();
  }
  const all = mergeLoads(loads);
  const third = Math.max(1, Math.floor(slices.length / 3));
  const thirds = (of: (s: Slice) => number | null) => {
    const values = (list: Slice[]) => list.map(of).filter((v): v is number => v !== null);
    return {
      firstThird: summarize(values(slices.slice(0, third))),
      lastThird: summarize(values(slices.slice(-third))),
    };
  };
  const heap = thirds((s) => s.liveHeapMiB);
  const rss = thirds((s) => s.rssMiB);
  const flat = heap.firstThird.count > 0 && heap.lastThird.count > 0 && heap.lastThird.p50 <= heap.firstThird.p50 * 1.2;
  const passed = all.errors === 0 && newcomers.unanswered === 0 && flat && slices.length > 0;
  const probed = summarize(newcomers.answeredMs);
  process.stdout.write(
    `${JSON.stringify(
      {
        script: 'overload',
        database: bench.kind,
        clients: PEAK_CLIENTS_PER_ROLE * factor * ROLES.length,
        durationS: Math.round(durationMs / 1000),
        requests: all.requests,
        errors: all.errors,
        errorSamples: all.errorSamples,
        rps: round(all.rps),
        latency: {
          p50: round(all.latency.p50),
          p95: round(all.latency.p95),
          p99: round(all.latency.p99),
          max: round(all.latency.max),
        },
        p95Slices: summarize(slices.map((s) => s.p95)),
        newConnectionHealthMs: {
          answered: probed.count,
          unanswered: newcomers.unanswered,
          p50: round(probed.p50),
          p95: round(probed.p95),
          max: round(probed.max),
        },
        soloReadMedianMs: Object.fromEntries(
          Object.entries(soloBefore)
            .map(([label, before]) => [label, { before, after: soloAfter[label] ?? null }] as const)
            .sort(([, a], [, b]) => (b.after ?? 0) / b.before - (a.after ?? 0) / a.before),
        ),
        liveHeapMiB: {
          firstThird: { median: heap.firstThird.p50, max: heap.firstThird.max },
          lastThird: { median: heap.lastThird.p50, max: heap.lastThird.max },
          flat,
        },
        rssMiB: {
          afterWarmup: rssStart,
          firstThird: { median: rss.firstThird.p50, max: rss.firstThird.max },
          lastThird: { median: rss.lastThird.p50, max: rss.lastThird.max },
        },
        cpus: os.cpus().length,
        slices,
        passed,
      },
      null,
      2,
    )}\n`,
  );
  return passed;
}

export async function runOverload(
  kinds: readonly ('pglite' | 'postgresql')[],
  opts: { factor: number; durationMs: number },
): Promise<boolean> {
  return onEachDatabase(kinds, (bench) => overloadOn(bench, opts.factor, opts.durationMs));
}
