import { courtToday } from './court-time.ts';
import { daysBetween } from './org.rules.ts';
import type { ComplianceItem } from './meetings-compliance.rules.ts';
import { MEETING_TYPE_LABELS, MEETING_TYPES, parsePeriod, type MeetingType, type Period } from './meetings.rules.ts';

/**
 * The compliance board's items beyond "a meeting of this type in this period" (rules.md, "党组
 * items"): the 党组 secretary's yearly 党课, the 民主生活会 reported to the level above 10–15 days
 * ahead, and 谈心谈话 counted per pair. Also the Chinese name of a period.
 */

export const EXTRA_COMPLIANCE_ITEMS = ['secretary_lecture', 'democratic_life_report'] as const;
export type ExtraComplianceItem = (typeof EXTRA_COMPLIANCE_ITEMS)[number];
export const COMPLIANCE_ITEM_TYPES = [...MEETING_TYPES, ...EXTRA_COMPLIANCE_ITEMS] as const;
/** What a board item checks: a meeting type held in the period, or one of the extra items. */
export type ComplianceItemType = MeetingType | ExtraComplianceItem;

export const COMPLIANCE_ITEM_LABELS: Record<ComplianceItemType, string> = {
  ...MEETING_TYPE_LABELS,
  talk: '谈心谈话（按人员结对）',
  secretary_lecture: '党组书记讲党课',
  democratic_life_report: '民主生活会会前报告',
};
/** Short names for the board's narrow cells. */
export const COMPLIANCE_ITEM_SHORT_LABELS: Record<ComplianceItemType, string> = {
  branch_general: '党员大会',
  branch_committee: '支委会',
  cell: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  org_life: '组织生活会',
  democratic_life: '民主生活会',
  talk: '谈心谈话',
  other: '其他',
  secretary_lecture: '书记党课',
  democratic_life_report: '会前报告',
};

