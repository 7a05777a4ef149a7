/**
 * Target of issue 12 (学习平台): a court's full year — ≈250 morning sessions (every working day of
 * the 2027 calendar) × 80 serving staff — and the study-hours ledger for all staff,
 * GET /api/study/hours?year=, p95 under 100 ms on PGlite and on PostgreSQL.
 *
 * The route is driven through the server's own app (`buildApp` + `inject`: the auth hook, the
 * schema, the serialisation) on the bench database, without a listening port.
 *
 * And a province's ledger summary (150 courts) under 1 s: the query a superior-court view would run.
 *
 *   node --import tsx bench/study.bench.ts             (BENCH_DATABASE_URL adds PostgreSQL;
 *                                                        BENCH_STUDY_COURTS=0 skips the province)
 */
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { courtInstant, recurrenceDays, StudyHoursResponse, workCalendarOf } from '@qizhi/domain';
import { buildApp } from '../apps/server/src/app.ts';
import { orgUnits, people, studyAttendance, studySessions, tenants } from '../apps/server/src/db/schema/index.ts';
import { courtLedgerSummaries } from '../apps/server/src/modules/study/province-summary.repo.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { seedDemoCourt } from '../apps/server/src/seed/demo-court.ts';
import { OFFICIAL_WORK_CALENDARS } from '../apps/server/src/seed/work-calendar.data.ts';
import { BENCH_PASSWORD, createDatabase, type DatabaseKind } from './databases.ts';
import { round, summarize } from './latency.ts';
import { isMainModule } from './paths.ts';
import { printReport, runOnEachDatabase } from './per-database.ts';
import { target, type BenchReport } from './targets.ts';
import { signInByInject } from './two-factor.ts';

export interface StudyBenchOptions {
  staff: number;
  requests: number;
  /** Courts of the province summary (0 skips it). */
  courts: number;
  adminUrl: string | undefined;
}
export const STUDY_DEFAULTS: Omit<StudyBenchOptions, 'adminUrl'> = { staff: 80, requests: 40, courts: 150 };

const LEDGER_MS = 100;
const PROVINCE_MS = 1000;
const YEAR = 2027;
const nameOf = (kind: DatabaseKind) => (kind === 'pglite' ? 'PGlite' : 'PostgreSQL');

