import {
  ABSENCE_LIMIT_MONTHS,
  ABSENCE_WARNING_MONTHS,
  complianceReminderText,
  complianceState,
  consecutiveAbsentMonths,
  MEETING_TYPE_LABELS,
  meetingNamed,
  MINUTES_OVERDUE_DAYS,
  participationOfMonth,
  courtInstant,
  courtMonthStart,
  courtYearMonth,
  courtToday,
  formatCourtDateTime,
  inCourtZone,
  type Reminder,
  type Reminders,
} from '@qizhi/domain';
import { isEmpty, unitsOf } from '../../../platform/policy.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import * as complianceRepo from './compliance.repo.ts';
import { computeComplianceFor, orgsInReach } from './compliance.service.ts';
import * as repo from './reminders.repo.ts';

const DAY = 86_400_000;

/** Notices of meetings the person is to attend: from now (sign-in still open) on. */
async function meetingsToAttend(ctx: RequestContext, personId: string, now: Date): Promise<Reminder[]> {
  const since = new Date(now.getTime() - 30 * 60_000);
  const rows = await repo.findNoticesToAttend(ctx.db, ctx.tenantId, personId, since);
  return rows.map(({ meeting: m, noticeReadAt, orgUnitName }) => ({
    kind: 'meetingToAttend',
    severity: noticeReadAt ? 'info' : 'warning',
    title: `${noticeReadAt ? '' : '【未读】'}会议通知：${meetingNamed(m.type, m.topic)}`,
    detail: `${orgUnitName}，${formatCourtDateTime(m.startsAt)}，${m.place}`,
    link: `/meetings/${m.id}`,
    due: m.startsAt.toISOString(),
  }));
}

/** Minutes not written a week after the meeting, for its host and recorder. */
async function minutesOverdue(ctx: RequestContext, personId: string, now: Date): Promise<Reminder[]> {
  const before = new Date(now.getTime() - MINUTES_OVERDUE_DAYS * DAY);
  const rows = await repo.findMeetingsWithoutMinutes(ctx.db, ctx.tenantId, personId, before);
  return rows.map((m) => ({
    kind: 'minutesOverdue',
    severity: 'danger',
    title: `会议记录逾期未填写：「${m.topic}」`,
    detail: `${MEETING_TYPE_LABELS[m.type]}于${formatCourtDateTime(m.startsAt)}召开，已超过${String(MINUTES_OVERDUE_DAYS)}天`,
    link: `/meetings/${m.id}`,
    due: new Date(m.startsAt.getTime() + MINUTES_OVERDUE_DAYS * DAY).toISOString(),
  }));
}

/** Follow-up tasks the person owns, due within a week or overdue. */
async function tasksDue(ctx: RequestContext, personId: string, today: string): Promise<Reminder[]> {
  const weekAhead = inCourtZone(courtInstant(today)).add(7, 'day').format('YYYY-MM-DD');
  const rows = await repo.findOpenTasksDueBy(ctx.db, ctx.tenantId, personId, weekAhead);
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
async function meetingsToHold(ctx: RequestContext, today: string): Promise<Reminder[]> {
  const scope = await ctx.scopeOf('meetings.manage');
  if (isEmpty(scope)) return [];
  const orgs = orgsInReach(await complianceRepo.findOrgsForCompliance(ctx.db, ctx.tenantId), scope, undefined);
  const year = Number(today.slice(0, 4));
  const items = await computeComplianceFor(ctx, orgs, year);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return items
    .filter((i) => complianceState(i, today) === 'due')
    .map((i) => ({
      kind: 'meetingToHold' as const,
      severity: 'warning' as const,
      ...complianceReminderText(i, names.get(i.orgUnitId) ?? ''),
      link: `/compliance?orgUnitId=${i.orgUnitId}`,
      due: i.period,
    }));
}

/**
 * Members absent without reason from organisational life for 4 or more consecutive months —
 * flagged before they reach the six months of 党章 art. 9. Looks back a year of held meetings.
 */
async function absentMembers(ctx: RequestContext, now: Date): Promise<Reminder[]> {
  const scope = await ctx.scopeOf('meetings.manage');
  if (isEmpty(scope)) return [];
  const { year, month } = courtYearMonth(now);
  const from = courtMonthStart(year - 1, month);
  const rows = await complianceRepo.findParticipationByMonth(ctx.db, ctx.tenantId, unitsOf(scope), from);
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

export async function listReminders(ctx: RequestContext, now = new Date()): Promise<Reminders> {
  const today = courtToday(now);
  const personId = ctx.personId;
  const own = personId
    ? await Promise.all([
        meetingsToAttend(ctx, personId, now),
        minutesOverdue(ctx, personId, now),
        tasksDue(ctx, personId, today),
      ])
    : [];
  const managed = ctx.has('meetings.manage')
    ? await Promise.all([meetingsToHold(ctx, today), absentMembers(ctx, now)])
    : [];
  return { items: [...own, ...managed].flat() };
}
