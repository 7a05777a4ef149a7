/**
 * The demo court's 应到, 实到 and vote results through the same rule as the server (entitlementOf
 * by tallyVote, voteResultOf): retired full members vote, probationary members do not, and the two
 * exempted retired members are out of 应到 — exempted two years before any meeting.
 */
import {
  attendanceSummaryOf,
  collectSubtreeIds,
  tallyVote,
  voteResultOf,
  type MeetingType,
  type ResolutionKind,
  type VoteAttendee,
} from '@qizhi/domain';
import type { DemoCourt } from './demo-court.data.ts';

export interface DemoVoteMeeting {
  orgKey: string;
  type: MeetingType;
  startsAt: Date;
  attendeeKeys: readonly string[];
  committeeKeys?: readonly string[];
  presentKeys: ReadonlySet<string>;
  /** Exempted people with the instant it was granted. */
  exempt: ReadonlyMap<string, { reason: string; grantedAt: Date }>;
}

/** 应到 and 实到 of a demo meeting, and a vote's stored values when it has one (every present entitled member votes yes). */
export function demoCounts(court: DemoCourt, m: DemoVoteMeeting, kind: ResolutionKind = 'other') {
  const units = court.orgUnits.map((u) => ({ id: u.key, parentId: u.parentKey }));
  const meeting = {
    type: m.type,
    startsAt: m.startsAt,
    memberUnitIds: collectSubtreeIds(units, m.orgKey),
    committeeIds: m.committeeKeys,
  };
  const byKey = new Map(court.people.map((p) => [p.key, p]));
  const attendees: VoteAttendee[] = m.attendeeKeys.map((key) => {
    const p = byKey.get(key)!;
    return {
      person: {
        id: key,
        status: p.status,
        joinedOn: p.joinedOn,
        confirmedOn: p.confirmedOn,
        orgUnitId: p.orgUnitKey,
        retired: p.retired,
      },
      present: m.presentKeys.has(key),
      exemption: m.exempt.get(key) ?? null,
    };
  });
  const tally = tallyVote(meeting, kind, attendees);
  const counts = { kind, meetingType: m.type, expected: tally.expected, present: tally.present };
  const result = voteResultOf({ ...counts, yes: tally.present, no: 0, abstain: 0 });
  // The meeting's 应到/实到 are the attendance summary's (members without a vote are expected too);
  // the vote is judged on the entitled only.
  const summary = attendanceSummaryOf(
    tally.rows.map((r) => ({
      counts: r.counts,
      code: r.code,
      state: r.present ? 'present' : 'absent',
      leaveApproved: false,
    })),
  );
  return {
    expected: summary.expected,
    present: summary.attended,
    vote: {
      kind,
      entitled: tally.expected,
      present: tally.present,
      yes: tally.present,
      no: 0,
      abstain: 0,
      divisor: result.divisor.kind,
      quorumReached: result.quorum.reached,
      yesNeeded: result.needed,
      adopted: result.adopted,
    },
  };
}