async function ledgerOn(kind: DatabaseKind, opts: StudyBenchOptions) {
  const bench = await createDatabase(kind, opts.adminUrl);
  const database = await bench.open();
  try {
    const { db } = database;
    await database.migrate();
    const t0 = performance.now();
    const { tenantId } = await seedDemoCourt(db, { demoPassword: BENCH_PASSWORD });
    const serving = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.retired, false)));
    const [branch] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'branch')));
    // Staff up to the court's size: the extra ones are members of the branch.
    const extra = Array.from({ length: Math.max(0, opts.staff - serving.length) }, (_, i) => ({
      tenantId,
      name: `学习测试${String(i + 1).padStart(3, '0')}`,
      gender: 'male' as const,
      status: 'full' as const,
      orgUnitId: branch!.id,
    }));
    if (extra.length > 0) serving.push(...(await db.insert(people).values(extra).returning({ id: people.id })));
    const days = recurrenceDays(
      workCalendarOf(OFFICIAL_WORK_CALENDARS),
      { kind: 'workdays' },
      `${String(YEAR)}-01-01`,
      `${String(YEAR)}-12-31`,
    );
    const sessions = await db
      .insert(studySessions)
      .values(
        days.map((day) => ({
          tenantId,
          title: '晨会集体学习',
          kind: 'morning_study' as const,
          startsAt: courtInstant(day, '08:00'),
          place: '会议室',
          orgUnitId: null,
          hours: 0.5,
          signInSecret: randomBytes(16).toString('base64url'),
        })),
      )
      .returning({ id: studySessions.id, startsAt: studySessions.startsAt });
    let rows = 0;
    for (const [n, s] of sessions.entries()) {
      const values = serving
        .filter((_, i) => (i + n) % 10 !== 0)
        .map((p) => ({
          tenantId,
          sessionId: s.id,
          personId: p.id,
          state: 'present' as const,
          signedInAt: s.startsAt,
          signInMethod: 'code' as const,
          startsAt: s.startsAt,
          hours: 0.5,
        }));
      await db.insert(studyAttendance).values(values);
      rows += values.length;
    }
    if (kind === 'postgresql') await db.execute('analyze');
    const seedMs = Math.round(performance.now() - t0);

    const config = loadConfig({ QIZHI_DATA_DIR: bench.dataDir, LOG_LEVEL: 'silent', QIZHI_LOGIN_RATE_LIMIT: '1000' });
    const app = await buildApp({ config, database }, { logger: false });
    try {
      await app.ready();
      const login = await signInByInject(app, 'leader', BENCH_PASSWORD);
      if (login.statusCode !== 200) throw new Error(`login: ${String(login.statusCode)} ${login.body}`);
      const cookie = [login.headers['set-cookie']]
        .flat()
        .map((c) => String(c).split(';')[0])
        .join('; ');
      const get = async () => {
        const t = performance.now();
        const res = await app.inject({
          method: 'GET',
          url: `/api/study/hours?year=${String(YEAR)}`,
          headers: { cookie },
        });
        const ms = performance.now() - t;
        if (res.statusCode !== 200)
          throw new Error(`GET /api/study/hours: ${String(res.statusCode)} ${res.body.slice(0, 300)}`);
        return { ms, body: res.body };
      };
      const first = StudyHoursResponse.parse(JSON.parse((await get()).body));
      if (first.items.length < opts.staff)
        throw new Error(`expected ${String(opts.staff)} people, got ${String(first.items.length)}`);
      for (let i = 0; i < 5; i++) await get();
      const samples: number[] = [];
      for (let i = 0; i < opts.requests; i++) samples.push((await get()).ms);
      const s = summarize(samples);
      return {
        target: target({
          id: `study.ledger.${kind}`,
          target: `study-hours ledger of all staff for a year (GET /api/study/hours, ${String(sessions.length)} morning sessions × ${String(first.items.length)} people), p95, ${nameOf(kind)}`,
          measured: round(s.p95),
          unit: 'ms',
          rule: 'below',
          limit: LEDGER_MS,
          note: `${String(opts.requests)} sequential requests through app.inject: median ${String(round(s.p50))}, max ${String(round(s.max))} ms; ${String(rows)} attendance rows`,
        }),
        details: { sessions: sessions.length, people: first.items.length, rows, seedMs, latency: s },
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await bench.dispose();
  }
}

/**
 * A province (issue 12: 150 courts) — each court a full year of morning study, `staff` people, nine in
 * ten present each morning — and the ledger summary over all of them. No superior-court view exists
 * yet, so this measures the query such a view would run (province-summary.repo.ts), in-process.
 */
