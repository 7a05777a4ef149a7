import type { OrgKind } from './org.rules.ts';
import { isMeetingType, type ComplianceItemType } from './compliance-items.rules.ts';
import { ANNUAL_ITEMS } from './org-life.rules.ts';
import {
  MEETING_TYPE_RULES,
  MEETING_TYPES,
  monthPeriod,
  monthsOfPeriod,
  periodsOfYear,
  periodTiming,
  type MeetingFrequency,
  type MeetingType,
  type Period,
} from './meetings.rules.ts';

/**
 * Required vs held for every organisation, type and period of a year. The database counts held
 * meetings per month (cheap, one GROUP BY); this rolls months up into each type's period.
 */
export interface ComplianceOrg {
  id: string;
  kind: OrgKind;
  /** A branch without an elected committee (fewer than 7 full members) holds no committee meetings. */
  hasCommittee: boolean;
}

export interface FrequencyOverride {
  orgUnitId: string;
  type: MeetingType;
  frequency: MeetingFrequency;
}

export interface HeldCount {
  orgUnitId: string;
  type: MeetingType;
  /** `2026-03` */
  month: Period;
  held: number;
}

/** Held annual meetings by the year they cover (年度), not the month held. */
export interface AnnualHeldCount {
  orgUnitId: string;
  type: MeetingType;
  coveredYear: number;
  held: number;
}

export interface ComplianceItem {
  orgUnitId: string;
  type: ComplianceItemType;
  period: Period;
  required: number;
  held: number;
  /** What a person should know beyond the counts (a report's timing), in Chinese. */
  note?: string;
}

/** The frequency a type has for one organisation: the court's override, else the default where it applies. */
export function frequencyFor(
  org: ComplianceOrg,
  type: MeetingType,
  overrides: ReadonlyMap<string, MeetingFrequency>,
): MeetingFrequency {
  const override = overrides.get(`${org.id}:${type}`);
  if (override) return override;
  const rule = MEETING_TYPE_RULES[type];
  if (!rule.requiredAt.includes(org.kind)) return 'none';
  if (type === 'branch_committee' && !org.hasCommittee) return 'none';
  return rule.frequency;
}

export function overrideMap(overrides: readonly FrequencyOverride[]): Map<string, MeetingFrequency> {
  return new Map(overrides.map((o) => [`${o.orgUnitId}:${o.type}`, o.frequency]));
}

export function computeCompliance(input: {
  year: number;
  orgs: readonly ComplianceOrg[];
  overrides: readonly FrequencyOverride[];
  held: readonly HeldCount[];
  /** Annual meetings by covered year; a yearly 组织生活会 or 民主生活会 is counted from these. */
  annualHeld?: readonly AnnualHeldCount[];
}): ComplianceItem[] {
  const overrides = overrideMap(input.overrides);
  const heldByKey = new Map<string, number>();
  for (const h of input.held) {
    const key = `${h.orgUnitId}:${h.type}:${h.month}`;
    heldByKey.set(key, (heldByKey.get(key) ?? 0) + h.held);
  }
  const annualByKey = new Map<string, number>();
  for (const h of input.annualHeld ?? []) {
    if (h.coveredYear !== input.year) continue;
    const key = `${h.orgUnitId}:${h.type}`;
    annualByKey.set(key, (annualByKey.get(key) ?? 0) + h.held);
  }
  const items: ComplianceItem[] = [];
  for (const org of input.orgs) {
    for (const type of MEETING_TYPES) {
      // 谈心谈话 are counted per pair (talkPairsItem), not as meetings of the organisation.
      if (type === 'talk') continue;
      const frequency = frequencyFor(org, type, overrides);
      if (frequency === 'none') continue;
      if (frequency === 'yearly' && ANNUAL_ITEMS.includes(type)) {
        const held = annualByKey.get(`${org.id}:${type}`) ?? 0;
        items.push({ orgUnitId: org.id, type, period: String(input.year), required: 1, held });
        continue;
      }
      for (const period of periodsOfYear(input.year, frequency)) {
        let held = 0;
        for (const month of monthsOfPeriod(period)) held += heldByKey.get(`${org.id}:${type}:${month}`) ?? 0;
        items.push({ orgUnitId: org.id, type, period, required: 1, held });
      }
    }
  }
  return items;
}

/**
 * Board colours: met (green), due (amber, 待完成: the current period, not yet done), missed (red,
 * 未落实: a past period short of its requirement), upcoming (grey), informational (never red).
 */
export type ComplianceState = 'met' | 'due' | 'missed' | 'upcoming' | 'informational';

export function complianceState(item: ComplianceItem, today: string): ComplianceState {
  if (item.held >= item.required) return 'met';
  if (isMeetingType(item.type) && MEETING_TYPE_RULES[item.type].informational) return 'informational';
  switch (periodTiming(item.period, today)) {
    case 'past':
      return 'missed';
    case 'current':
      return 'due';
    case 'future':
      return 'upcoming';
  }
}

const STATE_RANK: Record<ComplianceState, number> = { missed: 4, due: 3, upcoming: 2, met: 1, informational: 0 };

/** The worst state among items, for one cell of the board; null when nothing is required there. */
export function worstState(states: readonly ComplianceState[]): ComplianceState | null {
  let worst: ComplianceState | null = null;
  for (const s of states) if (worst === null || STATE_RANK[s] > STATE_RANK[worst]) worst = s;
  return worst;
}

/** The items a month column of the board shows: monthly ones of that month, others in their period's last month. */
export function itemsShownInMonth(items: readonly ComplianceItem[], year: number, month: number): ComplianceItem[] {
  const m = monthPeriod(year, month);
  return items.filter((i) => {
    const months = monthsOfPeriod(i.period);
    return months[months.length - 1] === m;
  });
}

// ---------------------------------------------------------------------------------------------
// The 6-month line (党章 art. 9): members absent without reason from organisational life.

/** Flag members at this many consecutive months, before they reach the six of the constitution. */
export const ABSENCE_WARNING_MONTHS = 4;
export const ABSENCE_LIMIT_MONTHS = 6;

/**
 * One member's month: `attended` took part in some meeting; `excused` was on approved leave from
 * every meeting missed; `absent` was expected and neither came nor had leave; `none` nothing was
 * expected (no meeting held) — such a month neither counts nor breaks the run.
 */
export type MonthParticipation = 'attended' | 'excused' | 'absent' | 'none';

/** Consecutive `absent` months, counting back from the latest month given. */
export function consecutiveAbsentMonths(months: readonly { month: Period; state: MonthParticipation }[]): number {
  const sorted = [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  let run = 0;
  for (const m of sorted) {
    if (m.state === 'none') continue;
    if (m.state !== 'absent') break;
    run += 1;
  }
  return run;
}

export function participationOfMonth(flags: {
  attended: boolean;
  excused: boolean;
  expected: boolean;
}): MonthParticipation {
  if (flags.attended) return 'attended';
  if (!flags.expected) return 'none';
  if (flags.excused) return 'excused';
  return 'absent';
}
