import { courtInstant, courtYearMonth } from './court-time.ts';
import type { OrgKind } from './org.rules.ts';

/**
 * 三会一课 and organisational life: meeting types, their default frequencies (rules.md), business
 * periods in Asia/Shanghai (who votes, quorum and results: voting.rules.ts; the sign-in window:
 * meetings-sign-in.rules.ts).
 */
export const MEETING_TYPES = [
  'branch_general', // 支部党员大会
  'branch_committee', // 支部委员会
  'cell', // 党小组会
  'lecture', // 党课
  'theme_day', // 主题党日
  'org_life', // 组织生活会
  'democratic_life', // 民主生活会
  'talk', // 谈心谈话
  'other', // 其他会议
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  branch_general: '支部党员大会',
  branch_committee: '支部委员会',
  cell: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  org_life: '组织生活会',
  democratic_life: '民主生活会',
  talk: '谈心谈话',
  other: '其他会议',
};

export const MEETING_FREQUENCIES = ['monthly', 'quarterly', 'yearly', 'none'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];
export const MEETING_FREQUENCY_LABELS: Record<MeetingFrequency, string> = {
  monthly: '每月一次',
  quarterly: '每季度一次',
  yearly: '每年一次',
  none: '不作要求',
};

export interface MeetingTypeRule {
  /** Default required frequency (rules.md); a court may override it per organisation. */
  frequency: MeetingFrequency;
  /** Organisation kinds the requirement applies to. */
  requiredAt: readonly OrgKind[];
  /** Organisation kinds that may hold the meeting at all. */
  heldAt: readonly OrgKind[];
  /** Listed on the board but never red. */
  informational: boolean;
  /** Counts as taking part in organisational life for the 6-month line of 党章 art. 9. */
  organisationalLife: boolean;
}

const BRANCHES: readonly OrgKind[] = ['branch', 'general_branch'];
const ALL_KINDS: readonly OrgKind[] = ['party_group', 'party_committee', 'general_branch', 'branch', 'cell'];

export const MEETING_TYPE_RULES: Record<MeetingType, MeetingTypeRule> = {
  branch_general: {
    frequency: 'quarterly',
    requiredAt: ['branch'],
    heldAt: BRANCHES,
    informational: false,
    organisationalLife: true,
  },
  branch_committee: {
    frequency: 'monthly',
    requiredAt: ['branch'],
    heldAt: [...BRANCHES, 'party_committee'],
    informational: false,
    organisationalLife: true,
  },
  cell: {
    frequency: 'monthly',
    requiredAt: ['cell'],
    heldAt: ['cell'],
    informational: false,
    organisationalLife: true,
  },
  lecture: {
    frequency: 'quarterly',
    requiredAt: ['branch'],
    heldAt: ALL_KINDS,
    informational: false,
    organisationalLife: true,
  },
  theme_day: {
    frequency: 'monthly',
    requiredAt: ['branch'],
    heldAt: [...BRANCHES, 'cell'],
    informational: false,
    organisationalLife: true,
  },
  org_life: {
    frequency: 'yearly',
    requiredAt: ['branch'],
    heldAt: [...BRANCHES, 'cell'],
    informational: false,
    organisationalLife: true,
  },
  democratic_life: {
    frequency: 'yearly',
    requiredAt: ['party_group'],
    heldAt: ['party_group'],
    informational: false,
    organisationalLife: true,
  },
  // Counted per pair on the board (compliance-items.rules.ts), red when a past year leaves pairs undone.
  talk: {
    frequency: 'yearly',
    requiredAt: ['branch'],
    heldAt: ALL_KINDS,
    informational: false,
    organisationalLife: false,
  },
  other: { frequency: 'none', requiredAt: [], heldAt: ALL_KINDS, informational: true, organisationalLife: false },
};

/** Where a meeting of this type may be held (a 党小组会 by a cell, a 民主生活会 by the 党组). */
export function canHoldMeetingAt(type: MeetingType, kind: OrgKind): boolean {
  return MEETING_TYPE_RULES[type].heldAt.includes(kind);
}

// ---------------------------------------------------------------------------------------------
// Periods, in Asia/Shanghai (UTC+8 all year: China has kept no daylight saving time since 1991).

/** `2026-03`, `2026-Q1` or `2026`. */
export type Period = string;

