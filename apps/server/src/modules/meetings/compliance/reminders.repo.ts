/** What a person's reminders are made of: notices, overdue minutes, follow-up tasks. */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import { meetingAttendees, meetings, meetingTasks, orgUnits } from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';

/** Notified meetings the person is to attend (not exempted) starting from `since` on, soonest first. */
export async function findNoticesToAttend(db: Db, tenantId: string, personId: string, since: Date) {
  return db
    .select({ meeting: meetings, noticeReadAt: meetingAttendees.noticeReadAt, orgUnitName: orgUnits.name })
    .from(meetingAttendees)
    .innerJoin(
      meetings,
      and(eq(meetings.tenantId, meetingAttendees.tenantId), eq(meetings.id, meetingAttendees.meetingId)),
    )
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, meetings.tenantId), eq(orgUnits.id, meetings.orgUnitId)))
    .where(
      and(
        eq(meetingAttendees.tenantId, tenantId),
        eq(meetingAttendees.personId, personId),
        eq(meetingAttendees.exempt, false),
        inArray(meetings.status, ['notified', 'planned']),
        isNotNull(meetings.notifiedAt),
        gte(meetings.startsAt, since),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(10);
}

/** Meetings the person hosts or records that started before `before` and still have no minutes. */
export async function findMeetingsWithoutMinutes(db: Db, tenantId: string, personId: string, before: Date) {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        or(eq(meetings.hostPersonId, personId), eq(meetings.recorderPersonId, personId)),
        inArray(meetings.status, ['planned', 'notified']),
        lt(meetings.startsAt, before),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(20);
}

/** Open follow-up tasks the person owns, due on or before a day. */
export async function findOpenTasksDueBy(db: Db, tenantId: string, personId: string, dueBy: string) {
  return db
    .select({ task: meetingTasks, topic: meetings.topic })
    .from(meetingTasks)
    .innerJoin(meetings, and(eq(meetings.tenantId, meetingTasks.tenantId), eq(meetings.id, meetingTasks.meetingId)))
    .where(
      and(
        eq(meetingTasks.tenantId, tenantId),
        eq(meetingTasks.ownerPersonId, personId),
        isNull(meetingTasks.doneAt),
        lte(meetingTasks.dueOn, dueBy),
      ),
    )
    .orderBy(asc(meetingTasks.dueOn))
    .limit(20);
}
