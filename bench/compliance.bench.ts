/**
 * Targets of issue 3 (管理平台):
 *  1. the compliance board's data — GET /api/compliance?year= for a court with 20 organisations and
 *     5 years of meetings — p95 < 100 ms, on PGlite and on PostgreSQL (4 clients, the leader's view);
 *  2. compliance of 150 courts (a province) for one year, computed over all tenants (bench/compliance-province.ts),
 *     < 1 s.
 *
 *   node --import tsx bench/compliance.bench.ts        (BENCH_DATABASE_URL adds PostgreSQL)
 */
import { eq } from 'drizzle-orm';
import { meetings, people } from '../apps/server/src/db/schema/index.ts';
import { courtYear } from '@qizhi/domain';
import { login, type Session } from './api-client.ts';
import { computeProvinceCompliance } from './compliance-province.ts';
import { BENCH_PASSWORD, createDatabase, type BenchDatabase, type DatabaseKind } from './databases.ts';
import { round, summarize } from './latency.ts';
import { describeLoad, mergeLoads, runLoad, type LoadResult } from './load.ts';
import { growOrganisations, writeMeetingYears, writeProvinceCourt } from './meetings-generator.ts';
import { isMainModule } from './paths.ts';
import { startQizhi, waitForStartupBackup } from './qizhi-server.ts';
import { printReport, runOnEachDatabase } from './per-database.ts';
import { target, type BenchReport } from './targets.ts';
import { seedDemoCourt } from '../apps/server/src/seed/demo-court.ts';

export interface ComplianceBenchOptions {
  organisations: number;
  years: number;
  courts: number;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  rounds: number;
  provinceRuns: number;
  adminUrl: string | undefined;
}

export const COMPLIANCE_DEFAULTS: Omit<ComplianceBenchOptions, 'adminUrl'> = {
  organisations: 20,
  years: 5,
  courts: 150,
  concurrency: 4,
  warmupMs: 2_000,
  durationMs: 8_000,
  rounds: 2,
  provinceRuns: 10,
};

const BOARD_P95_MS = 100;
const PROVINCE_MS = 1_000;
const thisYear = courtYear();

/** The demo court grown to 20 organisations and 5 years of meetings, 10 attendees each. */
async function prepareBoardCourt(bench: BenchDatabase, opts: ComplianceBenchOptions) {
  const t0 = performance.now();
  const database = await bench.open();
  try {
    await database.migrate();
    const { tenantId } = await seedDemoCourt(database.db, { demoPassword: BENCH_PASSWORD });
    const orgs = await growOrganisations(database.db, tenantId, opts.organisations);
    const attendees = (await database.db.select({ id: people.id }).from(people).where(eq(people.tenantId, tenantId)))
      .slice(0, 10)
      .map((p) => p.id);
    await writeMeetingYears(database.db, tenantId, orgs, thisYear, opts.years, attendees);
    if (bench.kind === 'postgresql') await database.db.execute('analyze');
    const total = await database.db.$count(meetings, eq(meetings.tenantId, tenantId));
    return { organisations: orgs.length, meetings: total, seedMs: Math.round(performance.now() - t0) };
  } finally {
    await database.close();
  }
}

function boardLoad(url: string, sessions: Session[], opts: ComplianceBenchOptions, ms: number): Promise<LoadResult> {
  return runLoad({
    baseUrl: url,
    concurrency: opts.concurrency,
    durationMs: ms,
    request: (w, n) => {
      // Mostly this year, now and then a past year, as a board is looked at.
      const year = n % 4 === 3 ? thisYear - ((n + w) % opts.years) : thisYear;
      return {
        path: `/api/compliance?year=${String(year)}`,
        label: 'GET /api/compliance',
        headers: { cookie: sessions[w]?.cookie ?? '' },
      };
    },
    check: (body) => (body.includes('"items":[{') ? null : `unexpected body ${body.toString('utf8', 0, 200)}`),
  });
}

async function boardOn(kind: DatabaseKind, opts: ComplianceBenchOptions) {
  const bench = await createDatabase(kind, opts.adminUrl);
  try {
    const court = await prepareBoardCourt(bench, opts);
    const server = await startQizhi(bench, 'compliance-server.log');
    try {
      await waitForStartupBackup(bench);
      const sessions: Session[] = [];
      for (let w = 0; w < opts.concurrency; w++) sessions.push(await login(server.url, 'leader', BENCH_PASSWORD));
      await boardLoad(server.url, sessions, opts, opts.warmupMs);
      const rounds: LoadResult[] = [];
      for (let r = 0; r < opts.rounds; r++) rounds.push(await boardLoad(server.url, sessions, opts, opts.durationMs));
      const load = mergeLoads(rounds);
      const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
      const t = target({
        id: `compliance.board.p95.${kind}`,
        target: `compliance board data, ${String(court.organisations)} organisations × ${String(opts.years)} years, p95, ${name}`,
        measured: round(load.latency.p95),
        unit: 'ms',
        rule: 'below',
        limit: BOARD_P95_MS,
        note: `${String(court.meetings)} meetings; ${String(Math.round(load.rps))} req/s at ${String(opts.concurrency)} clients, p50 ${String(round(load.latency.p50))}, p99 ${String(round(load.latency.p99))}, max ${String(round(load.latency.max))} ms${load.errors ? `, ${String(load.errors)} ERRORS` : ''}`,
      });
      return { target: load.errors > 0 ? { ...t, pass: false } : t, details: { court, load: describeLoad(load) } };
    } finally {
      await server.stop();
    }
  } finally {
    await bench.dispose();
  }
}

async function provinceOn(kind: DatabaseKind, opts: ComplianceBenchOptions) {
  const bench = await createDatabase(kind, opts.adminUrl);
  const database = await bench.open();
  try {
    await database.migrate();
    const t0 = performance.now();
    let total = 0;
    for (let i = 1; i <= opts.courts; i++) total += await writeProvinceCourt(database.db, i, thisYear);
    if (kind === 'postgresql') await database.db.execute('analyze');
    const seedMs = Math.round(performance.now() - t0);
    await computeProvinceCompliance(database.db, thisYear);
    const samples: number[] = [];
    let items = 0;
    for (let r = 0; r < opts.provinceRuns; r++) {
      const t = performance.now();
      const result = await computeProvinceCompliance(database.db, thisYear);
      samples.push(performance.now() - t);
      items = [...result.values()].reduce((n, list) => n + list.length, 0);
    }
    const s = summarize(samples);
    const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    return {
      target: target({
        id: `compliance.province.${kind}`,
        target: `compliance of ${String(opts.courts)} courts for a year (service over all tenants), worst of ${String(opts.provinceRuns)}, ${name}`,
        measured: round(s.max),
        unit: 'ms',
        rule: 'below',
        limit: PROVINCE_MS,
        note: `${String(total)} meetings, ${String(items)} compliance items; median ${String(round(s.p50))} ms`,
      }),
      details: { courts: opts.courts, meetings: total, items, seedMs, latency: s },
    };
  } finally {
    await database.close();
    await bench.dispose();
  }
}

export function runComplianceBench(opts: ComplianceBenchOptions): Promise<BenchReport> {
  return runOnEachDatabase('compliance', opts, {
    board: (kind) => boardOn(kind, opts),
    province: (kind) => provinceOn(kind, opts),
  });
}

if (isMainModule(import.meta.url)) {
  const report = await runComplianceBench({ ...COMPLIANCE_DEFAULTS, adminUrl: process.env.BENCH_DATABASE_URL });
  printReport(report);
}
