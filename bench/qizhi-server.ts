/** The real server (apps/server/src/main.ts, as `npm start` runs it) in a child process, on a bench database. */
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_PASSWORD, type BenchDatabase } from './databases.ts';
import { SERVER_ENTRY } from './paths.ts';
import { startChildServer, type ChildServer } from './server-process.ts';

/** PGlite's daily snapshot is taken 5 s after start; it blocks the server while it runs. */
const BACKUP_FILE = /^qizhi-\d{8}-\d{6}\.tar\.gz$/;

export function qizhiEnv(bench: BenchDatabase): Record<string, string> {
  return {
    ...bench.serverEnv(),
    QIZHI_DEMO_PASSWORD: BENCH_PASSWORD,
    // The benches sign in once per simulated client; the limit guards against guessing, not them.
    QIZHI_LOGIN_RATE_LIMIT: '1000',
  };
}

export function startQizhi(
  bench: BenchDatabase,
  logName: string,
  env: Record<string, string> = {},
  /** The first start seeds the demo court: on a loaded machine that can take more than a minute. */
  timeoutMs?: number,
  nodeArgs: readonly string[] = [],
): Promise<ChildServer> {
  return startChildServer({
    entry: SERVER_ENTRY,
    env: { ...qizhiEnv(bench), ...env },
    logFile: path.join(bench.dataDir, logName),
    readyPath: '/api/health',
    // The first start migrates and seeds the demo court; on a loaded shared machine that passed 60 s.
    timeoutMs: timeoutMs ?? Number(process.env.BENCH_READY_TIMEOUT_MS ?? 300_000),
    // BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server under test.
    nodeArgs: [...nodeArgs, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
  });
}

/**
 * On PGlite, waits until the start-of-day snapshot is written, so a measurement sees the server
 * in its steady state; returns how long the wait took (0 on PostgreSQL).
 */
export async function waitForStartupBackup(bench: BenchDatabase, timeoutMs = 120_000): Promise<number> {
  if (bench.kind !== 'pglite') return 0;
  const dir = path.join(bench.dataDir, 'backups');
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => BACKUP_FILE.test(f))) return performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the PGlite start-up backup did not appear');
}
