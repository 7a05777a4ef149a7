import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import {
  ABSENCE_LIMIT_MONTHS,
  ABSENCE_WARNING_MONTHS,
  complianceState,
  consecutiveAbsentMonths,
  MEETING_TYPE_LABELS,
  MINUTES_OVERDUE_DAYS,
  participationOfMonth,
  courtMonthStart,
  courtYearMonth,
  courtToday,
  type Reminder,
  type Reminders,
} from '@qizhi/domain';
import { meetingAttendees, meetings, meetingTasks, orgUnits } from '../../../db/schema/index.ts';
import type { AuthContext } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { scopeOf } from '../meeting-access.ts';
import { shanghaiDateTime } from '../plan/ledger.ts';
import * as repo from './compliance.repo.ts';
import { computeComplianceFor, orgsInReach } from './compliance.service.ts';

const DAY = 86_400_000;

/** Notices of meetings the person is to attend: from now (sign-in still open) on. */
async function meetingsToAttend(db: Db, tenantId: string, personId: string, now: Date): Promise<Reminder[]> {
  const rows = await db
    .select({ meeting: meetings, noticeReadAt: meetingAttendees.noticeReadAt, orgUnitName: orgUnits.name })
    .from(meetingAttendees)
    .innerJoin(
      meetings,
      and(eq(meetings.tenantId, meetingAttendees.tenantId), eq(meetings.id, meetingAttendees.meetingId)),
    )
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, meetings.tenantId), eq(orgUnits.id, meetings.orgUnitId)))
    .where(
      and(
        eq(meetingAttendees.tenantId, tenantId),
        eq(meetingAttendees.personId, personId),
        eq(meetingAttendees.exempt, false),
        inArray(meetings.status, ['notified', 'planned']),
        sql`${meetings.notifiedAt} is not null`,
        gte(meetings.startsAt, new Date(now.getTime() - 30 * 60_000)),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(10);
  return rows.map(({ meeting: m, noticeReadAt, orgUnitName }) => ({
    kind: 'meetingToAttend',
    severity: noticeReadAt ? 'info' : 'warning',
    title: `${noticeReadAt ? '' : '【未读】'}会议通知：${MEETING_TYPE_LABELS[m.type]}「${m.topic}」`,
    detail: `${orgUnitName}，${shanghaiDateTime(m.startsAt.toISOString())}，${m.place}`,
    link: `/meetings/${m.id}`,
    due: m.startsAt.toISOString(),
  }));
}

/** Minutes not written a week after the meeting, for its host and recorder. */
async function minutesOverdue(db: Db, tenantId: string, personId: string, now: Date): Promise<Reminder[]> {
  const rows = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        or(eq(meetings.hostPersonId, personId), eq(meetings.recorderPersonId, personId)),
        inArray(meetings.status, ['planned', 'notified']),
        lt(meetings.startsAt, new Date(now.getTime() - MINUTES_OVERDUE_DAYS * DAY)),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(20);
  return rows.map((m) => ({
    kind: 'minutesOverdue',
    severity: 'danger',
    title: `会议记录逾期未填写：「${m.topic}」`,
    detail: `${MEETING_TYPE_LABELS[m.type]}于${shanghaiDateTime(m.startsAt.toISOString())}召开，已超过${String(MINUTES_OVERDUE_DAYS)}天`,
    link: `/meetings/${m.id}`,
    due: new Date(m.startsAt.getTime() + MINUTES_OVERDUE_DAYS * DAY).toISOString(),
  }));
}

/** Follow-up tasks the person owns, due within a week or overdue. */
async function tasksDue(db: Db, tenantId: string, personId: string, today: string): Promise<Reminder[]> {
  const weekAhead = new Date(Date.parse(today) + 7 * DAY).toISOString().slice(0, 10);
  const rows = await db
    .select({ task: meetingTasks, topic: meetings.topic })
    .from(meetingTasks)
    .innerJoin(meetings, and(eq(meetings.tenantId, meetingTasks.tenantId), eq(meetings.id, meetingTasks.meetingId)))
    .where(
      and(
        eq(meetingTasks.tenantId, tenantId),
        eq(meetingTasks.ownerPersonId, personId),
        isNull(meetingTasks.doneAt),
        lte(meetingTasks.dueOn, weekAhead),
      ),
    )
    .orderBy(asc(meetingTasks.dueOn))
    .limit(20);
  return rows.map(({ task, topic }) => {
    const overdue = task.dueOn < today;
    return {
      kind: 'taskDue',
      severity: overdue ? 'danger' : 'warning',
      title: `${overdue ? '任务已逾期' : '任务即将到期'}：${task.title}`,
      detail: `来自会议「${topic}」，${task.dueOn}前完成`,
      link: `/meetings/${task.meetingId}`,
      due: task.dueOn,
    };
  });
}

/** For those who run meetings: this period's required meetings not yet held in their organisations. */
async function meetingsToHold(db: Db, auth: AuthContext, today: string): Promise<Reminder[]> {
  const scope = await scopeOf(db, auth, 'meetings.manage');
  if (!scope.all && scope.orgUnitIds.length === 0) return [];
  const orgs = orgsInReach(await repo.findOrgsForCompliance(db, auth.user.tenantId), scope, undefined);
  const year = Number(today.slice(0, 4));
  const items = await computeComplianceFor(db, auth.user.tenantId, orgs, year);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return items
    .filter((i) => complianceState(i, today) === 'due')
    .map((i) => ({
      kind: 'meetingToHold' as const,
      severity: 'warning' as const,
      title: `本期应召开${MEETING_TYPE_LABELS[i.type]}：${names.get(i.orgUnitId) ?? ''}`,
      detail: `${i.period} 应召开${String(i.required)}次，已召开${String(i.held)}次`,
      link: `/compliance?orgUnitId=${i.orgUnitId}`,
      due: i.period,
    }));
}

/**
 * Members absent without reason from organisational life for 4 or more consecutive months —
 * flagged before they reach the six months of 党章 art. 9. Looks back a year of held meetings.
 */
async function absentMembers(db: Db, auth: AuthContext, now: Date): Promise<Reminder[]> {
  const scope = await scopeOf(db, auth, 'meetings.manage');
  if (!scope.all && scope.orgUnitIds.length === 0) return [];
  const { year, month } = courtYearMonth(now);
  const from = courtMonthStart(year - 1, month);
  const rows = await repo.findParticipationByMonth(db, auth.user.tenantId, scope.all ? null : scope.orgUnitIds, from);
  const byPerson = new Map<string, { name: string; months: Parameters<typeof consecutiveAbsentMonths>[0][number][] }>();
  for (const r of rows) {
    const entry = byPerson.get(r.personId) ?? { name: r.name, months: [] };
    entry.months.push({
      month: r.month,
      state: participationOfMonth({
        attended: r.attended,
        excused: r.excused && !r.absent,
        expected: r.absent || r.excused,
      }),
    });
    byPerson.set(r.personId, entry);
  }
  const reminders: Reminder[] = [];
  for (const [personId, { name, months }] of byPerson) {
    const run = consecutiveAbsentMonths(months);
    if (run < ABSENCE_WARNING_MONTHS) continue;
    reminders.push({
      kind: 'absentMember',
      severity: run >= ABSENCE_LIMIT_MONTHS ? 'danger' : 'warning',
      title: `${name}已连续${String(run)}个月无正当理由未参加组织生活`,
      detail: `党章第九条：连续六个月不参加党的组织生活，视为自行脱党。请及时谈心谈话、了解情况。`,
      link: `/members/${personId}`,
      due: null,
    });
  }
  return reminders;
}

export async function listReminders(db: Db, auth: AuthContext, now = new Date()): Promise<Reminders> {
  const tenantId = auth.user.tenantId;
  const today = courtToday(now);
  const personId = auth.user.personId;
  const own = personId
    ? await Promise.all([
        meetingsToAttend(db, tenantId, personId, now),
        minutesOverdue(db, tenantId, personId, now),
        tasksDue(db, tenantId, personId, today),
      ])
    : [];
  const managed = auth.permissions.has('meetings.manage')
    ? await Promise.all([meetingsToHold(db, auth, today), absentMembers(db, auth, now)])
    : [];
  return { items: [...own, ...managed].flat() };
}
