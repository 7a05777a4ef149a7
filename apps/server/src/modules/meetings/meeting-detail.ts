import {
  meetingQuorumOf,
  recordOpensAt,
  type Attendee,
  type Entitlement,
  type MeetingDetail,
  type MeetingListItem,
} from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { loadMeeting, type MeetingAccess } from './meeting-access.ts';
import { countMeetings, shownCounts, summariseMeetings, type AttendeeJoined } from './entitlement.ts';
import * as repo from './meetings.repo.ts';
import { countsNoteOf, toVote } from './vote-outcome.ts';

type ListRow = Pick<repo.LoadedRow, 'meeting' | 'orgUnitName' | 'hostName'>;

/** A list's rows with 应到 and 实到 counted by entitlementOf (a closed meeting's as recorded). */
export async function toListItems<R extends ListRow>(db: Db, tenantId: string, rows: readonly R[]) {
  const counts = await summariseMeetings(
    db,
    tenantId,
    rows.map((r) => r.meeting),
  );
  return rows.map((r) => ({ row: r, item: toListItem(r, shownCounts(r.meeting, counts.get(r.meeting.id))) }));
}

export function toListItem(row: ListRow, counts: { expected: number; attended: number }): MeetingListItem {
  return { ...toUncountedListItem(row), expected: counts.expected, attended: counts.attended };
}

/** A list item without 应到/实到, for lists that do not show them (a person's own meetings). */
export function toUncountedListItem(row: ListRow): Omit<MeetingListItem, 'expected' | 'attended'> {
  const m = row.meeting;
  return {
    id: m.id,
    type: m.type,
    orgUnitId: m.orgUnitId,
    orgUnitName: row.orgUnitName,
    topic: m.topic,
    startsAt: m.startsAt.toISOString(),
    place: m.place,
    status: m.status,
    hostName: row.hostName,
    coveredYear: m.coveredYear,
    reportedOn: m.reportedOn,
  };
}

/** An attendee with their entitlement; an exempted member's reason is the exemption's unless one was recorded here. */
export function toAttendee(r: AttendeeJoined, e: Entitlement, exemptionReason?: string | null): Attendee {
  const a = r.attendee;
  return {
    personId: a.personId,
    name: r.name,
    orgUnitName: r.orgUnitName,
    state: a.state,
    reason: a.reason ?? (e.code === 'exempted' ? (exemptionReason ?? null) : null),
    exempt: e.code === 'exempted' || e.code === 'exemptedButTookPart',
    leaveApproved: a.leaveApproved,
    voting: e.entitled,
    counted: e.counts,
    entitlement: e.code,
    entitlementReason: e.reason,
    signedInAt: a.signedInAt?.toISOString() ?? null,
    signInMethod: a.signInMethod ?? null,
    noticeReadAt: a.noticeReadAt?.toISOString() ?? null,
  };
}

/**
 * Reasons for leave (and for exemption) are personal: the host and whoever manages the meeting's
 * organisation read them; every other attendee sees the list without them, except their own.
 */
function seesReasons({ row, canManage, personId }: MeetingAccess): boolean {
  return canManage || (personId !== null && row.meeting.hostPersonId === personId);
}

function withoutReason(a: Attendee): Attendee {
  const { reason: _omitted, ...rest } = a;
  return rest;
}

export async function buildMeetingDetail(db: Db, access: MeetingAccess): Promise<MeetingDetail> {
  const { row, canManage } = access;
  const m = row.meeting;
  const tenantId = m.tenantId;
  const [counts, votes, tasks, attachments] = await Promise.all([
    countMeetings(db, tenantId, [m]),
    repo.findVotes(db, tenantId, m.id),
    repo.findTasks(db, tenantId, m.id),
    repo.findMeetingFiles(db, tenantId, m.id),
  ]);
  const count = counts.get(m.id)!;
  const attendees = count.joined.map((r, i) =>
    toAttendee(r, count.tally.rows[i]!, count.attendees[i]?.exemption?.reason),
  );
  const mine = access.attendee ? (attendees.find((a) => a.personId === access.attendee?.personId) ?? null) : null;
  const shown = seesReasons(access) ? attendees : attendees.map((a) => (a === mine ? a : withoutReason(a)));
  return {
    ...toListItem(row, shownCounts(m, count)),
    endsAt: m.endsAt?.toISOString() ?? null,
    hostPersonId: m.hostPersonId,
    recorderPersonId: m.recorderPersonId,
    recorderName: row.recorderName,
    agenda: m.agenda,
    minutes: m.minutes,
    minutesRecordedAt: m.minutesRecordedAt?.toISOString() ?? null,
    resolutions: m.resolutions,
    notifiedAt: m.notifiedAt?.toISOString() ?? null,
    closedAt: m.closedAt?.toISOString() ?? null,
    revision: m.revision,
    attendees: shown,
    summary: count.summary,
    quorum: meetingQuorumOf(m.type, count.tally),
    votes: votes.map((v) => toVote(v, m, count.tally)),
    tasks: tasks.map(({ task, ownerName }) => ({
      id: task.id,
      meetingId: task.meetingId,
      title: task.title,
      ownerPersonId: task.ownerPersonId,
      ownerName,
      dueOn: task.dueOn,
      doneAt: task.doneAt?.toISOString() ?? null,
    })),
    files: attachments,
    canManage,
    myAttendance: mine,
    recordOpensAt: recordOpensAt(m.startsAt).toISOString(),
    countsNote: countsNoteOf(m, count.summary),
  };
}

/** A meeting as whoever asks may see it (404 when they may not). */
export async function getMeeting(ctx: RequestContext, id: string): Promise<MeetingDetail> {
  return buildMeetingDetail(ctx.db, await loadMeeting(ctx, id));
}
