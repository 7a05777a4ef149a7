import {
  checkQuorum,
  summarizeAttendance,
  type Attendee,
  type MeetingDetail,
  type MeetingListItem,
  type MeetingType,
  type Quorum,
} from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { loadMeeting, type MeetingAccess } from './meeting-access.ts';
import * as repo from './meetings.repo.ts';

type ListRow = Pick<repo.LoadedRow, 'meeting' | 'orgUnitName' | 'hostName' | 'expected' | 'attended'>;

export function toListItem(row: ListRow): MeetingListItem {
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
    expected: row.expected,
    attended: row.attended,
    coveredYear: m.coveredYear,
    reportedOn: m.reportedOn,
  };
}

type AttendeeJoined = Awaited<ReturnType<typeof repo.findAttendees>>[number];

export function toAttendee(r: AttendeeJoined): Attendee {
  const a = r.attendee;
  return {
    personId: a.personId,
    name: r.name,
    orgUnitName: r.orgUnitName,
    state: a.state,
    reason: a.reason,
    exempt: a.exempt,
    leaveApproved: a.leaveApproved,
    voting: a.voting,
    signedInAt: a.signedInAt?.toISOString() ?? null,
    signInMethod: a.signInMethod ?? null,
    noticeReadAt: a.noticeReadAt?.toISOString() ?? null,
  };
}

/**
 * Who counts for a decision. A branch general meeting: voting members (full, in service, not
 * exempted) — more than half must be present. A committee (or the 党组): its members. Other
 * meetings have no quorum; their votes still count voting members, for the record.
 */
export function quorumOf(type: MeetingType, attendees: readonly Attendee[]): Quorum {
  const counted = type === 'branch_committee' || type === 'democratic_life';
  const entitledRows = attendees.filter((a) => !a.exempt && (counted || a.voting));
  const present = entitledRows.filter((a) => a.state === 'present').length;
  const check = checkQuorum(entitledRows.length, present);
  const applies = type === 'branch_general' || type === 'branch_committee';
  const basis =
    type === 'branch_committee'
      ? '支部委员会：到会委员须超过委员半数'
      : type === 'branch_general'
        ? '支部党员大会：到会有表决权的党员（在职正式党员，不含免于参会者）须超过应到会有表决权党员的半数'
        : counted
          ? '本会议无法定人数要求，按成员计'
          : '本会议无法定人数要求，表决按到会有表决权党员计';
  return { applies, basis, entitled: check.entitled, present, needed: check.needed, reached: check.reached };
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
  const [attendeeRows, votes, tasks, attachments] = await Promise.all([
    repo.findAttendees(db, tenantId, [m.id]),
    repo.findVotes(db, tenantId, m.id),
    repo.findTasks(db, tenantId, m.id),
    repo.findMeetingFiles(db, tenantId, m.id),
  ]);
  const attendees = attendeeRows.map(toAttendee);
  const mine = access.attendee ? (attendees.find((a) => a.personId === access.attendee?.personId) ?? null) : null;
  const shown = seesReasons(access) ? attendees : attendees.map((a) => (a === mine ? a : withoutReason(a)));
  return {
    ...toListItem(row),
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
    summary: summarizeAttendance(attendees),
    quorum: quorumOf(m.type, attendees),
    votes: votes.map((v) => ({
      id: v.id,
      kind: v.kind,
      subject: v.subject,
      entitled: v.entitled,
      present: v.present,
      yes: v.yes,
      no: v.no,
      abstain: v.abstain,
      quorumReached: v.quorumReached,
      yesNeeded: v.yesNeeded,
      adopted: v.adopted,
      createdAt: v.createdAt.toISOString(),
    })),
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
  };
}

/** A meeting as whoever asks may see it (404 when they may not). */
export async function getMeeting(ctx: RequestContext, id: string): Promise<MeetingDetail> {
  return buildMeetingDetail(ctx.db, await loadMeeting(ctx, id));
}
