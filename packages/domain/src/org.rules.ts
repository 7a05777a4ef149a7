import { checkCommitteeSize } from './org-life.rules.ts';

/** 《中国共产党支部工作条例（试行）》: a branch generally has at most 50 members. */
export const BRANCH_MEMBER_SOFT_LIMIT = 50;
/** A branch needs at least 3 full members. */
export const BRANCH_MIN_FULL_MEMBERS = 3;
/** A branch committee's term in years (other kinds: termYearsOf in org-life.rules.ts); re-election is due when it ends. */
export const COMMITTEE_TERM_YEARS = 3;
/** Show the re-election notice this many days before the term ends. */
export const REELECTION_NOTICE_DAYS = 90;

export const ORG_KINDS = ['party_group', 'party_committee', 'general_branch', 'branch', 'cell'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  party_group: '党组',
  party_committee: '机关党委',
  general_branch: '党总支',
  branch: '党支部',
  cell: '党小组',
};

/** Which kinds may sit directly under which: the tree only grows downwards. */
export const ORG_CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  party_group: ['party_committee', 'general_branch', 'branch'],
  party_committee: ['general_branch', 'branch'],
  general_branch: ['branch'],
  branch: ['cell'],
  cell: [],
};

export const DEPARTMENT_KINDS = ['trial', 'tribunal', 'enforcement', 'support'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  trial: '审判业务庭',
  tribunal: '人民法庭',
  enforcement: '执行局',
  support: '综合部门',
};

export type OrgNotice =
  | { kind: 'branchOverSize'; message: string }
  | { kind: 'branchUnderSize'; message: string }
  | { kind: 'committeeSize'; message: string }
  | { kind: 'reelectionDue'; message: string; termEndsOn: string }
  | { kind: 'reelectionOverdue'; message: string; termEndsOn: string };

export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + 1 year falls back to 28 February, not 1 March.
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000);
}

export interface OrgNoticeInput {
  kind: OrgKind;
  memberCount: number;
  fullMemberCount: number;
  termStartedOn: string | null;
  /** The organisation's term (termYearsOf); null: no term, so no re-election notice (党组, 党小组). */
  termYears: number | null;
  /** Secretary and committee members of a branch, for the committee-size check; omitted: not checked. */
  committeeSize?: number;
  today: string;
}

export function computeOrgNotices(input: OrgNoticeInput): OrgNotice[] {
  const notices: OrgNotice[] = [];
  if (input.kind === 'branch') {
    if (input.memberCount > BRANCH_MEMBER_SOFT_LIMIT) {
      notices.push({
        kind: 'branchOverSize',
        message: `本支部现有党员${input.memberCount}名，超过一般不超过${BRANCH_MEMBER_SOFT_LIMIT}名的规定，可考虑按《中国共产党支部工作条例（试行）》调整设置`,
      });
    }
    if (input.fullMemberCount < BRANCH_MIN_FULL_MEMBERS) {
      notices.push({
        kind: 'branchUnderSize',
        message: `正式党员不足${BRANCH_MIN_FULL_MEMBERS}名，不符合成立党支部的条件`,
      });
    }
    if (input.committeeSize !== undefined) {
      for (const message of checkCommitteeSize(input.fullMemberCount, input.committeeSize))
        notices.push({ kind: 'committeeSize', message });
    }
  }
  if (input.termStartedOn && input.termYears !== null) {
    const termEndsOn = addYears(input.termStartedOn, input.termYears);
    const daysLeft = daysBetween(input.today, termEndsOn);
    if (daysLeft < 0) {
      notices.push({ kind: 'reelectionOverdue', termEndsOn, message: `任期已于${termEndsOn}届满，应及时换届` });
    } else if (daysLeft <= REELECTION_NOTICE_DAYS) {
      notices.push({ kind: 'reelectionDue', termEndsOn, message: `任期将于${termEndsOn}届满，请做好换届准备` });
    }
  }
  return notices;
}

/** The unit and everything below it; a cycle in bad data cannot loop. */
export function collectSubtreeIds(units: readonly { id: string; parentId: string | null }[], rootId: string): string[] {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return [...ids];
}
