import type { Permission } from '@qizhi/domain';
import type { AuthContext } from '../../platform/auth.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { resolveScope, type Scope } from '../../platform/policy.ts';
import * as repo from './meetings.repo.ts';

export type LoadedMeeting = NonNullable<Awaited<ReturnType<typeof repo.findMeetingById>>>;

export function inScope(scope: Scope, orgUnitId: string): boolean {
  return scope.all || scope.orgUnitIds.includes(orgUnitId);
}

/** Where a permission reaches; none at all when the user lacks it. */
export async function scopeOf(db: Db, auth: AuthContext, permission: Permission): Promise<Scope> {
  if (!auth.permissions.has(permission)) return { all: false, orgUnitIds: [] };
  return resolveScope(db, auth.user.tenantId, auth.grants, permission);
}

export interface MeetingAccess {
  row: LoadedMeeting;
  canRead: boolean;
  canManage: boolean;
  /** The signed-in person's attendance row, if they are on the list. */
  attendee: repo.AttendeeRow | undefined;
}

/**
 * A meeting is visible to whoever reads meetings of its organisation, and to its attendees, host
 * and recorder; to anyone else it does not exist (404, so ids of other branches are not confirmed).
 */
export async function loadMeeting(db: Db, auth: AuthContext, id: string): Promise<MeetingAccess> {
  const row = await repo.findMeetingById(db, auth.user.tenantId, id);
  if (!row) throw notFound('会议');
  const m = row.meeting;
  const [readScope, manageScope] = await Promise.all([
    scopeOf(db, auth, 'meetings.read'),
    scopeOf(db, auth, 'meetings.manage'),
  ]);
  const personId = auth.user.personId;
  const attendee = personId ? await repo.findAttendee(db, auth.user.tenantId, id, personId) : undefined;
  const canManage = inScope(manageScope, m.orgUnitId);
  const participates =
    attendee !== undefined || (personId !== null && (m.hostPersonId === personId || m.recorderPersonId === personId));
  const canRead = canManage || inScope(readScope, m.orgUnitId) || participates;
  if (!canRead) throw notFound('会议');
  return { row, canRead, canManage, attendee };
}

export async function loadManagedMeeting(db: Db, auth: AuthContext, id: string): Promise<MeetingAccess> {
  const access = await loadMeeting(db, auth, id);
  if (!access.canManage) throw new AppError('FORBIDDEN', '只能管理本人负责的党组织的会议');
  return access;
}

/** Writes to the record stop when the meeting is closed (a correction is a revision) or cancelled. */
export function assertEditable(row: LoadedMeeting): void {
  if (row.meeting.status === 'closed') throw new AppError('MEETING_ALREADY_CLOSED');
  if (row.meeting.status === 'cancelled') throw new AppError('MEETING_CANCELLED');
}