async function provinceOn(kind: DatabaseKind, opts: StudyBenchOptions) {
  const bench = await createDatabase(kind, opts.adminUrl);
  const database = await bench.open();
  try {
    const { db } = database;
    await database.migrate();
    const t0 = performance.now();
    const courts = await db
      .insert(tenants)
      .values(
        Array.from({ length: opts.courts }, (_, i) => ({
          code: `province-${String(i + 1).padStart(3, '0')}`,
          name: `第${String(i + 1)}人民法院`,
        })),
      )
      .returning({ id: tenants.id });
    const ids = courts.map((c) => c.id);
    const days = recurrenceDays(
      workCalendarOf(OFFICIAL_WORK_CALENDARS),
      { kind: 'workdays' },
      `${String(YEAR)}-01-01`,
      `${String(YEAR)}-12-31`,
    );
    const starts = sql.join(
      days.map((d) => sql`(${courtInstant(d, '08:00').toISOString()}::timestamptz)`),
      sql`, `,
    );
    let rows = 0;
    for (const tenantId of ids) {
      // One court at a time, inside the database: 80 people, 250 sessions, ≈18,000 attendance rows.
      await db.execute(sql`insert into ${people} (tenant_id, name, gender, status)
        select ${tenantId}::uuid, '干警' || n, 'male', 'full' from generate_series(1, ${opts.staff}) n`);
      await db.execute(sql`insert into ${studySessions} (tenant_id, title, kind, starts_at, place, hours, sign_in_secret)
        select ${tenantId}::uuid, '晨会集体学习', 'morning_study', d.s, '会议室', 0.5, md5(d.s::text)
        from (values ${starts}) as d(s)`);
      await db.execute(sql`insert into ${studyAttendance}
          (tenant_id, session_id, person_id, state, signed_in_at, sign_in_method, starts_at, hours)
        select s.tenant_id, s.id, p.id, 'present', s.starts_at, 'code', s.starts_at, 0.5
        from ${studySessions} s join ${people} p on p.tenant_id = s.tenant_id
        where s.tenant_id = ${tenantId}::uuid and abs(hashtext(p.id::text || s.id::text)) % 10 <> 0`);
    }
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(studyAttendance);
    rows = Number(count!.n);
    if (kind === 'postgresql') await db.execute(sql`vacuum analyze`);
    const seedMs = Math.round(performance.now() - t0);
    const from = courtInstant(`${String(YEAR)}-01-01`);
    const to = courtInstant(`${String(YEAR + 1)}-01-01`);
    const run = async () => {
      const t = performance.now();
      const summary = await courtLedgerSummaries(db, ids, from, to);
      return { ms: performance.now() - t, summary };
    };
    if (process.env.BENCH_EXPLAIN) {
      const { courtLedgerSummariesSql } = await import('../apps/server/src/modules/study/province-summary.repo.ts');
      const explained = await db.execute<{ 'QUERY PLAN': string }>(
        sql`explain analyze ${courtLedgerSummariesSql(ids, from, to)}`,
      );
      const plan = explained as { rows: { 'QUERY PLAN': string }[] };
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const first = (await run()).summary;
    if (first.length !== opts.courts || first.some((c) => c.people !== opts.staff))
      throw new Error(`expected ${String(opts.courts)} courts of ${String(opts.staff)} people`);
    await run();
    const samples: number[] = [];
    const requests = Math.max(5, Math.round(opts.requests / 4));
    for (let i = 0; i < requests; i++) samples.push((await run()).ms);
    const s = summarize(samples);
    return {
      target: target({
        id: `study.province.${kind}`,
        target: `a province's study-hours ledger summary (${String(opts.courts)} courts × ${String(opts.staff)} people × ${String(days.length)} morning sessions), p95, ${nameOf(kind)} — the query a superior-court view would run (none exists yet)`,
        measured: round(s.p95),
        unit: 'ms',
        rule: 'below',
        limit: PROVINCE_MS,
        note: `${String(requests)} sequential runs in-process: median ${String(round(s.p50))}, max ${String(round(s.max))} ms; ${String(rows)} attendance rows`,
      }),
      details: { courts: opts.courts, people: opts.staff, sessions: days.length, rows, seedMs, latency: s },
    };
  } finally {
    await database.close();
    await bench.dispose();
  }
}

export function runStudyBench(opts: StudyBenchOptions): Promise<BenchReport> {
  // A province runs on PostgreSQL (one court per PC is the embedded database's case); the province on
  // PGlite — 2.7 million rows in one process — only when asked for.
  const provinceOnPglite = process.env.BENCH_STUDY_PROVINCE_PGLITE === '1';
  return runOnEachDatabase(
    'study',
    opts,
    {
      ledger: (kind) => ledgerOn(kind, opts),
      ...(opts.courts > 0 ? { province: (kind: DatabaseKind) => provinceOn(kind, opts) } : {}),
    },
    provinceOnPglite ? {} : { province: ['postgresql'] },
  );
}

if (isMainModule(import.meta.url)) {
  const courts = process.env.BENCH_STUDY_COURTS;
  const report = await runStudyBench({
    ...STUDY_DEFAULTS,
    ...(courts ? { courts: Number(courts) } : {}),
    adminUrl: process.env.BENCH_DATABASE_URL,
  });
  printReport(report);
}
