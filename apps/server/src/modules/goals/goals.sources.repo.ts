/** What the goals counted by the system read: the meetings a member attended, and the goals to fill. */
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { GoalProgressSource } from '@qizhi/domain';
import { goals, meetingAttendees, meetings } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

/** The meetings the people were marked present at, starting within [from, to). */
export async function findAttendedMeetings(db: Db, tenantId: string, personIds: string[], from: Date, to: Date) {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: meetingAttendees.personId,
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      status: meetings.status,
      state: meetingAttendees.state,
    })
    .from(meetingAttendees)
    .innerJoin(
      meetings,
      and(eq(meetings.tenantId, meetingAttendees.tenantId), eq(meetings.id, meetingAttendees.meetingId)),
    )
    .where(
      and(
        eq(meetingAttendees.tenantId, tenantId),
        inArray(meetingAttendees.personId, personIds),
        eq(meetingAttendees.state, 'present'),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
      ),
    );
}

/** A year's goals counted from `source`, of the listed owners (all when omitted). */
export async function findCountedGoals(
  db: Db,
  tenantId: string,
  year: number,
  source: GoalProgressSource,
  personIds?: string[],
) {
  return db
    .select({ id: goals.id, ownerPersonId: goals.ownerPersonId })
    .from(goals)
    .where(
      and(
        eq(goals.tenantId, tenantId),
        eq(goals.year, year),
        eq(goals.progressSource, source),
        personIds ? inArray(goals.ownerPersonId, personIds) : undefined,
      ),
    );
}

/** The counted value of some goals, as their accepted value (what the roll-up reads). */
export async function setCountedValue(db: Db, tenantId: string, ids: string[], value: number | null) {
  if (ids.length === 0) return;
  await db
    .update(goals)
    .set({ acceptedValue: value, acceptedAt: value === null ? null : new Date() })
    .where(and(eq(goals.tenantId, tenantId), inArray(goals.id, ids)));
}

/** Members' count goals of a year with this title take their progress from `source` (the demo seed). */
export async function markCountedGoals(
  db: Db,
  tenantId: string,
  year: number,
  title: string,
  source: GoalProgressSource,
) {
  await db
    .update(goals)
    .set({ progressSource: source })
    .where(
      and(
        eq(goals.tenantId, tenantId),
        eq(goals.year, year),
        eq(goals.ownerKind, 'person'),
        eq(goals.indicatorKind, 'count'),
        eq(goals.title, title),
      ),
    );
}
