/**
 * 学习平台: recurring study programmes over the court's working calendar (work-calendar.rules.ts),
 * class hours (学时) and each person's annual requirement (rules.md, education hours).
 */
import { addDays, daysInMonth, isoWeekday, isWorkingDay, type WorkCalendar } from './work-calendar.rules.ts';

/** What a study session is: the reference court's schedule (mechanism.md §3a) and anything else. */
export const STUDY_KINDS = ['morning_study', 'business_training', 'skills_training', 'lecture', 'other'] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];
export const STUDY_KIND_LABELS: Record<StudyKind, string> = {
  morning_study: '晨会集体学习（含工间操）',
  business_training: '专题业务培训',
  skills_training: '体能技能培训',
  lecture: '专题讲座',
  other: '其他学习',
};

/**
 * How a programme repeats:
 * - `workdays`: every working day (晨会集体学习) — 调休 Saturdays and Sundays included, holidays skipped;
 * - `weekly`: on the weekday given, when that day is a working day (a Wednesday in the 国庆 week is
 *   skipped; a 调休 Saturday does not stand in for a Wednesday);
 * - `monthly`: once a month on the day given (clamped to the month's end), moved to the next working
 *   day of the same month, or to the previous one when none is left in the month.
 */
export type StudyRecurrence =
  { kind: 'workdays' } | { kind: 'weekly'; weekday: number } | { kind: 'monthly'; dayOfMonth: number };

export const STUDY_RECURRENCE_KINDS = ['workdays', 'weekly', 'monthly'] as const;
export const STUDY_RECURRENCE_LABELS: Record<StudyRecurrence['kind'], string> = {
  workdays: '每个工作日',
  weekly: '每周',
  monthly: '每月',
};
export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** The most sessions one programme may create: a year of working days with room to spare. */
export const MAX_PROGRAMME_SESSIONS = 400;

function monthlyDay(calendar: WorkCalendar, year: number, month: number, dayOfMonth: number): string | null {
  const last = daysInMonth(year, month);
  const start = `${String(year)}-${String(month).padStart(2, '0')}-${String(Math.min(dayOfMonth, last)).padStart(2, '0')}`;
  for (let d = start; Number(d.slice(5, 7)) === month; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) return d;
  for (let d = addDays(start, -1); Number(d.slice(5, 7)) === month; d = addDays(d, -1))
    if (isWorkingDay(calendar, d)) return d;
  return null;
}

/** The days (`YYYY-MM-DD`, ascending) a programme meets between `from` and `to`, both included. */
export function recurrenceDays(
  calendar: WorkCalendar,
  recurrence: StudyRecurrence,
  from: string,
  to: string,
): string[] {
  const out: string[] = [];
  if (recurrence.kind === 'monthly') {
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7));
    while (`${String(y)}-${String(m).padStart(2, '0')}` <= to.slice(0, 7)) {
      const d = monthlyDay(calendar, y, m, recurrence.dayOfMonth);
      if (d && d >= from && d <= to) out.push(d);
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
    return out;
  }
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!isWorkingDay(calendar, d)) continue;
    if (recurrence.kind === 'weekly' && isoWeekday(d) !== recurrence.weekday) continue;
    out.push(d);
  }
  return out;
}

/** 学时 convention (rules.md): a day 8, a half-day 4, an hour 1 — or as set for the session. */
export const CLASS_HOUR_PRESETS = { day: 8, halfDay: 4, hour: 1 } as const;
export const CLASS_HOUR_PRESET_LABELS: Record<keyof typeof CLASS_HOUR_PRESETS, string> = {
  day: '一天（8学时）',
  halfDay: '半天（4学时）',
  hour: '一小时（1学时）',
};
/** Hours are kept to the half hour: a 30-minute morning study earns 0.5. */
export const MAX_SESSION_HOURS = 40;

/** Class hours of a session from its length in minutes: 8 a day at most, 4 a half-day, else by the hour (to the half). */
export function classHoursForMinutes(minutes: number): number {
  if (minutes <= 0) return 0;
  if (minutes >= 6 * 60) return CLASS_HOUR_PRESETS.day;
  if (minutes >= 3 * 60) return CLASS_HOUR_PRESETS.halfDay;
  return Math.max(0.5, Math.round(minutes / 30) / 2);
}

