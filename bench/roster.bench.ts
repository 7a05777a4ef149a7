/**
 * The roster list API — a filtered page of 20 with its total, 10 saturating clients, nothing kept in
 * memory — p95 < 50 ms with 2,000 people in the court on PGlite (one court on one PC) and 10,000 on
 * PostgreSQL (issue 8's restatement for real courts). Also recorded, from issue 2: on PostgreSQL the
 * share of the throughput of a bare Fastify route doing one primary-key SELECT on the same database.
 *
 *   node --import tsx bench/roster.bench.ts            (BENCH_DATABASE_URL adds PostgreSQL)
 */
import path from 'node:path';
import { login, type Session } from './api-client.ts';
import { createDatabase, type DatabaseKind, type PreparedCourt, prepareCourt, BENCH_PASSWORD } from './databases.ts';
import { round } from './latency.ts';
import { runLoad } from './load.ts';
import { pidProbe, postgresBackendsCpuMs, selfProbe, type CpuProbe } from './process-cpu.ts';
import { BASELINE_ENTRY, isMainModule } from './paths.ts';
import { startQizhi, waitForStartupBackup } from './qizhi-server.ts';
import { probeRosterQueries, type ProbedQuery } from './roster-queries.ts';
import { startChildServer, type ChildServer } from './server-process.ts';
import { summaryTable } from './report.ts';
import { cpuNote, describeScenario, runScenarios, type Scenario, type ScenarioResult } from './scenarios.ts';
import { target, type BenchReport, type TargetResult } from './targets.ts';

export interface RosterBenchOptions {
  /** People in the court, per database. */
  people: Record<DatabaseKind, number>;
  concurrency: number;
  warmupMs: number;
  /** Per round; scenarios take turns round by round, so background noise hits them alike. */
  durationMs: number;
  rounds: number;
  adminUrl: string | undefined;
}

export const ROSTER_DEFAULTS: Omit<RosterBenchOptions, 'adminUrl'> = {
  people: { pglite: 2_000, postgresql: 10_000 },
  concurrency: 10,
  warmupMs: 3_000,
  durationMs: 10_000,
  rounds: 2,
};

const P95_LIMIT_MS = 50;
const BASELINE_SHARE = 30;

function loadOf(
  url: string,
  sessions: Session[],
  queries: readonly ProbedQuery[],
  opts: RosterBenchOptions,
  ms: number,
) {
  return runLoad({
    baseUrl: url,
    concurrency: opts.concurrency,
    durationMs: ms,
    request: (w, n) => {
      // Workers interleave, so at any moment they ask for different filters and pages.
      const i = n * opts.concurrency + w;
      const q = queries[i % queries.length];
      if (!q) throw new Error('no roster queries');
      const k = Math.floor(i / queries.length);
      return {
        path: `/api/members?${q.query(k)}`,
        label: q.labelOf?.(k) ?? q.label,
        headers: { cookie: sessions[w]?.cookie ?? '' },
      };
    },
    check: (body) => (body.includes('"total":') ? null : `unexpected body ${body.toString('utf8', 0, 200)}`),
  });
}

function baselineLoad(url: string, court: PreparedCourt, opts: RosterBenchOptions, ms: number) {
  return runLoad({
    baseUrl: url,
    concurrency: opts.concurrency,
    durationMs: ms,
    request: (w, n) => ({
      path: `/person/${court.personIds[((n * opts.concurrency + w) * 7_919) % court.personIds.length] ?? ''}`,
      label: 'GET /person/:id',
    }),
  });
}

function latencyTarget(id: string, what: string, result: ScenarioResult): TargetResult {
  const { load } = result;
  const t = target({
    id,
    target: what,
    measured: round(load.latency.p95),
    unit: 'ms',
    rule: 'below',
    limit: P95_LIMIT_MS,
    note: `${String(Math.round(load.rps))} req/s, p50 ${String(round(load.latency.p50))}, p99 ${String(round(load.latency.p99))}, max ${String(round(load.latency.max))} ms; ${cpuNote(result)}${load.errors ? `; ${String(load.errors)} ERRORS` : ''}`,
  });
  return load.errors > 0 ? { ...t, pass: false } : t;
}

function shareTarget(id: string, label: string, result: ScenarioResult, base: ScenarioResult): TargetResult {
  return target({
    id,
    target: `roster (${label}) throughput / bare PK SELECT, PostgreSQL`,
    measured: round((result.load.rps / base.load.rps) * 100),
    unit: '%',
    rule: 'atLeast',
    limit: BASELINE_SHARE,
    note: `${String(Math.round(result.load.rps))} vs ${String(Math.round(base.load.rps))} req/s; baseline p95 ${String(round(base.load.latency.p95))} ms, ${cpuNote(base)}${base.load.errors ? `; ${String(base.load.errors)} ERRORS` : ''}`,
  });
}

