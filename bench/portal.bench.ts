/**
 * Target of issue 15 (公开门户): the openness portal's home page, GET /public, served in under 20 ms
 * at p95 with 50 concurrent visitors — on the demo court (a year's rota, ~600 visits a year, the
 * openness items, the commitments and 四议两公开 disclosures it shows from their sources).
 *
 * The real server (`npm start`) in a child process on a fresh bench database; the server seeds the
 * demo court on its first start. Each visitor asks for the page with no cookie, as the public does.
 *
 *   node --import tsx bench/portal.bench.ts            (BENCH_DATABASE_URL adds PostgreSQL)
 */
import { createDatabase, type DatabaseKind } from './databases.ts';
import { round } from './latency.ts';
import { describeLoad, mergeLoads, runLoad, type LoadResult } from './load.ts';
import { isMainModule } from './paths.ts';
import { printReport, runOnEachDatabase } from './per-database.ts';
import { startQizhi, waitForStartupBackup } from './qizhi-server.ts';
import { target, type BenchReport } from './targets.ts';

export interface PortalBenchOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  rounds: number;
  adminUrl: string | undefined;
}
export const PORTAL_DEFAULTS: Omit<PortalBenchOptions, 'adminUrl'> = {
  concurrency: 50,
  warmupMs: 3_000,
  durationMs: 10_000,
  rounds: 3,
};

const HOME_P95_MS = 20;

function homeLoad(url: string, opts: PortalBenchOptions, ms: number): Promise<LoadResult> {
  return runLoad({
    baseUrl: url,
    concurrency: opts.concurrency,
    durationMs: ms,
    request: () => ({ path: '/public', label: 'GET /public' }),
    check: (body) => (body.includes('本周接访领导') ? null : `unexpected body ${body.toString('utf8', 0, 200)}`),
  });
}

async function homeOn(kind: DatabaseKind, opts: PortalBenchOptions) {
  const bench = await createDatabase(kind, opts.adminUrl);
  try {
    const server = await startQizhi(bench, 'portal-server.log');
    try {
      await waitForStartupBackup(bench);
      await homeLoad(server.url, opts, opts.warmupMs);
      const rounds: LoadResult[] = [];
      for (let r = 0; r < opts.rounds; r++) rounds.push(await homeLoad(server.url, opts, opts.durationMs));
      const load = mergeLoads(rounds);
      const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
      const t = target({
        id: `portal.home.p95.${kind}`,
        target: `openness portal home page (GET /public, server-rendered) at ${String(opts.concurrency)} concurrent visitors, p95, ${name}`,
        measured: round(load.latency.p95),
        unit: 'ms',
        rule: 'below',
        limit: HOME_P95_MS,
        note: `${String(Math.round(load.rps))} req/s, p50 ${String(round(load.latency.p50))}, p99 ${String(round(load.latency.p99))}, max ${String(round(load.latency.max))} ms${load.errors ? `, ${String(load.errors)} ERRORS` : ''}`,
      });
      return { target: load.errors > 0 ? { ...t, pass: false } : t, details: { load: describeLoad(load) } };
    } finally {
      await server.stop();
    }
  } finally {
    await bench.dispose();
  }
}

export function runPortalBench(opts: PortalBenchOptions): Promise<BenchReport> {
  return runOnEachDatabase('portal', opts, { home: (kind) => homeOn(kind, opts) });
}

if (isMainModule(import.meta.url)) {
  const report = await runPortalBench({ ...PORTAL_DEFAULTS, adminUrl: process.env.BENCH_DATABASE_URL });
  printReport(report);
}