/** The annual requirement (settings; defaults from rules.md). */
export interface StudyRequirementSettings {
  /** 党员 (full and probationary). */
  member: number;
  /** 支部书记 and 支委 (any organisation's secretary or committee seat). */
  committee: number;
  /** Staff who are not members (群众, applicants, activists, candidates): 0 means no requirement. */
  staff: number;
}
export const DEFAULT_STUDY_REQUIREMENT: StudyRequirementSettings = { member: 32, committee: 56, staff: 0 };

export type StudyRole = 'committee' | 'member' | 'staff';
export const STUDY_ROLE_LABELS: Record<StudyRole, string> = {
  committee: '支部书记、委员',
  member: '党员',
  staff: '干警',
};

export function studyRoleOf(person: { status: string; holdsCommitteeSeat: boolean }): StudyRole {
  const isMember = person.status === 'full' || person.status === 'probationary';
  if (isMember && person.holdsCommitteeSeat) return 'committee';
  return isMember ? 'member' : 'staff';
}

export function requiredStudyHours(role: StudyRole, settings: StudyRequirementSettings = DEFAULT_STUDY_REQUIREMENT) {
  return settings[role];
}

/** Hours rounded to the half hour's precision, for sums of many sessions in floating point. */
export function roundHours(h: number): number {
  return Math.round(h * 10) / 10;
}

/** Whole months of the year still ahead after `today`'s month (December: 0; another year: 12 or 0). */
export function monthsLeftInYear(year: number, today: string): number {
  const y = Number(today.slice(0, 4));
  if (y < year) return 12;
  if (y > year) return 0;
  return 12 - Number(today.slice(5, 7));
}

/**
 * Behind (落后): fewer hours than the pace — the requirement shared over the months, counted up to
 * the end of the last full month. In January nobody is behind; once the year is over, anyone short is.
 */
export function studyPace(required: number, year: number, today: string): number {
  const monthsDone = 12 - monthsLeftInYear(year, today) - (Number(today.slice(0, 4)) === year ? 1 : 0);
  return roundHours((required * Math.max(0, monthsDone)) / 12);
}

export function isBehind(required: number, earned: number, year: number, today: string): boolean {
  return required > 0 && earned < studyPace(required, year, today);
}

/** The reference court's schedule (mechanism.md §3a): offered as presets when a programme is made. */
export const DEFAULT_STUDY_SCHEDULE: readonly {
  key: string;
  title: string;
  kind: StudyKind;
  recurrence: StudyRecurrence;
  startTime: string;
  durationMinutes: number;
  hours: number;
}[] = [
  {
    key: 'morning',
    title: '晨会集体学习（含工间操）',
    kind: 'morning_study',
    recurrence: { kind: 'workdays' },
    startTime: '08:00',
    durationMinutes: 30,
    hours: 0.5,
  },
  {
    key: 'business',
    title: '周三专题业务培训',
    kind: 'business_training',
    recurrence: { kind: 'weekly', weekday: 3 },
    startTime: '15:00',
    durationMinutes: 120,
    hours: 2,
  },
  {
    key: 'skills',
    title: '周三体能技能培训',
    kind: 'skills_training',
    recurrence: { kind: 'weekly', weekday: 3 },
    startTime: '17:00',
    durationMinutes: 60,
    hours: 1,
  },
  {
    key: 'lecture',
    title: '专题讲座',
    kind: 'lecture',
    recurrence: { kind: 'monthly', dayOfMonth: 15 },
    startTime: '14:30',
    durationMinutes: 180,
    hours: 4,
  },
];

/** 教育激励: studying for a law degree (法律本科) and the national legal professional qualification exam (法考). */
export const INCENTIVE_KINDS = ['law_degree', 'legal_exam'] as const;
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];
export const INCENTIVE_KIND_LABELS: Record<IncentiveKind, string> = {
  law_degree: '法律本科学历教育',
  legal_exam: '国家统一法律职业资格考试',
};
export const INCENTIVE_RESULTS = ['enrolled', 'graduated', 'withdrawn', 'registered', 'passed', 'failed'] as const;
export type IncentiveResult = (typeof INCENTIVE_RESULTS)[number];
export const INCENTIVE_RESULT_LABELS: Record<IncentiveResult, string> = {
  enrolled: '在读',
  graduated: '毕业',
  withdrawn: '退学',
  registered: '已报名',
  passed: '通过',
  failed: '未通过',
};
/** Which results belong to which kind: a degree is enrolled, graduated or left; an exam registered, passed or failed. */
export const INCENTIVE_RESULTS_OF: Record<IncentiveKind, readonly IncentiveResult[]> = {
  law_degree: ['enrolled', 'graduated', 'withdrawn'],
  legal_exam: ['registered', 'passed', 'failed'],
};