async function benchOn(
  kind: DatabaseKind,
  opts: RosterBenchOptions,
): Promise<{ targets: TargetResult[]; details: Record<string, unknown> }> {
  const bench = await createDatabase(kind, opts.adminUrl);
  const servers: ChildServer[] = [];
  try {
    const court = await prepareCourt(bench, opts.people[kind]);
    const version = await bench.version();
    const qizhi = await startQizhi(bench, 'roster-server.log');
    servers.push(qizhi);
    const backupWaitMs = await waitForStartupBackup(bench);
    const sessions: Session[] = [];
    for (let w = 0; w < opts.concurrency; w++) sessions.push(await login(qizhi.url, 'clerk', BENCH_PASSWORD));
    const { fullMembers, mix } = await probeRosterQueries(qizhi.url, sessions[0]!, court);

    const dbName = bench.url ? new URL(bench.url).pathname.slice(1) : '';
    const probesOf = (pid: number): Record<string, CpuProbe> => ({
      server: pidProbe(pid),
      ...(kind === 'postgresql' ? { postgres: () => postgresBackendsCpuMs(dbName) } : {}),
      client: selfProbe,
    });
    const scenarios: Scenario[] = [
      {
        name: 'fullMembers',
        run: (ms) => loadOf(qizhi.url, sessions, [fullMembers], opts, ms),
        probes: probesOf(qizhi.pid),
      },
      { name: 'mixed', run: (ms) => loadOf(qizhi.url, sessions, mix, opts, ms), probes: probesOf(qizhi.pid) },
    ];
    if (kind === 'postgresql' && bench.url) {
      const baseline = await startChildServer({
        entry: BASELINE_ENTRY,
        env: { BASELINE_DATABASE_URL: bench.url, BASELINE_TENANT_ID: court.tenantId },
        logFile: path.join(bench.dataDir, 'baseline-server.log'),
        readyPath: `/person/${court.personIds[0] ?? ''}`,
      });
      servers.push(baseline);
      scenarios.push({
        name: 'baseline',
        run: (ms) => baselineLoad(baseline.url, court, opts, ms),
        probes: probesOf(baseline.pid),
      });
    }

    const results = await runScenarios(scenarios, opts);

    const page = results.get('fullMembers')!;
    const mixed = results.get('mixed')!;
    const base = results.get('baseline');
    const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const people = `${court.people.toLocaleString('en')} people`;
    const targets = [
      latencyTarget(`roster.p95.${kind}`, `roster page (status=full&retired=false) p95, ${name}, ${people}`, page),
      latencyTarget(`roster.mix.p95.${kind}`, `roster page (mixed filters) p95, ${name}, ${people}`, mixed),
    ];
    if (base) {
      targets.push(shareTarget('roster.share.postgresql', 'status=full&retired=false', page, base));
      targets.push(shareTarget('roster.mix.share.postgresql', 'mixed filters', mixed, base));
    }
    const details: Record<string, unknown> = {
      database: version,
      court: { people: court.people, fullInService: court.fullInService, seedMs: Math.round(court.seedMs) },
      backupWaitMs: Math.round(backupWaitMs),
      totals: Object.fromEntries(mix.map((q) => [q.label, q.total])),
      fullMembers: describeScenario(page),
      mixed: describeScenario(mixed),
      ...(base ? { baseline: describeScenario(base) } : {}),
    };
    return { targets, details };
  } finally {
    for (const server of servers) await server.stop();
    await bench.dispose();
  }
}

export async function runRosterBench(opts: RosterBenchOptions): Promise<BenchReport> {
  const kinds: DatabaseKind[] = opts.adminUrl ? ['pglite', 'postgresql'] : ['pglite'];
  const targets: TargetResult[] = [];
  const details: Record<string, unknown> = { options: { ...opts, adminUrl: opts.adminUrl ? '(set)' : undefined } };
  for (const kind of kinds) {
    const result = await benchOn(kind, opts);
    targets.push(...result.targets);
    details[kind] = result.details;
  }
  return { bench: 'roster', targets, details };
}

if (isMainModule(import.meta.url)) {
  const report = await runRosterBench({ ...ROSTER_DEFAULTS, adminUrl: process.env.BENCH_DATABASE_URL });
  process.stdout.write(`${summaryTable(report.targets)}\n\n${JSON.stringify(report.details, null, 2)}\n`);
}
