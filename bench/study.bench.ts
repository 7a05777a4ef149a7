/**
 * Target of issue 12 (学习平台): a court's full year — ≈250 morning sessions (every working day of
 * the 2027 calendar) × 80 serving staff — and the study-hours ledger for all staff,
 * GET /api/study/hours?year=, p95 under 100 ms on PGlite and on PostgreSQL.
 *
 * The route is driven through the server's own app (`buildApp` + `inject`: the auth hook, the
 * schema, the serialisation) on the bench database, without a listening port.
 *
 *   node --import tsx bench/study.bench.ts             (BENCH_DATABASE_URL adds PostgreSQL)
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { courtInstant, recurrenceDays, StudyHoursResponse, workCalendarOf } from '@qizhi/domain';
import { buildApp } from '../apps/server/src/app.ts';
import { orgUnits, people, studyAttendance, studySessions } from '../apps/server/src/db/schema/index.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { seedDemoCourt } from '../apps/server/src/seed/demo-court.ts';
import { OFFICIAL_WORK_CALENDARS } from '../apps/server/src/seed/work-calendar.data.ts';
import { BENCH_PASSWORD, createDatabase, type DatabaseKind } from './databases.ts';
import { round, summarize } from './latency.ts';
import { isMainModule } from './paths.ts';
import { printReport, runOnEachDatabase } from './per-database.ts';
import { target, type BenchReport } from './targets.ts';

export interface StudyBenchOptions {
  staff: number;
  requests: number;
  adminUrl: string | undefined;
}
export const STUDY_DEFAULTS: Omit<StudyBenchOptions, 'adminUrl'> = { staff: 80, requests: 40 };

const LEDGER_MS = 100;
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
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'leader', password: BENCH_PASSWORD },
      });
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

export function runStudyBench(opts: StudyBenchOptions): Promise<BenchReport> {
  return runOnEachDatabase('study', opts, { ledger: (kind) => ledgerOn(kind, opts) });
}

if (isMainModule(import.meta.url)) {
  const report = await runStudyBench({ ...STUDY_DEFAULTS, adminUrl: process.env.BENCH_DATABASE_URL });
  printReport(report);
}
