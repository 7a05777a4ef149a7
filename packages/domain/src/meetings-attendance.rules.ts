import type { AttendanceState, MeetingType } from './meetings.rules.ts';
import { requiredPresent, type EntitlementCode, type VoteTally } from './voting.rules.ts';

/**
 * The attendance summary and the quorum a meeting shows before any vote, both from the entitlement
 * of each attendee (`tallyAttendance` in voting.rules.ts): guests and members of other organisations
 * never count; probationary members and those under discipline are expected but never count toward
 * a quorum or a vote; an exempted member who comes counts
 * in 应到 and 实到; leave counts as 请假 only once the host has approved it.
 */
export const ENTITLEMENT_CODES = [
  'entitled',
  'exempted',
  'exemptedButTookPart',
  'notCommitteeMember',
  'notPartyMember',
  'otherOrganisation',
  'probationary',
  'probationInParty',
  'rightsSuspended',
] as const satisfies readonly EntitlementCode[];

export interface AttendanceSummary {
  /**
   * 应到: the organisation's members expected to take part, with or without a vote (for a 支委会:
   * its committee members); exempted members who do not take part are left out. The quorum's
   * 应到会有表决权的党员 is `MeetingQuorum.entitled`.
   */
  expected: number;
  /** 实到: the expected who are present. */
  attended: number;
  /** 请假, approved by the host. */
  leave: number;
  /** Asked for leave, not yet approved: absent (缺席) unless approved. */
  leaveRequested: number;
  absent: number;
  pending: number;
  /** Entitled members exempted (免于参加) and not taking part. */
  exempt: number;
  /** On the list but not expected: guests, other organisations, non-members. */
  notCounted: number;
}

export interface SummaryRow {
  counts: boolean;
  code: EntitlementCode;
  state: AttendanceState;
  leaveApproved: boolean;
}

/**
 * Members of the organisation who are expected at its organisational life though they have no vote
 * (党章 art. 7 and 9: a probationary member has a member's duties; discipline takes the vote, not the
 * duty to take part). They count in the meeting's 应到 and 实到, never in a quorum or a vote.
 */
const ATTENDS_WITHOUT_VOTE: ReadonlySet<EntitlementCode> = new Set([
  'probationary',
  'probationInParty',
  'rightsSuspended',
]);

export function attendanceSummaryOf(rows: readonly SummaryRow[]): AttendanceSummary {
  const s: AttendanceSummary = {
    expected: 0,
    attended: 0,
    leave: 0,
    leaveRequested: 0,
    absent: 0,
    pending: 0,
    exempt: 0,
    notCounted: 0,
  };
  for (const r of rows) {
    if (!r.counts && !ATTENDS_WITHOUT_VOTE.has(r.code)) {
      if (r.code === 'exempted') s.exempt += 1;
      else s.notCounted += 1;
      continue;
    }
    s.expected += 1;
    if (r.state === 'present') s.attended += 1;
    else if (r.state === 'leave' && r.leaveApproved) s.leave += 1;
    else if (r.state === 'leave') s.leaveRequested += 1;
    else if (r.state === 'absent') s.absent += 1;
    else s.pending += 1;
  }
  return s;
}

export interface MeetingQuorum {
  /** Whether this type of meeting has a quorum (支部党员大会, 支委会). */
  applies: boolean;
  basis: string;
  entitled: number;
  present: number;
  needed: number;
  reached: boolean;
}

const QUORUM_BASIS: Partial<Record<MeetingType, string>> = {
  branch_general:
    '支部党员大会：到会有表决权的党员须超过应到会有表决权党员的半数（正式党员，在职、退休均计；预备党员、留党察看、暂停党员权利者及列席人员不计；免于参加者不计入应到，仍到会的计入）；选举须超过五分之四',
  branch_committee: '支部委员会：到会委员须超过委员半数，只计支部委员',
};

/** The quorum before any vote: more than half of 应到 present (an election asks more: see `voteResultOf`). */
export function meetingQuorumOf(type: MeetingType, tally: Pick<VoteTally, 'expected' | 'present'>): MeetingQuorum {
  const needed = requiredPresent(tally.expected, 'more_than_half');
  return {
    applies: type in QUORUM_BASIS,
    basis: QUORUM_BASIS[type] ?? '本会议无法定人数要求，表决按到会有表决权党员计',
    entitled: tally.expected,
    present: tally.present,
    needed,
    reached: tally.expected > 0 && tally.present >= needed,
  };
}
