import { courtYearMonth, formatCourtDateTime } from './court-time.ts';
import type { AttendanceState, MeetingType } from './meetings.rules.ts';
import type { OrgKind } from './org.rules.ts';

/**
 * Organisational life around the vote (rules.md, "Branch structure", "Organisational life" and
 * "Voting, quorum and resolutions"): committees and their size, terms, the year an annual item
 * covers, leave, and the moment a meeting's record opens.
 */

// ---------------------------------------------------------------------------------------------
// Committees (《中国共产党支部工作条例（试行）》).

/** A branch with at least this many full members elects a committee. */
export const COMMITTEE_FROM_FULL_MEMBERS = 7;
export const COMMITTEE_MIN_SIZE = 3;
export const COMMITTEE_USUAL_MAX_SIZE = 5;
export const COMMITTEE_MAX_SIZE = 7;

export interface CommitteeRule {
  /** A committee (支部委员会) is elected. */
  hasCommittee: boolean;
  /** Fewest and most people in the committee (without one: the secretary and an optional deputy). */
  minSize: number;
  usualMaxSize: number;
  maxSize: number;
  /** A monthly 支委会 is required of the branch. */
  monthlyCommitteeMeeting: boolean;
  description: string;
}

/**
 * What a branch's number of full members (正式党员, retired and under discipline included: they
 * remain 正式党员) asks of its leadership: 7 or more, a committee of 3–5 (at most 7); fewer, a
 * secretary and, if needed, a deputy, and no 支委会.
 */
export function committeeRuleOf(fullMembers: number): CommitteeRule {
  if (fullMembers >= COMMITTEE_FROM_FULL_MEMBERS) {
    return {
      hasCommittee: true,
      minSize: COMMITTEE_MIN_SIZE,
      usualMaxSize: COMMITTEE_USUAL_MAX_SIZE,
      maxSize: COMMITTEE_MAX_SIZE,
      monthlyCommitteeMeeting: true,
      description: `正式党员${fullMembers}名，应设立支部委员会，委员${COMMITTEE_MIN_SIZE}至${COMMITTEE_USUAL_MAX_SIZE}名，最多不超过${COMMITTEE_MAX_SIZE}名，每月召开支委会`,
    };
  }
  return {
    hasCommittee: false,
    minSize: 1,
    usualMaxSize: 2,
    maxSize: 2,
    monthlyCommitteeMeeting: false,
    description: `正式党员${fullMembers}名（不足${COMMITTEE_FROM_FULL_MEMBERS}名），不设支部委员会，设书记1名，必要时设副书记1名，不要求每月召开支委会`,
  };
}

/**
 * Problems with a branch's committee size (for a branch without a committee: its secretary and
 * deputy), in Chinese; empty when it fits the rule. 6 or 7 members is allowed (一般不超过7人).
 */
export function checkCommitteeSize(fullMembers: number, committeeSize: number): string[] {
  const rule = committeeRuleOf(fullMembers);
  if (rule.hasCommittee) {
    if (committeeSize < COMMITTEE_MIN_SIZE) {
      return [
        `正式党员${fullMembers}名的党支部应设立支部委员会，委员不少于${COMMITTEE_MIN_SIZE}名，现有${committeeSize}名`,
      ];
    }
    if (committeeSize > COMMITTEE_MAX_SIZE) {
      return [`支部委员会委员一般为3至5名，最多不超过${COMMITTEE_MAX_SIZE}名，现有${committeeSize}名`];
    }
    return [];
  }
  if (committeeSize < 1) return ['党支部应设书记1名'];
  if (committeeSize > rule.maxSize) {
    return [
      `正式党员不足${COMMITTEE_FROM_FULL_MEMBERS}名的党支部不设支部委员会，只设书记1名，必要时设副书记1名，现有${committeeSize}名`,
    ];
  }
  return [];
}

/**
 * Whether a branch has a committee for the compliance board: only a branch with 7 or more full
 * members has one, and only once someone sits on it (the secretary counts). A larger branch with
 * none recorded is told so by checkCommitteeSize, not asked for committee meetings it cannot hold.
 */
export function committeeExists(fullMembers: number, committeeSize: number): boolean {
  return committeeRuleOf(fullMembers).hasCommittee && committeeSize > 0;
}

// ---------------------------------------------------------------------------------------------
// Terms.

/** The court may set 党总支 and 机关党委 terms within these years. */
export const TERM_SETTING_RANGE = { min: 3, max: 5 } as const;

