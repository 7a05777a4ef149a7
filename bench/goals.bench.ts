/**
 * Targets of issue 4 (一个中心、两项机制):
 *  1. the roll-up of a 20,000-goal court tree — GET /api/goals?year= on the real server, which loads
 *     the court-year in one query and computes every goal's progress and overdue flag in memory —
 *     under 200 ms, on PGlite and on PostgreSQL (median of sequential requests; p95 in the note);
 *  2. the leader's six-type view over 150 courts (about 300 goals each), computed by the service over
 *     all tenants, under 1 s (worst of 10 runs).
 *
 *   node --import tsx bench/goals.bench.ts             (BENCH_DATABASE_URL adds PostgreSQL)
 */
import { and, eq, inArray } from 'drizzle-orm';
import { GoalsResponse } from '@qizhi/domain';
import { orgUnits, people } from '../apps/server/src/db/schema/index.ts';
import { summariseDimensionsAcrossCourts } from '../apps/server/src/modules/goals/goals.courts.ts';
import { listGoals } from '../apps/server/src/modules/goals/goals.service.ts';
import { seedDemoCourt } from '../apps/server/src/seed/demo-court.ts';
import { login } from './api-client.ts';
import { BENCH_PASSWORD, createDatabase, type BenchDatabase, type DatabaseKind } from './databases.ts';
import { writeGoalTree, writeProvinceGoalCourt } from './goals-generator.ts';
import { round, summarize } from './latency.ts';
import { isMainModule } from './paths.ts';
import { startQizhi, waitForStartupBackup } from './qizhi-server.ts';
import { printReport, runOnEachDatabase } from './per-database.ts';
import { target, type BenchReport } from './targets.ts';

export interface GoalsBenchOptions {
  goals: number;
  requests: number;
  courts: number;
  goalsPerCourt: number;
  provinceRuns: number;
  adminUrl: string | undefined;
}

export const GOALS_DEFAULTS: Omit<GoalsBenchOptions, 'adminUrl'> = {
  goals: 20_000,
  requests: 30,
  courts: 150,
  goalsPerCourt: 300,
  provinceRuns: 10,
};

const ROLLUP_MS = 200;
const PROVINCE_MS = 1_000;
/** A year of its own, so the demo court's goals do not mix in. */
const YEAR = 2031;
const nameOf = (kind: DatabaseKind) => (kind === 'pglite' ? 'PGlite' : 'PostgreSQL');

/** The demo court with a 20,000-goal year whose member goals belong to its members. */
async function prepareTreeCourt(bench: BenchDatabase, opts: GoalsBenchOptions) {
  const t0 = performance.now();
  const database = await bench.open();
  try {
    const { db } = database;
    await database.migrate();
    const { tenantId } = await seedDemoCourt(db, { demoPassword: BENCH_PASSWORD });
    const members = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), inArray(people.status, ['full', 'probationary'])));
    const [group] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'party_group')));
    const written = await writeGoalTree(db, {
      tenantId,
      orgUnitId: group!.id,
      personIds: members.map((m) => m.id),
      year: YEAR,
      total: opts.goals,
      seed: 2031,
    });
    if (bench.kind === 'postgresql') await db.execute('analyze');
    // The same work in-process, without HTTP: what the service itself costs.
    await listGoals(db, tenantId, YEAR);
    const service: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await listGoals(db, tenantId, YEAR);
      service.push(performance.now() - t);
    }
    return { tenantId, written, seedMs: Math.round(performance.now() - t0), service: summarize(service) };
  } finally {
    await database.close();
  }
}

