/**
 * Who counts at a meeting: the server's only way to 应到, 实到 and the quorum. It loads what the
 * rule needs (the organisation and its subtree, the committee, each attendee's status and
 * discipline, exemptions with the time they were granted) and asks packages/domain — entitlementOf
 * through tallyAttendance / tallyVote — keeping no copy of the rule.
 */
import {
  attendanceSummaryOf,
  collectSubtreeIds,
  courtToday,
  exemptionTakesEffect,
  tallyAttendance,
  type AttendanceSummary,
  type DisciplinePeriod,
  type VoteAttendee,
  type VoteExemption,
  type VoterPerson,
  type VoteTally,
  type VotingMeeting,
} from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import * as repo from './meetings.repo.ts';

export type AttendeeJoined = Awaited<ReturnType<typeof repo.findAttendees>>[number];
type ExemptionRow = Awaited<ReturnType<typeof repo.findExemptionsOf>>[number];

export interface MeetingCount {
  voting: VotingMeeting;
  joined: AttendeeJoined[];
  attendees: VoteAttendee[];
  tally: VoteTally;
  summary: AttendanceSummary;
}

function disciplineOf(p: AttendeeJoined['person']): DisciplinePeriod[] {
  const periods: DisciplinePeriod[] = [];
  if (p.probationFrom) periods.push({ kind: 'probation_in_party', from: p.probationFrom, to: p.probationTo });
  if (p.suspendedFrom) periods.push({ kind: 'rights_suspended', from: p.suspendedFrom, to: p.suspendedTo });
  return periods;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function voterOf(p: AttendeeJoined['person']): VoterPerson {
  return {
    id: p.id,
    status: p.status,
    joinedOn: p.joinedOn,
    confirmedOn: p.confirmedOn,
    orgUnitId: p.orgUnitId,
    retired: p.retired,
    discipline: disciplineOf(p),
  };
}

/** The exemption covering the meeting day; one granted before the start is preferred (only it takes effect). */
function exemptionFor(rows: readonly ExemptionRow[], day: string, startsAt: Date): VoteExemption | null {
  const covering = rows
    .filter((e) => e.startsOn <= day && (e.endsOn === null || day <= e.endsOn))
    .map((e) => ({ reason: e.reason, grantedAt: e.createdAt }));
  return covering.find((e) => exemptionTakesEffect(e, startsAt)) ?? covering[0] ?? null;
}

export function votingMeetingOf(m: repo.MeetingRow, units: readonly repo.OrgUnitOfMeeting[]): VotingMeeting {
  const org = units.find((u) => u.id === m.orgUnitId);
  const committeeIds =
    m.type === 'branch_committee' && org
      ? [org.secretaryPersonId, ...org.committee.map((c) => c.personId)].filter((x): x is string => !!x)
      : undefined;
  return { type: m.type, startsAt: m.startsAt, memberUnitIds: collectSubtreeIds(units, m.orgUnitId), committeeIds };
}

/** One attendee as the rule reads them: who, with their standing, and what was recorded. */
interface AttendanceState {
  personId: string;
  voter: VoterPerson;
  state: AttendeeJoined['attendee']['state'];
  leaveApproved: boolean;
}

function countOf(
  m: repo.MeetingRow,
  units: readonly repo.OrgUnitOfMeeting[],
  rows: readonly AttendanceState[],
  exemptions: Map<string, ExemptionRow[]>,
): Omit<MeetingCount, 'joined'> {
  const voting = votingMeetingOf(m, units);
  const day = courtToday(m.startsAt);
  const attendees = rows.map((r) => ({
    person: r.voter,
    present: r.state === 'present',
    exemption: exemptionFor(exemptions.get(r.personId) ?? [], day, m.startsAt),
  }));
  const tally = tallyAttendance(voting, attendees);
  const summary = attendanceSummaryOf(
    tally.rows.map((t, i) => ({ ...t, state: rows[i]!.state, leaveApproved: rows[i]!.leaveApproved })),
  );
  return { voting, attendees, tally, summary };
}

/** Every meeting's counts by today's rule, from its attendance list. */
export async function countMeetings(
  db: Db,
  tenantId: string,
  meetings: readonly repo.MeetingRow[],
): Promise<Map<string, MeetingCount>> {
  const counts = new Map<string, MeetingCount>();
  if (meetings.length === 0) return counts;
  const [units, joined] = await Promise.all([
    repo.findOrgUnits(db, tenantId),
    repo.findAttendees(
      db,
      tenantId,
      meetings.map((m) => m.id),
    ),
  ]);
  const personIds = [...new Set(joined.map((a) => a.attendee.personId))];
  const exemptions = groupBy(await repo.findExemptionsOf(db, tenantId, personIds), (e) => e.personId);
  const byMeeting = groupBy(joined, (a) => a.attendee.meetingId);
  for (const m of meetings) {
    const rows = byMeeting.get(m.id) ?? [];
    const states = rows.map((r) => ({
      personId: r.attendee.personId,
      voter: voterOf(r.person),
      state: r.attendee.state,
      leaveApproved: r.attendee.leaveApproved,
    }));
    counts.set(m.id, { ...countOf(m, units, states, exemptions), joined: rows });
  }
  return counts;
}

/**
 * 应到 and 实到 of a list's meetings by the same rule as countMeetings, loading only what the rule
 * reads: each attendance as four columns and each person once, no names, nothing sorted (issue 11's
 * overload: 500 meetings, 26,960 attendances, 1.1 s on PGlite through the full attendance list). Closed
 * meetings with recorded counts are skipped.
 */
export async function summariseMeetings(
  db: Db,
  tenantId: string,
  meetings: readonly repo.MeetingRow[],
): Promise<Map<string, Pick<MeetingCount, 'summary'>>> {
  const summaries = new Map<string, Pick<MeetingCount, 'summary'>>();
  const open = meetings.filter((m) => !hasRecordedCounts(m));
  if (open.length === 0) return summaries;
  const units = await repo.findOrgUnits(db, tenantId);
  const states = await repo.findAttendanceStates(
    db,
    tenantId,
    open.map((m) => m.id),
  );
  const personIds = [...new Set(states.map((a) => a.personId))];
  const voters = new Map((await repo.findVoters(db, tenantId, personIds)).map((p) => [p.id, voterOf(p)]));
  const exemptions = groupBy(await repo.findExemptionsOf(db, tenantId, personIds), (e) => e.personId);
  const byMeeting = groupBy(states, (a) => a.meetingId);
  for (const m of open) {
    const rows = (byMeeting.get(m.id) ?? []).flatMap((a) => {
      const voter = voters.get(a.personId);
      return voter ? [{ ...a, voter }] : [];
    });
    summaries.set(m.id, { summary: countOf(m, units, rows, exemptions).summary });
  }
  return summaries;
}

/** A closed meeting keeps the counts recorded when it closed; shownCounts shows those. */
function hasRecordedCounts(m: repo.MeetingRow): boolean {
  return m.status === 'closed' && m.recordedExpected !== null && m.recordedAttended !== null;
}

/** 应到 and 实到 a list shows: a closed meeting's as recorded, an open one's by today's rule. */
export function shownCounts(
  m: repo.MeetingRow,
  count: Pick<MeetingCount, 'summary'> | undefined,
): { expected: number; attended: number } {
  if (m.status === 'closed' && m.recordedExpected !== null && m.recordedAttended !== null) {
    return { expected: m.recordedExpected, attended: m.recordedAttended };
  }
  return { expected: count?.summary.expected ?? 0, attended: count?.summary.attended ?? 0 };
}
