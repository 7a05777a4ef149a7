/**
 * The court's working calendar (工作日历): statutory holidays and 调休 working days, a table per year
 * the court keeps (the State Council's notice each December). Study recurrence and the complaint
 * clocks of the reception desk both read it, so a court corrects a day once.
 */

/** A day the calendar table lists: a statutory holiday (放假) or an adjusted working day (调休上班). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, string> = {
  holiday: '放假',
  workday: '调休上班',
};

export interface CalendarDay {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

/** The court's calendar for some years: days off and 调休 working days, by date. */
export interface WorkCalendar {
  /** The years the table covers; a day in another year is judged by the weekday alone. */
  years: ReadonlySet<number>;
  days: ReadonlyMap<string, CalendarDayKind>;
}

export function workCalendarOf(days: readonly CalendarDay[], years: Iterable<number> = []): WorkCalendar {
  const covered = new Set(years);
  for (const d of days) covered.add(Number(d.day.slice(0, 4)));
  return { years: covered, days: new Map(days.map((d) => [d.day, d.kind])) };
}

/** Day of week of a `YYYY-MM-DD`, ISO numbering: 1 Monday … 7 Sunday (no time zone involved). */
export function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A working day: Monday to Friday unless a holiday, or a weekend day the table makes a working day (调休). */
export function isWorkingDay(calendar: WorkCalendar, day: string): boolean {
  const listed = calendar.days.get(day);
  if (listed === 'holiday') return false;
  if (listed === 'workday') return true;
  return isoWeekday(day) <= 5;
}

/** Does the calendar table cover the year of this day? Recurrence into an uncovered year is refused. */
export function calendarCovers(calendar: WorkCalendar, day: string): boolean {
  return calendar.years.has(Number(day.slice(0, 4)));
}
