/** Who may see and run a meeting: the family's one access rule, asked through the request context. */
import { AppError, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './meetings.repo.ts';

export type LoadedMeeting = repo.LoadedRow;

export interface MeetingAccess {
  row: LoadedMeeting;
  canRead: boolean;
  canManage: boolean;
  /** The signed-in person's attendance row, if they are on the list. */
  attendee: repo.AttendeeRow | undefined;
  /** The signed-in user's roster person, if any. */
  personId: string | null;
}

/**
 * A meeting is visible to whoever reads meetings of its organisation, and to its attendees, host
 * and recorder; to anyone else it does not exist (404, so ids of other branches are not confirmed).
 */
export async function loadMeeting(ctx: RequestContext, id: string): Promise<MeetingAccess> {
  const row = await repo.findMeetingById(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('会议');
  const m = row.meeting;
  const personId = ctx.personId;
  const [canManage, mayRead, attendee] = await Promise.all([
    ctx.can('meetings.manage', m.orgUnitId),
    ctx.can('meetings.read', m.orgUnitId),
    personId ? repo.findAttendee(ctx.db, ctx.tenantId, id, personId) : undefined,
  ]);
  const participates =
    attendee !== undefined || (personId !== null && (m.hostPersonId === personId || m.recorderPersonId === personId));
  const canRead = canManage || mayRead || participates;
  if (!canRead) throw notFound('会议');
  return { row, canRead, canManage, attendee, personId };
}

export async function loadManagedMeeting(ctx: RequestContext, id: string): Promise<MeetingAccess> {
  const access = await loadMeeting(ctx, id);
  if (!access.canManage) throw new AppError('FORBIDDEN', '只能管理本人负责的党组织的会议');
  return access;
}

/** Writes to the record stop when the meeting is closed (a correction is a revision) or cancelled. */
export function assertEditable(row: LoadedMeeting): void {
  if (row.meeting.status === 'closed') throw new AppError('MEETING_ALREADY_CLOSED');
  if (row.meeting.status === 'cancelled') throw new AppError('MEETING_CANCELLED');
}