export function isMeetingType(type: ComplianceItemType): type is MeetingType {
  return (MEETING_TYPES as readonly string[]).includes(type);
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** `2026-03` → 2026年3月, `2026-Q4` → 2026年第四季度, `2026` → 2026年度; anything else as given. */
export function periodLabel(period: Period): string {
  const parts = parsePeriod(period);
  if (!parts) return period;
  const year = String(parts.year);
  if (parts.firstMonth === 1 && parts.lastMonth === 12) return `${year}年度`;
  if (parts.firstMonth === parts.lastMonth) return `${year}年${String(parts.firstMonth)}月`;
  return `${year}年第${QUARTER_NAMES[parts.lastMonth / 3 - 1] ?? ''}季度`;
}

// ---------------------------------------------------------------------------------------------
// 民主生活会: date and topic reported to the level above 10–15 days before the meeting.

export const DEMOCRATIC_LIFE_REPORT_DAYS = { min: 10, max: 15 } as const;
export type ReportTiming = 'missing' | 'early' | 'onTime' | 'late';
export const REPORT_TIMING_LABELS: Record<ReportTiming, string> = {
  missing: '未报告',
  early: '报告过早',
  onTime: '按时报告',
  late: '报告过晚',
};

export interface ReportCheck {
  timing: ReportTiming;
  /** Court calendar days from the report to the meeting's day; null without a report. */
  daysAhead: number | null;
  message: string;
}

/** Whether a 民主生活会 held at `startsAt` (court day) was reported on `reportedOn` 10 to 15 days ahead. */
export function democraticLifeReportCheck(reportedOn: string | null, startsAt: Date): ReportCheck {
  const rule = `应于会前${String(DEMOCRATIC_LIFE_REPORT_DAYS.min)}至${String(DEMOCRATIC_LIFE_REPORT_DAYS.max)}天向上级党组织报告会议时间和主题`;
  if (!reportedOn) return { timing: 'missing', daysAhead: null, message: `尚未登记报告日期，${rule}` };
  const daysAhead = daysBetween(reportedOn, courtToday(startsAt));
  const said = daysAhead >= 0 ? `会前${String(daysAhead)}天` : `会后${String(-daysAhead)}天`;
  if (daysAhead < DEMOCRATIC_LIFE_REPORT_DAYS.min)
    return { timing: 'late', daysAhead, message: `${reportedOn}报告，${said}，晚于规定（${rule}）` };
  if (daysAhead > DEMOCRATIC_LIFE_REPORT_DAYS.max)
    return { timing: 'early', daysAhead, message: `${reportedOn}报告，${said}，早于规定（${rule}）` };
  return { timing: 'onTime', daysAhead, message: `${reportedOn}报告，${said}，符合规定` };
}

/** Why a report date is refused when the plan is saved, or null. */
export function reportDateProblem(
  type: MeetingType,
  reportedOn: string | null | undefined,
  startsAt: Date,
): string | null {
  if (!reportedOn) return null;
  if (type !== 'democratic_life') return '只有民主生活会需要登记向上级报告的日期';
  if (reportedOn > courtToday(startsAt)) return '报告日期不能晚于会议日期';
  return null;
}

// ---------------------------------------------------------------------------------------------
// 谈心谈话 per pair.

/** A pair's key, the same whichever person comes first. */
export function talkPairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export interface TalkPairsInput {
  /** The secretary (书记), responsible for the members who are not on the committee. */
  secretaryId: string | null;
  /** The other committee members (支委; without a committee: the deputy, if any). */
  committeeIds: readonly string[];
  /** The organisation's members (its subtree's full and probationary members). */
  memberIds: readonly string[];
}

/**
 * Pairs that must talk at least once a year (rules.md: each committee member with each other, and
 * with the members they are responsible for). Which members a committee member is responsible for
 * is not recorded, so the secretary is taken as responsible for every member outside the committee.
 */
export function requiredTalkPairs(input: TalkPairsInput): [string, string][] {
  const leaders = [...new Set([input.secretaryId, ...input.committeeIds].filter((x): x is string => !!x))];
  const pairs = new Map<string, [string, string]>();
  const add = (a: string, b: string) => {
    if (a !== b) pairs.set(talkPairKey(a, b), a < b ? [a, b] : [b, a]);
  };
  for (let i = 0; i < leaders.length; i++) for (let j = i + 1; j < leaders.length; j++) add(leaders[i]!, leaders[j]!);
  const responsible = input.secretaryId ?? leaders[0];
  if (responsible) for (const m of input.memberIds) if (!leaders.includes(m)) add(responsible, m);
  return [...pairs.values()];
}

/** The pairs a held 谈心谈话 makes: the one who talks (host) with each person present. */
export function pairsOfTalk(hostId: string | null, presentIds: readonly string[]): string[] {
  if (!hostId) return [];
  return presentIds.filter((p) => p !== hostId).map((p) => talkPairKey(hostId, p));
}

// ---------------------------------------------------------------------------------------------
// The board's items for these checks (one a year each).

/** The 党组 secretary gives at least one 党课 a year (held lectures anywhere in the court he hosts). */
export function secretaryLectureItem(orgUnitId: string, year: number, held: number): ComplianceItem {
  return { orgUnitId, type: 'secretary_lecture', period: String(year), required: 1, held };
}

/** The year's 民主生活会 reported 10–15 days ahead: met when one of its (not cancelled) meetings was. */
export function democraticLifeReportItem(
  orgUnitId: string,
  year: number,
  meetings: readonly { startsAt: Date; reportedOn: string | null }[],
): ComplianceItem {
  const item = { orgUnitId, type: 'democratic_life_report' as const, period: String(year), required: 1 };
  if (meetings.length === 0)
    return { ...item, held: 0, note: `${String(year)}年度民主生活会尚未安排；安排后登记向上级报告的日期` };
  const checks = meetings.map((m) => democraticLifeReportCheck(m.reportedOn, m.startsAt));
  const onTime = checks.find((c) => c.timing === 'onTime');
  const shown = onTime ?? checks[checks.length - 1]!;
  return { ...item, held: onTime ? 1 : 0, note: `${REPORT_TIMING_LABELS[shown.timing]}：${shown.message}` };
}

/** 谈心谈话 of one organisation: pairs done of those required; null when no pair is required. */
export function talkPairsItem(
  orgUnitId: string,
  year: number,
  required: readonly [string, string][],
  done: ReadonlySet<string>,
): ComplianceItem | null {
  if (required.length === 0) return null;
  const held = required.filter(([a, b]) => done.has(talkPairKey(a, b))).length;
  return {
    orgUnitId,
    type: 'talk',
    period: String(year),
    required: required.length,
    held,
    note: `应谈心谈话${String(required.length)}对，已谈${String(held)}对`,
  };
}

/** A reminder's title and detail for an item still to be done this period, in Chinese. */
export function complianceReminderText(item: ComplianceItem, orgName: string): { title: string; detail: string } {
  const period = periodLabel(item.period);
  const counts = `应召开${String(item.required)}次，已召开${String(item.held)}次`;
  if (item.type === 'talk') return { title: `谈心谈话尚未完成：${orgName}`, detail: `${period}${item.note ?? ''}` };
  if (item.type === 'secretary_lecture')
    return { title: `党组书记讲党课：${orgName}`, detail: `${period}党组书记应至少讲党课1次，尚未登记` };
  if (item.type === 'democratic_life_report')
    return { title: `民主生活会会前报告：${orgName}`, detail: `${period}：${item.note ?? ''}` };
  return { title: `本期应召开${COMPLIANCE_ITEM_LABELS[item.type]}：${orgName}`, detail: `${period}${counts}` };
}