export function monthPeriod(year: number, month: number): Period {
  return `${String(year)}-${String(month).padStart(2, '0')}`;
}

export function quarterOfMonth(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** The period of `frequency` an instant falls in; `none` has no period. */
export function periodOf(instant: Date, frequency: Exclude<MeetingFrequency, 'none'>): Period {
  const { year, month } = courtYearMonth(instant);
  return periodOfMonth(year, month, frequency);
}

export function periodOfMonth(year: number, month: number, frequency: Exclude<MeetingFrequency, 'none'>): Period {
  switch (frequency) {
    case 'monthly':
      return monthPeriod(year, month);
    case 'quarterly':
      return `${String(year)}-Q${String(quarterOfMonth(month))}`;
    case 'yearly':
      return String(year);
  }
}

/** Every period of a year, in order. */
export function periodsOfYear(year: number, frequency: Exclude<MeetingFrequency, 'none'>): Period[] {
  switch (frequency) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => `${String(year)}-Q${String(q)}`);
    case 'yearly':
      return [String(year)];
  }
}

export interface PeriodParts {
  year: number;
  /** First and last month (1–12) the period covers. */
  firstMonth: number;
  lastMonth: number;
}

/** Reads `2026-03`, `2026-Q1` or `2026`; null for anything else. */
export function parsePeriod(period: string): PeriodParts | null {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { year: Number(m[1]), firstMonth: month, lastMonth: month };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const q = Number(m[2]);
    return { year: Number(m[1]), firstMonth: q * 3 - 2, lastMonth: q * 3 };
  }
  m = /^(\d{4})$/.exec(period);
  if (m) return { year: Number(m[1]), firstMonth: 1, lastMonth: 12 };
  return null;
}

/** The instant a court calendar month starts (month 13 is January of the next year). */
export function courtMonthStart(year: number, month: number): Date {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return courtInstant(`${String(y)}-${String(m).padStart(2, '0')}-01`);
}

/** `[from, to)` of a period as instants: what a query on `starts_at` compares with. */
export function periodRange(period: Period): { from: Date; to: Date } {
  const parts = parsePeriod(period);
  if (!parts) throw new Error(`not a period: ${period}`);
  return {
    from: courtMonthStart(parts.year, parts.firstMonth),
    to: courtMonthStart(parts.year, parts.lastMonth + 1),
  };
}

/** The months (`2026-01` …) a period covers. */
export function monthsOfPeriod(period: Period): Period[] {
  const parts = parsePeriod(period);
  if (!parts) return [];
  const months: Period[] = [];
  for (let m = parts.firstMonth; m <= parts.lastMonth; m++) months.push(monthPeriod(parts.year, m));
  return months;
}

/** Where `today` (a Shanghai calendar date) stands relative to a period. */
export function periodTiming(period: Period, today: string): 'past' | 'current' | 'future' {
  const parts = parsePeriod(period);
  if (!parts) throw new Error(`not a period: ${period}`);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const now = y * 12 + m;
  const first = parts.year * 12 + parts.firstMonth;
  const last = parts.year * 12 + parts.lastMonth;
  if (now < first) return 'future';
  if (now > last) return 'past';
  return 'current';
}

// ---------------------------------------------------------------------------------------------
// Quorum and votes.

/** More than half: the smallest whole number strictly greater than n / 2. */
export function moreThanHalf(n: number): number {
  return Math.floor(n / 2) + 1;
}

// ---------------------------------------------------------------------------------------------
// Attendance.

export const ATTENDANCE_STATES = ['pending', 'present', 'leave', 'absent'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];
export const ATTENDANCE_STATE_LABELS: Record<AttendanceState, string> = {
  pending: '未登记',
  present: '出席',
  leave: '请假',
  absent: '缺席',
};

export const MEETING_STATUSES = ['planned', 'notified', 'held', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: '已计划',
  notified: '已通知',
  held: '已记录',
  closed: '已归档',
  cancelled: '已取消',
};
/**
 * A meeting counts as held once its minutes are recorded (`held`) or it is closed: the minutes are
 * the proof it took place; closing only locks the record.
 */
export const HELD_STATUSES: readonly MeetingStatus[] = ['held', 'closed'];

/** Minutes not written this many days after the start are overdue for the host and the recorder. */
export const MINUTES_OVERDUE_DAYS = 7;
