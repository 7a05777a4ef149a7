/** The court's working calendar (节假日和调休), a table per year the court keeps; recurrence reads it. */
import { workCalendarOf, type WorkCalendar, type WorkCalendarYear } from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './study.repo.ts';

/**
 * The calendar for the years of [from, to]. A year with no listed day at all has not been entered
 * (every year has statutory holidays), so recurrence into it is refused rather than guessed.
 */
export async function loadWorkCalendar(db: Db, tenantId: string, from: string, to: string): Promise<WorkCalendar> {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const days = await repo.findCalendarDays(db, tenantId, `${String(first)}-01-01`, `${String(last + 1)}-01-01`);
  const calendar = workCalendarOf(days);
  for (let y = first; y <= last; y++) {
    if (!calendar.years.has(y))
      throw new AppError('STUDY_CALENDAR_MISSING', `${String(y)}年的节假日和调休安排尚未登记，请先在“工作日历”中维护`);
  }
  return calendar;
}

/**
 * The calendar as far as the court has entered it, for reading periods that end on a working day
 * (the reception desk's complaint clocks): a year not entered counts Monday to Friday.
 */
export async function courtWorkCalendar(
  db: Db,
  tenantId: string,
  firstYear: number,
  lastYear: number,
): Promise<WorkCalendar> {
  const days = await repo.findCalendarDays(db, tenantId, `${String(firstYear)}-01-01`, `${String(lastYear + 1)}-01-01`);
  return workCalendarOf(days);
}

export async function getCalendar(ctx: RequestContext, year: number): Promise<WorkCalendarYear> {
  const days = await repo.findCalendarDays(ctx.db, ctx.tenantId, `${String(year)}-01-01`, `${String(year + 1)}-01-01`);
  return { year, days };
}

/** Replaces a year's table (court-wide managers: the calendar is the whole court's). */
export async function putCalendar(
  ctx: RequestContext,
  year: number,
  days: WorkCalendarYear['days'],
): Promise<WorkCalendarYear> {
  if (!(await ctx.can('study.manage', null))) throw new AppError('FORBIDDEN', '工作日历由全院范围的管理人员维护');
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (Number(d.day.slice(0, 4)) !== year)
      throw validationFailed([{ path: `days.${String(i)}.day`, message: `日期应在${String(year)}年内` }]);
    if (seen.has(d.day)) throw validationFailed([{ path: `days.${String(i)}.day`, message: '同一天登记了两次' }]);
    seen.add(d.day);
  });
  const before = await getCalendar(ctx, year);
  await ctx.db.transaction(async (tx) => {
    await repo.replaceCalendarYear(tx, ctx.tenantId, year, days);
    await writeAudit(tx, ctx.actor, {
      action: 'study.calendar_update',
      entity: 'work_calendar',
      summary: `维护${String(year)}年工作日历：放假${String(days.filter((d) => d.kind === 'holiday').length)}天，调休上班${String(days.filter((d) => d.kind === 'workday').length)}天`,
      before: { days: before.days },
      after: { days },
    });
  });
  return getCalendar(ctx, year);
}
