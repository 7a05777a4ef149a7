/** Study programmes (recurring over the working calendar) and their sessions. */
import { randomBytes } from 'node:crypto';
import {
  addDays,
  courtInstant,
  courtToday,
  MAX_PROGRAMME_SESSIONS,
  recurrenceDays,
  STUDY_KIND_LABELS,
  STUDY_RECURRENCE_LABELS,
  WEEKDAY_LABELS,
  type CreateStudyProgrammeRequest,
  type CreateStudySessionRequest,
  type StudyProgramme,
  type StudyRecurrence,
  type StudySessionItem,
  type StudySessionStatus,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { isBlankRichText, sanitizeRichText } from '../meetings/index.ts';
import { loadWorkCalendar } from './calendar.service.ts';
import { visibleOrgUnitIds } from './study-access.ts';
import { mayAttach } from '../files/index.ts';
import * as repo from './study.repo.ts';

export const ALL_STAFF = '全院干警';

export function statusOf(s: { startsAt: Date; cancelledAt: Date | null }, now = new Date()): StudySessionStatus {
  if (s.cancelledAt) return 'cancelled';
  return s.startsAt <= now ? 'held' : 'planned';
}

export function toItem(row: { session: repo.StudySessionRow; orgUnitName: string | null }): StudySessionItem {
  const s = row.session;
  return {
    id: s.id,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    hours: s.hours,
    status: statusOf(s),
    kind: s.kind,
    endsAt: s.endsAt?.toISOString() ?? null,
    place: s.place,
    orgUnitId: s.orgUnitId,
    orgUnitName: s.orgUnitId === null ? ALL_STAFF : (row.orgUnitName ?? ''),
    courtTypes: s.courtTypes,
    programmeId: s.programmeId,
  };
}

/** From and to (court days, both included); the current month when omitted; at most a year and a day. */
function rangeOf(q: { from?: string | undefined; to?: string | undefined }) {
  const today = courtToday();
  const from = q.from ?? `${today.slice(0, 7)}-01`;
  const to = q.to ?? addDays(`${addDays(`${today.slice(0, 7)}-28`, 7).slice(0, 7)}-01`, -1);
  if (from > to) throw validationFailed([{ path: 'to', message: '结束日期不能早于开始日期' }]);
  if (to > addDays(from, 366)) throw validationFailed([{ path: 'to', message: '查询范围最长一年' }]);
  return { from: courtInstant(from), to: courtInstant(addDays(to, 1)) };
}

export async function listSessions(
  ctx: RequestContext,
  q: { from?: string | undefined; to?: string | undefined; orgUnitId?: string | undefined; kind?: string | undefined },
) {
  const range = rangeOf(q);
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  const visible = await visibleOrgUnitIds(ctx, units);
  const rows = await repo.findSessions(ctx.db, ctx.tenantId, {
    ...range,
    visibleOrgUnitIds: visible,
    orgUnitId: q.orgUnitId,
    ...(q.kind ? { kind: q.kind } : {}),
  });
  const items = rows.map(toItem);
  return { items, total: items.length };
}

/** The organisation must be of this court and within the manager's reach (court-wide sessions: court-wide only). */
export async function assertMayRun(ctx: RequestContext, orgUnitId: string | null) {
  if (orgUnitId !== null) {
    const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
    if (!units.some((u) => u.id === orgUnitId))
      throw validationFailed([{ path: 'orgUnitId', message: '所选组织不存在' }]);
  }
  if (!(await ctx.can('study.manage', orgUnitId)))
    throw new AppError(
      'FORBIDDEN',
      orgUnitId === null ? '只有全院范围的管理人员可以安排全院干警参加的学习' : '只能为本人管理的组织安排学习',
    );
}

export async function checkMaterials(
  db: Db,
  tenantId: string,
  input: { materialsHtml?: string | null | undefined; fileIds?: string[] | undefined },
) {
  const fileIds = [...new Set(input.fileIds ?? [])];
  if ((await repo.findFilesByIds(db, tenantId, fileIds)).length !== fileIds.length)
    throw validationFailed([{ path: 'fileIds', message: '附件不存在，请重新上传' }]);
  const html = input.materialsHtml ? sanitizeRichText(input.materialsHtml) : null;
  return { materialsHtml: html && !isBlankRichText(html) ? html : null, fileIds };
}

export async function createSession(ctx: RequestContext, input: CreateStudySessionRequest) {
  await assertMayRun(ctx, input.orgUnitId);
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt <= startsAt) throw validationFailed([{ path: 'endsAt', message: '结束时间应晚于开始时间' }]);
  const { materialsHtml, fileIds } = await checkMaterials(ctx.db, ctx.tenantId, input);
  if (!(await mayAttach(ctx, fileIds)))
    throw validationFailed([{ path: 'fileIds', message: '只能附加本人上传的文件，请重新上传' }]);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await repo.insertSessions(tx, [
      {
        tenantId: ctx.tenantId,
        title: input.title,
        kind: input.kind,
        topic: input.topic ?? null,
        speaker: input.speaker ?? null,
        startsAt,
        endsAt,
        place: input.place,
        orgUnitId: input.orgUnitId,
        hours: input.hours,
        courtTypes: input.courtTypes,
        materialsHtml,
        links: input.links,
        signInSecret: randomBytes(32).toString('base64url'),
      },
    ]);
    await repo.replaceSessionFiles(tx, ctx.tenantId, row!.id, fileIds);
    await writeAudit(tx, ctx.actor, {
      action: 'study.session_create',
      entity: 'study_session',
      entityId: row!.id,
      summary: `安排学习：「${input.title}」（${STUDY_KIND_LABELS[input.kind]}，${String(input.hours)}学时）`,
      after: { ...input, materialsHtml },
    });
    return row!.id;
  });
  return id;
}

