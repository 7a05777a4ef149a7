/**
 * Court service to the public (rules.md, "Court service to the public"): the complaint clocks of the
 * 《信访工作条例》 (2022), the leader-reception rota, and the publication period of openness items.
 *
 * Days: the regulation counts 日, not 工作日, so the clocks run on calendar days. The day of receipt
 * (or acceptance) is not counted, and a period whose last day falls on a rest day (a weekend that is
 * not a make-up working day, or a statutory holiday) ends on the next working day — the general rule
 * for periods in Chinese procedure (《民事诉讼法》 art. 85, 《行政诉讼法》 art. 83), which the
 * regulation does not set aside. Weekends and holidays inside the period count. Which days are rest
 * days is the court's working calendar (work-calendar.rules.ts), the same table study recurrence reads.
 */
import { addDays, isoWeekday, isWorkingDay, type WorkCalendar } from './work-calendar.rules.ts';

/** A working day by the court's calendar (its holidays and 调休 days; weekdays in a year not entered). */
export function nextWorkingDayFrom(calendar: WorkCalendar, isoDate: string): string {
  let d = isoDate;
  while (!isWorkingDay(calendar, d)) d = addDays(d, 1);
  return d;
}

/** The last day of a period of `days` calendar days starting the day after `from`. */
export function periodEnd(calendar: WorkCalendar, from: string, days: number): string {
  return nextWorkingDayFrom(calendar, addDays(from, days));
}

export const COMPLAINT_ACCEPT_DAYS = 15;
export const COMPLAINT_HANDLE_DAYS = 60;
export const COMPLAINT_EXTENSION_DAYS = 30;

export interface ComplaintClockInput {
  receivedOn: string;
  acceptedOn: string | null;
  extended: boolean;
}

/**
 * Decide within 15 days of receipt; handle within 60 days of acceptance (of receipt while not yet
 * accepted, so the clock shows from the first day); an extension adds 30 days to the unrolled
 * 60-day end, then the end is moved off a rest day.
 */
export function complaintDeadlines(
  calendar: WorkCalendar,
  v: ComplaintClockInput,
): { acceptBy: string; handleBy: string } {
  const start = v.acceptedOn ?? v.receivedOn;
  const days = COMPLAINT_HANDLE_DAYS + (v.extended ? COMPLAINT_EXTENSION_DAYS : 0);
  return {
    acceptBy: periodEnd(calendar, v.receivedOn, COMPLAINT_ACCEPT_DAYS),
    handleBy: periodEnd(calendar, start, days),
  };
}

export const CLOCK_STATES = ['running', 'overdue', 'done', 'done_late'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
export const CLOCK_STATE_LABELS: Record<ClockState, string> = {
  running: '办理中',
  overdue: '已超期',
  done: '按期完成',
  done_late: '超期完成',
};

/** Late when done after the due day, or not done and today is past it (the due day itself is on time). */
export function clockState(due: string, doneOn: string | null, today: string): ClockState {
  if (doneOn) return doneOn <= due ? 'done' : 'done_late';
  return today > due ? 'overdue' : 'running';
}

/** Monday of the ISO week holding `isoDate`. */
export function weekStartOf(isoDate: string): string {
  return addDays(isoDate, 1 - isoWeekday(isoDate));
}

/** `2026-W05` or any date inside the week → that week's Monday; null when neither. */
export function parseWeek(value: string): string | null {
  const iso = /^(\d{4})-W(\d{2})$/.exec(value);
  if (iso) {
    const year = Number(iso[1]);
    const week = Number(iso[2]);
    if (week < 1 || week > isoWeeksInYear(year)) return null;
    // Week 1 holds 4 January.
    return addDays(weekStartOf(`${String(year)}-01-04`), (week - 1) * 7);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) return null;
    return weekStartOf(value);
  }
  return null;
}

function isoWeeksInYear(year: number): number {
  // A year has 53 ISO weeks when 28 December falls in week 53, i.e. the Monday of its week is late.
  const lastMonday = weekStartOf(`${String(year)}-12-28`);
  const firstMonday = weekStartOf(`${String(year)}-01-04`);
  return (Date.parse(lastMonday) - Date.parse(firstMonday)) / (7 * 86_400_000) + 1;
}

/** The Mondays of the ISO weeks of `year`. */
export function weeksOfYear(year: number): string[] {
  const first = weekStartOf(`${String(year)}-01-04`);
  return Array.from({ length: isoWeeksInYear(year) }, (_, i) => addDays(first, i * 7));
}

/**
 * The reception day of a week: the chosen weekday, or the next working day of that week when it is
 * a rest day; null when the week has no working day from then on (the National Day week).
 */
export function receptionDayOf(calendar: WorkCalendar, weekStart: string, weekday: number): string | null {
  for (let d = weekday; d <= 7; d++) {
    const day = addDays(weekStart, d - 1);
    if (isWorkingDay(calendar, day)) return day;
  }
  return null;
}

export interface RotaWeek {
  weekStart: string;
  receptionOn: string | null;
  leaderId: string;
}

/**
 * One leader a week, in turn, for every ISO week of the year; `startWith` is the index in `leaders`
 * of the first week's leader (so a new year continues where the last one stopped).
 */
export function generateRota(
  calendar: WorkCalendar,
  year: number,
  leaders: readonly string[],
  weekday: number,
  startWith = 0,
): RotaWeek[] {
  if (leaders.length === 0) return [];
  return weeksOfYear(year).map((weekStart, i) => ({
    weekStart,
    receptionOn: receptionDayOf(calendar, weekStart, weekday),
    leaderId: leaders[(startWith + i) % leaders.length]!,
  }));
}

/** Two weeks trade their leaders (a swap on record); the other weeks are untouched. */
export function swapWeeks<T extends { weekStart: string; leaderId: string }>(
  rota: readonly T[],
  a: string,
  b: string,
): T[] {
  const first = rota.find((w) => w.weekStart === a);
  const second = rota.find((w) => w.weekStart === b);
  if (!first || !second) throw new Error('swap of a week not in the rota');
  return rota.map((w) =>
    w.weekStart === a
      ? { ...w, leaderId: second.leaderId }
      : w.weekStart === b
        ? { ...w, leaderId: first.leaderId }
        : w,
  );
}

/** When an item is on show: published, the period begun, not yet ended (the end day included). */
export function isOnShow(
  item: { status: string; publishFrom: string; publishUntil: string | null },
  today: string,
): boolean {
  return (
    item.status === 'published' &&
    item.publishFrom <= today &&
    (item.publishUntil === null || today <= item.publishUntil)
  );
}

/** A period's end may not come before its start. */
export function validPublicationPeriod(from: string, until: string | null): boolean {
  return until === null || until >= from;
}

const ID_NUMBER_IN_TEXT = /(?<![\dA-Za-z])\d{6}(18|19|20)\d{2}(0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![\dA-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)/g;

/** Whether a text carries what looks like an ID number or a phone number. */
export function containsPersonalNumber(text: string): boolean {
  return [ID_NUMBER_IN_TEXT, MOBILE_IN_TEXT, LANDLINE_IN_TEXT].some((re) => {
    re.lastIndex = 0;
    return re.test(text);
  });
}

/** Public pages never show an ID or phone number, even one typed into a source's text. */
export function redactPersonalNumbers(text: string): string {
  return text
    .replace(ID_NUMBER_IN_TEXT, '［已隐去］')
    .replace(MOBILE_IN_TEXT, '［已隐去］')
    .replace(LANDLINE_IN_TEXT, '［已隐去］');
}
