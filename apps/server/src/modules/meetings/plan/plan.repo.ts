/** Writes of planning meetings, and who is expected at one. */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { meetingAttendees, meetings, people } from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';
import { attendeeOf } from '../meetings.repo.ts';

export type NewAttendee = Omit<typeof meetingAttendees.$inferInsert, 'meetingId'>;

/** The meeting and its expected list, in the caller's transaction; answers the new id. */
export async function insertMeeting(
  tx: Db,
  values: typeof meetings.$inferInsert,
  attendees: readonly NewAttendee[],
): Promise<string> {
  const [row] = await tx.insert(meetings).values(values).returning({ id: meetings.id });
  const meetingId = row!.id;
  if (attendees.length > 0) await tx.insert(meetingAttendees).values(attendees.map((a) => ({ ...a, meetingId })));
  return meetingId;
}

export async function markNoticeRead(db: Db, tenantId: string, meetingId: string, personId: string): Promise<void> {
  await db
    .update(meetingAttendees)
    .set({ noticeReadAt: new Date() })
    .where(attendeeOf(tenantId, meetingId, personId));
}

/** Party members of the given organisations (full and probationary) on the roster, for the expected list. */
export async function findMembersOfOrgUnits(db: Db, tenantId: string, orgUnitIds: string[]) {
  if (orgUnitIds.length === 0) return [];
  return db
    .select({ id: people.id, status: people.status, retired: people.retired })
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        inArray(people.orgUnitId, orgUnitIds),
        inArray(people.status, ['full', 'probationary']),
        isNull(people.leftOn),
      ),
    );
}

/**
 * Takes a person off the lists of meetings not yet held (planned or notified, starting after `now`)
 * where nothing of theirs is recorded yet; answers how many lists they left. Held meetings keep them.
 */
export async function deleteUpcomingAttendance(db: Db, tenantId: string, personId: string, now: Date) {
  const rows = await db
    .delete(meetingAttendees)
    .where(
      and(
        eq(meetingAttendees.tenantId, tenantId),
        eq(meetingAttendees.personId, personId),
        eq(meetingAttendees.state, 'pending'),
        sql`${meetingAttendees.meetingId} in (select m.id from ${meetings} m where m.tenant_id = ${tenantId}
          and m.status in ('planned', 'notified') and m.starts_at > ${now.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ meetingId: meetingAttendees.meetingId });
  return rows.length;
}