export function describeRecurrence(r: StudyRecurrence): string {
  if (r.kind === 'weekly') return `每${WEEKDAY_LABELS[r.weekday] ?? ''}`;
  if (r.kind === 'monthly') return `每月${String(r.dayOfMonth)}日（遇节假日顺延）`;
  return STUDY_RECURRENCE_LABELS.workdays;
}

/** A programme: its sessions are made now, on the days the working calendar gives. */
export async function createProgramme(
  ctx: RequestContext,
  input: CreateStudyProgrammeRequest,
): Promise<StudyProgramme> {
  if (input.from > input.to) throw validationFailed([{ path: 'to', message: '结束日期不能早于开始日期' }]);
  if (input.to > addDays(input.from, 366)) throw validationFailed([{ path: 'to', message: '一个学习计划最长一年' }]);
  await assertMayRun(ctx, input.orgUnitId);
  const calendar = await loadWorkCalendar(ctx.db, ctx.tenantId, input.from, input.to);
  const days = recurrenceDays(calendar, input.recurrence, input.from, input.to);
  if (days.length === 0)
    throw validationFailed([{ path: 'recurrence', message: '起止日期内没有符合重复方式的工作日' }]);
  if (days.length > MAX_PROGRAMME_SESSIONS) throw new AppError('STUDY_PROGRAMME_TOO_LONG');
  const programme = await ctx.db.transaction(async (tx) => {
    const p = await repo.insertProgramme(tx, {
      tenantId: ctx.tenantId,
      title: input.title,
      kind: input.kind,
      recurrence: input.recurrence,
      fromDay: input.from,
      toDay: input.to,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
      hours: input.hours,
      place: input.place,
      speaker: input.speaker ?? null,
      orgUnitId: input.orgUnitId,
      courtTypes: input.courtTypes,
    });
    await repo.insertSessions(
      tx,
      days.map((day) => {
        const startsAt = courtInstant(day, input.startTime);
        return {
          tenantId: ctx.tenantId,
          programmeId: p.id,
          title: input.title,
          kind: input.kind,
          speaker: input.speaker ?? null,
          startsAt,
          endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000),
          place: input.place,
          orgUnitId: input.orgUnitId,
          hours: input.hours,
          courtTypes: input.courtTypes,
          signInSecret: randomBytes(32).toString('base64url'),
        };
      }),
    );
    await writeAudit(tx, ctx.actor, {
      action: 'study.programme_create',
      entity: 'study_programme',
      entityId: p.id,
      summary: `制定学习计划：「${input.title}」，${describeRecurrence(input.recurrence)} ${input.startTime}，${input.from}至${input.to}共${String(days.length)}场，每场${String(input.hours)}学时`,
      after: input,
    });
    return p;
  });
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  return toProgramme({ programme, sessions: days.length }, units, days[0] ?? null, days[days.length - 1] ?? null);
}

function toProgramme(
  row: { programme: repo.StudyProgrammeRow; sessions: number },
  units: readonly { id: string; name: string }[],
  firstDay: string | null,
  lastDay: string | null,
): StudyProgramme {
  const p = row.programme;
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    recurrence: p.recurrence,
    from: p.fromDay,
    to: p.toDay,
    startTime: p.startTime,
    durationMinutes: p.durationMinutes,
    hours: p.hours,
    place: p.place,
    orgUnitId: p.orgUnitId,
    orgUnitName: p.orgUnitId === null ? ALL_STAFF : (units.find((u) => u.id === p.orgUnitId)?.name ?? ''),
    courtTypes: p.courtTypes,
    sessions: row.sessions,
    firstDay,
    lastDay,
  };
}

export async function listProgrammes(ctx: RequestContext) {
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  const visible = await visibleOrgUnitIds(ctx, units);
  const rows = await repo.findProgrammes(ctx.db, ctx.tenantId);
  const items = rows
    .filter((r) => visible === undefined || r.programme.orgUnitId === null || visible.includes(r.programme.orgUnitId))
    .map((r) => toProgramme(r, units, r.programme.fromDay, r.programme.toDay));
  return { items };
}
