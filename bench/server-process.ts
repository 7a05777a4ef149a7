/**
 * Servers under test run as child processes (`npm start`'s `node apps/server/start.mjs`, or `node --import tsx` for
 * a TypeScript entry), so the load client never shares their event loop. Their output goes to a log
 * file, not through a pipe the bench must drain.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { REPO_ROOT } from './paths.ts';

export interface ChildServer {
  url: string;
  pid: number;
  /** From just before spawn to the first 200 on the ready path. */
  readyMs: number;
  logFile: string;
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  entry: string;
  env: Record<string, string>;
  logFile: string;
  /** GET this until it answers 200. */
  readyPath: string;
  timeoutMs?: number;
  /** Extra node flags, e.g. --cpu-prof for a profile of the server under load. */
  nodeArgs?: string[];
}

/** A port nobody listens on right now, for the child to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Only what the server needs: no DATABASE_URL or QIZHI_* leaking in from the caller's shell. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];
  const env: NodeJS.ProcessEnv = {};
  for (const key of keep) if (process.env[key] !== undefined) env[key] = process.env[key];
  return { ...env, NODE_ENV: 'production', ...extra };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function logTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-2_000);
  } catch {
    return '';
  }
}

async function answers200(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

export async function startChildServer(opts: ChildServerOptions): Promise<ChildServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const log = fs.openSync(opts.logFile, 'a');
  const startedAt = performance.now();
  // TypeScript entries (the baseline) run through tsx; the Qizhi server as `npm start` runs it.
  const loader = opts.entry.endsWith('.ts') ? ['--import', 'tsx'] : ['--enable-source-maps'];
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...loader, opts.entry], {
    cwd: REPO_ROOT,
    env: childEnv({ ...opts.env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const pid = child.pid ?? -1;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited(child);
    clearTimeout(timer);
  };

  const deadline = startedAt + (opts.timeoutMs ?? 60_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${String(child.exitCode)} before it was ready:\n${logTail(opts.logFile)}`);
    }
    if (await answers200(url + opts.readyPath)) {
      return { url, pid, readyMs: performance.now() - startedAt, logFile: opts.logFile, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await stop();
  throw new Error(`server not ready after ${String(opts.timeoutMs ?? 60_000)} ms:\n${logTail(opts.logFile)}`);
}
