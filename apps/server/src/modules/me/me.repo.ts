import { and, desc, eq, gte, lt, ne } from 'drizzle-orm';
import { assessments, meetingAttendees, meetings, orgUnits } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

/** The person's rows on meetings' attendance lists in a time range, newest first, cancelled ones left out. */
export async function findMyAttendance(db: Db, tenantId: string, personId: string, from: Date, to: Date) {
  return db
    .select({
      id: meetings.id,
      type: meetings.type,
      topic: meetings.topic,
      startsAt: meetings.startsAt,
      place: meetings.place,
      status: meetings.status,
      orgUnitName: orgUnits.name,
      state: meetingAttendees.state,
      reason: meetingAttendees.reason,
      leaveApproved: meetingAttendees.leaveApproved,
      exempt: meetingAttendees.exempt,
      noticeReadAt: meetingAttendees.noticeReadAt,
    })
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
        ne(meetings.status, 'cancelled'),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(1000);
}

/** The person's quarterly assessments (定期考核), newest period first. */
export async function findMyAssessments(db: Db, tenantId: string, personId: string) {
  return db
    .select({ period: assessments.period, grade: assessments.grade, remarks: assessments.remarks })
    .from(assessments)
    .where(and(eq(assessments.tenantId, tenantId), eq(assessments.personId, personId)))
    .orderBy(desc(assessments.period));
}
