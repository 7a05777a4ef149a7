/**
 * Targets of issues 4 and 8 (一个中心、两项机制):
 *  1. the first screen of a 20,000-goal court tree — GET /api/goals?year=, the year's top level, on
 *     the real server, which rolls up every goal's progress and overdue flag over the whole tree and
 *     sends one level — p95 under 100 ms on PGlite and on PostgreSQL, and no level of the tree (nor a
 *     goal's path) answering over 1 MB;
 *  2. the leader's six-type view over 150 courts (about 300 goals each), computed over all tenants
 *     (bench/goals-courts.ts, not part of the server), under 1 s (worst of 10 runs).
 *
 *   node --import tsx bench/goals.bench.ts             (BENCH_DATABASE_URL adds PostgreSQL)
 */
import { and, eq, inArray } from 'drizzle-orm';
import { courtToday, GoalPathResponse, GoalsResponse, rollUpGoalList } from '@qizhi/domain';
import { orgUnits, people } from '../apps/server/src/db/schema/index.ts';
import { findRollUpNodesOfYear } from '../apps/server/src/modules/goals/goals.year.repo.ts';
import { summariseDimensionsAcrossCourts } from './goals-courts.ts';
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

const FIRST_SCREEN_MS = 100;
const MAX_RESPONSE_BYTES = 1024 * 1024;
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
    // The roll-up in-process, without HTTP: the read of what it needs and the walk over the tree.
    const rollUp = async () => rollUpGoalList(await findRollUpNodesOfYear(db, tenantId, YEAR), courtToday());
    await rollUp();
    const service: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await rollUp();
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
      const get = async (url: string, encoding = 'identity') => {
        const t = performance.now();
        const res = await fetch(`${server.url}${url}`, {
          headers: { cookie: session.cookie, 'accept-encoding': encoding },
        });
        const body = await res.text();
        const ms = performance.now() - t;
        if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${String(res.status)} ${body.slice(0, 300)}`);
        return { ms, body };
      };
      const level = (parentId?: string) => `/api/goals?year=${String(YEAR)}${parentId ? `&parentId=${parentId}` : ''}`;
      // The whole tree a level at a time, once: every goal is reached, and no answer is over 1 MB.
      let reached = 0;
      let largest = 0;
      let deepest = '';
      let parents: (string | undefined)[] = [undefined];
      while (parents.length > 0) {
        const next: string[] = [];
        for (const parentId of parents) {
          const { body } = await get(level(parentId));
          largest = Math.max(largest, Buffer.byteLength(body));
          for (const g of GoalsResponse.parse(JSON.parse(body)).items) {
            reached++;
            deepest = g.id;
            if (g.childCount > 0) next.push(g.id);
          }
        }
        parents = next;
      }
      if (reached !== opts.goals) throw new Error(`expected ${String(opts.goals)} goals, reached ${String(reached)}`);
      const path = await get(`/api/goals/${deepest}/path`);
      if (GoalPathResponse.parse(JSON.parse(path.body)).items.length !== 4)
        throw new Error('a member goal has a 4-goal path');
      largest = Math.max(largest, Buffer.byteLength(path.body));
      // The first screen: the year's top level, rolled up over the whole tree.
      const first = await get(level());
      for (let i = 0; i < 3; i++) await get(level());
      const samples: number[] = [];
      for (let i = 0; i < opts.requests; i++) samples.push((await get(level())).ms);
      const s = summarize(samples);
      const gzipped: number[] = [];
      for (let i = 0; i < 10; i++) gzipped.push((await get(level(), 'gzip')).ms);
      const g = summarize(gzipped);
      const paths: number[] = [];
      for (let i = 0; i < 10; i++) paths.push((await get(`/api/goals/${deepest}/path`)).ms);
      const p = summarize(paths);
      return {
        target: [
          target({
            id: `goals.first-screen.${kind}`,
            target: `first screen of a ${String(opts.goals)}-goal court tree (GET /api/goals, the top level rolled up over the whole tree), p95, ${nameOf(kind)}`,
            measured: round(s.p95),
            unit: 'ms',
            rule: 'below',
            limit: FIRST_SCREEN_MS,
            note: `${String(opts.requests)} sequential requests: median ${String(round(s.p50))}, max ${String(round(s.max))} ms; ${String(Math.round(first.body.length / 1024))} KiB; in-process roll-up median ${String(round(court.service.p50))} ms; gzip median ${String(round(g.p50))} ms; a member goal's path median ${String(round(p.p50))} ms`,
          }),
          target({
            id: `goals.largest-response.${kind}`,
            target: `largest answer walking the whole ${String(opts.goals)}-goal tree a level at a time (and a path), ${nameOf(kind)}`,
            measured: largest,
            unit: 'bytes',
            rule: 'below',
            limit: MAX_RESPONSE_BYTES,
            note: `${String(reached)} goals reached`,
          }),
        ],
        details: {
          court: { ...court, service: court.service },
          http: s,
          gzip: g,
          path: p,
          bytes: first.body.length,
          largest,
        },
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