async function rollupOn(kind: DatabaseKind, opts: GoalsBenchOptions) {
  const bench = await createDatabase(kind, opts.adminUrl);
  try {
    const court = await prepareTreeCourt(bench, opts);
    const server = await startQizhi(bench, 'goals-server.log');
    try {
      await waitForStartupBackup(bench);
      const session = await login(server.url, 'leader', BENCH_PASSWORD);
      // The target is the roll-up's request as the server does it; gzip (which a browser on a court
      // network asks for, and gets from 256 KB up) is measured beside it.
      const get = async (encoding = 'identity') => {
        const t = performance.now();
        const res = await fetch(`${server.url}/api/goals?year=${String(YEAR)}`, {
          headers: { cookie: session.cookie, 'accept-encoding': encoding },
        });
        const body = await res.text();
        const ms = performance.now() - t;
        if (res.status !== 200) throw new Error(`GET /api/goals: HTTP ${String(res.status)} ${body.slice(0, 300)}`);
        return { ms, body };
      };
      const first = await get();
      const parsed = GoalsResponse.parse(JSON.parse(first.body));
      if (parsed.items.length !== opts.goals)
        throw new Error(`expected ${String(opts.goals)} goals, got ${String(parsed.items.length)}`);
      for (let i = 0; i < 3; i++) await get();
      const samples: number[] = [];
      for (let i = 0; i < opts.requests; i++) samples.push((await get()).ms);
      const s = summarize(samples);
      const gzipped: number[] = [];
      for (let i = 0; i < 10; i++) gzipped.push((await get('gzip')).ms);
      const g = summarize(gzipped);
      return {
        target: target({
          id: `goals.rollup.${kind}`,
          target: `roll-up of a ${String(opts.goals)}-goal court tree, GET /api/goals in one request, median, ${nameOf(kind)}`,
          measured: round(s.p50),
          unit: 'ms',
          rule: 'below',
          limit: ROLLUP_MS,
          note: `${String(opts.requests)} sequential requests: p95 ${String(round(s.p95))}, max ${String(round(s.max))} ms; ${String(Math.round(first.body.length / 1024))} KiB; in-process service median ${String(round(court.service.p50))} ms; gzip median ${String(round(g.p50))} ms`,
        }),
        details: { court: { ...court, service: court.service }, http: s, gzip: g, bytes: first.body.length },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await bench.dispose();
  }
}

async function provinceOn(kind: DatabaseKind, opts: GoalsBenchOptions) {
  const bench = await createDatabase(kind, opts.adminUrl);
  const database = await bench.open();
  try {
    await database.migrate();
    const t0 = performance.now();
    let total = 0;
    for (let i = 1; i <= opts.courts; i++)
      total += await writeProvinceGoalCourt(database.db, i, YEAR, opts.goalsPerCourt);
    if (kind === 'postgresql') await database.db.execute('analyze');
    const seedMs = Math.round(performance.now() - t0);
    await summariseDimensionsAcrossCourts(database.db, YEAR);
    const samples: number[] = [];
    let courts = 0;
    for (let r = 0; r < opts.provinceRuns; r++) {
      const t = performance.now();
      const result = await summariseDimensionsAcrossCourts(database.db, YEAR);
      samples.push(performance.now() - t);
      courts = result.courts.length;
    }
    const s = summarize(samples);
    return {
      target: target({
        id: `goals.dimensions.province.${kind}`,
        target: `six-type dimension view over ${String(opts.courts)} courts (service over all tenants), worst of ${String(opts.provinceRuns)}, ${nameOf(kind)}`,
        measured: round(s.max),
        unit: 'ms',
        rule: 'below',
        limit: PROVINCE_MS,
        note: `${String(total)} goals in ${String(courts)} courts; median ${String(round(s.p50))} ms`,
      }),
      details: { courts, goals: total, seedMs, latency: s },
    };
  } finally {
    await database.close();
    await bench.dispose();
  }
}

export function runGoalsBench(opts: GoalsBenchOptions): Promise<BenchReport> {
  return runOnEachDatabase('goals', opts, {
    rollup: (kind) => rollupOn(kind, opts),
    province: (kind) => provinceOn(kind, opts),
  });
}

if (isMainModule(import.meta.url)) {
  const report = await runGoalsBench({ ...GOALS_DEFAULTS, adminUrl: process.env.BENCH_DATABASE_URL });
  printReport(report);
}
