import {
  courtToday,
  generateRota,
  parseWeek,
  weekStartOf,
  type GenerateRotaRequest,
  type PublicRotaResponse,
  type RotaEntry,
  type RotaResponse,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { courtWorkCalendar } from '../study/index.ts';
import * as repo from './rota.repo.ts';

function toEntry({ row, leaderName, post }: repo.JoinedRota): RotaEntry {
  return {
    id: row.id,
    weekStart: row.weekStart,
    receptionOn: row.receptionOn,
    personId: row.personId,
    leaderName,
    post: post ?? '',
    time: row.time,
    place: row.place,
    originalPersonId: row.originalPersonId,
    changeNote: row.changeNote,
  };
}

const nextDay = (d: string, days: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The ISO weeks of a year: from the Monday of week 1 to the Monday after its last week. */
function yearBounds(year: number): { from: string; to: string } {
  return {
    from: weekStartOf(`${String(year)}-01-04`),
    to: nextDay(weekStartOf(`${String(year)}-12-28`), 7),
  };
}

export async function listRota(ctx: RequestContext, year: number): Promise<RotaResponse> {
  const { from, to } = yearBounds(year);
  return { year, items: (await repo.findRotaBetween(ctx.db, ctx.tenantId, from, to)).map(toEntry) };
}

export async function listLeaderCandidates(ctx: RequestContext) {
  return {
    items: (await repo.findLeaderCandidates(ctx.db, ctx.tenantId)).map((l) => ({ ...l, post: l.post ?? '' })),
  };
}

async function checkPeople(db: Db, tenantId: string, ids: string[], path: string) {
  const found = await repo.findPeopleByIds(db, tenantId, [...new Set(ids)]);
  if (found.length !== new Set(ids).size) throw validationFailed([{ path, message: '所选领导不是本院人员' }]);
  return found;
}

/** One leader a week in turn for the year; weeks already on the rota are replaced. */
export async function generateYearRota(ctx: RequestContext, input: GenerateRotaRequest): Promise<RotaResponse> {
  const { db, actor } = ctx;
  const leaders = await checkPeople(db, actor.tenantId, input.leaderPersonIds, 'leaderPersonIds');
  // ISO weeks reach into the years on either side; a reception day on a holiday moves within its week.
  const calendar = await courtWorkCalendar(db, actor.tenantId, input.year - 1, input.year + 1);
  const weeks = generateRota(calendar, input.year, input.leaderPersonIds, input.weekday);
  await db.transaction(async (tx) => {
    await repo.upsertRota(
      tx,
      weeks.map((w) => ({
        tenantId: actor.tenantId,
        weekStart: w.weekStart,
        receptionOn: w.receptionOn,
        personId: w.leaderId,
        time: input.time,
        place: input.place,
      })),
    );
    await writeAudit(tx, actor, {
      action: 'reception_rota.generate',
      entity: 'reception_rota',
      summary: `生成${String(input.year)}年领导接访值班表：${leaders.map((l) => l.name).join('、')}轮流，共${String(weeks.length)}周`,
    });
  });
  return listRota(ctx, input.year);
}

function yearOfWeek(weekStart: string): number {
  return Number(nextDay(weekStart, 3).slice(0, 4));
}

/** Two weeks trade leaders; each row keeps who was planned and why it changed. */
export async function swapRotaWeeks(
  ctx: RequestContext,
  input: { weekA: string; weekB: string; note: string },
): Promise<RotaResponse> {
  const { db, actor } = ctx;
  const a = await repo.findRotaWeek(db, actor.tenantId, weekStartOf(input.weekA));
  const b = await repo.findRotaWeek(db, actor.tenantId, weekStartOf(input.weekB));
  if (!a) throw validationFailed([{ path: 'weekA', message: '该周不在接访值班表上' }]);
  if (!b) throw validationFailed([{ path: 'weekB', message: '该周不在接访值班表上' }]);
  if (a.id === b.id) throw validationFailed([{ path: 'weekB', message: '请选择另一周调换' }]);
  await db.transaction(async (tx) => {
    await repo.updateRotaEntry(tx, actor.tenantId, a.id, {
      personId: b.personId,
      originalPersonId: a.originalPersonId ?? a.personId,
      changeNote: `调换：${input.note}`,
    });
    await repo.updateRotaEntry(tx, actor.tenantId, b.id, {
      personId: a.personId,
      originalPersonId: b.originalPersonId ?? b.personId,
      changeNote: `调换：${input.note}`,
    });
    await writeAudit(tx, actor, {
      action: 'reception_rota.swap',
      entity: 'reception_rota',
      entityId: a.id,
      summary: `调换${a.weekStart}与${b.weekStart}两周的接访领导：${input.note}`,
    });
  });
  return listRota(ctx, yearOfWeek(a.weekStart));
}

export async function substituteRotaLeader(
  ctx: RequestContext,
  id: string,
  input: { personId: string; note: string },
): Promise<RotaResponse> {
  const { db, actor } = ctx;
  const entry = await repo.findRotaEntry(db, actor.tenantId, id);
  if (!entry) throw notFound('接访安排');
  const [person] = await checkPeople(db, actor.tenantId, [input.personId], 'personId');
  if (input.personId === entry.personId)
    throw validationFailed([{ path: 'personId', message: '替班人与原排定领导相同' }]);
  await db.transaction(async (tx) => {
    await repo.updateRotaEntry(tx, actor.tenantId, id, {
      personId: input.personId,
      originalPersonId: entry.originalPersonId ?? entry.personId,
      changeNote: `替班：${input.note}`,
    });
    await writeAudit(tx, actor, {
      action: 'reception_rota.substitute',
      entity: 'reception_rota',
      entityId: id,
      summary: `${entry.weekStart}一周由${person!.name}替班接访：${input.note}`,
    });
  });
  return listRota(ctx, yearOfWeek(entry.weekStart));
}

/** The public's view of a week: names, posts, day, time and place — nothing else of the leaders. */
export async function publicWeekRota(
  db: Db,
  court: { id: string; code: string; name: string },
  week: string | undefined,
): Promise<PublicRotaResponse> {
  const start = week === undefined ? weekStartOf(courtToday()) : parseWeek(week);
  if (start === null)
    throw new AppError('VALIDATION_FAILED', '周的格式应为 2026-W48 或该周内的日期 2026-11-30', {
      issues: [{ path: 'week', message: '周的格式应为 2026-W48 或该周内的日期' }],
    });
  const rows = await repo.findRotaBetween(db, court.id, start, nextDay(start, 7));
  return {
    court: { code: court.code, name: court.name },
    week: { start, end: nextDay(start, 6) },
    leaders: rows.map(({ row, leaderName, post }) => ({
      name: leaderName,
      post: post ?? '',
      date: row.receptionOn,
      time: row.time,
      place: row.place,
    })),
  };
}