/**
 * Default term in years; null for no term. 党支部 3 years (支部工作条例). 党总支 and 机关党委 3 to 5
 * (a court setting): defaults 3 for the 党总支 and 5 for the 机关党委, as 《中国共产党基层组织选举工作
 * 条例》 gives them ("基层委员会每届任期一般为5年，总支部委员会、支部委员会一般为3年"). A 党组 is
 * appointed and has no term; a 党小组 elects none.
 */
export const DEFAULT_TERM_YEARS: Record<OrgKind, number | null> = {
  party_group: null,
  party_committee: 5,
  general_branch: 3,
  branch: 3,
  cell: null,
};

/** Whether a court may set this kind's term (党总支, 机关党委). */
export function termIsSetting(kind: OrgKind): boolean {
  return kind === 'general_branch' || kind === 'party_committee';
}

/** Why a term setting is refused, or null. */
export function termSettingProblem(kind: OrgKind, years: number): string | null {
  if (!termIsSetting(kind)) return '只有党总支和机关党委的任期可以设置';
  if (!Number.isInteger(years) || years < TERM_SETTING_RANGE.min || years > TERM_SETTING_RANGE.max) {
    return `任期应为${TERM_SETTING_RANGE.min}至${TERM_SETTING_RANGE.max}年`;
  }
  return null;
}

/** The term of an organisation, with the court's setting where there is one; null: no re-election notice. */
export function termYearsOf(kind: OrgKind, setting?: number | null): number | null {
  if (setting != null && termSettingProblem(kind, setting) === null) return setting;
  return DEFAULT_TERM_YEARS[kind];
}

// ---------------------------------------------------------------------------------------------
// Annual items belong to the year they cover (年度).

/** 民主评议党员 is an assessment, not a meeting type, but covers a year like the annual meetings. */
export type AnnualItem = MeetingType | 'democratic_evaluation';
export const ANNUAL_ITEMS: readonly AnnualItem[] = ['org_life', 'democratic_life', 'democratic_evaluation'];
/** Held in these months (1–12), an annual item covers the year before by default. */
export const ANNUAL_CARRY_BACK_MONTHS = [1, 2];

export function isAnnualItem(item: AnnualItem): boolean {
  return ANNUAL_ITEMS.includes(item);
}

/**
 * The year an item covers unless the form says otherwise: for a 组织生活会, 民主生活会 or 民主评议
 * held in January or February, the year before (the court's calendar); otherwise the year held.
 */
export function coveredYearDefault(item: AnnualItem, startsAt: Date): number {
  const { year, month } = courtYearMonth(startsAt);
  return isAnnualItem(item) && ANNUAL_CARRY_BACK_MONTHS.includes(month) ? year - 1 : year;
}

/**
 * Why a covered year is refused, or null. An annual meeting covers the year it is held in or the
 * year before (a 2025 组织生活会 held in early 2026); other meetings record none.
 */
export function coveredYearProblem(
  type: MeetingType,
  startsAt: Date,
  coveredYear: number | null | undefined,
): string | null {
  if (coveredYear == null) return null;
  if (!isAnnualItem(type)) return '只有组织生活会、民主生活会等年度会议需要填写所属年度';
  const { year } = courtYearMonth(startsAt);
  if (coveredYear !== year && coveredYear !== year - 1)
    return `所属年度应为召开当年（${String(year)}年）或上一年（${String(year - 1)}年）`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Leave and record time.

/**
 * A member's state once the meeting is over. Leave is asked for by the member and approved by the
 * host; until approved, a member who does not come is absent (缺席) and the six-month run (党章 art. 9) goes on.
 * Reading: leave needs both the request and the approval (a host recording leave asked
 * for by phone records the request with its approval).
 */
export function attendanceStateFor(requestedLeave: boolean, approved: boolean, attended: boolean): AttendanceState {
  if (attended) return 'present';
  return requestedLeave && approved ? 'leave' : 'absent';
}

/** Attendance (other than sign-in and leave), minutes and votes are recorded from the meeting's start. */
export function recordOpensAt(startsAt: Date): Date {
  return startsAt;
}

/** Null when a record may be made at `now`, else the refusal with the court time it opens. */
export function checkRecordTime(startsAt: Date, now: Date): string | null {
  const opensAt = recordOpensAt(startsAt);
  if (now.getTime() >= opensAt.getTime()) return null;
  return `会议尚未开始，出席情况、会议记录和表决结果须于 ${formatCourtDateTime(opensAt)} 起登记`;
}
