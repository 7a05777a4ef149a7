import { and, asc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { assessments, honours, meetingAttendees, meetings, orgUnits, people } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';
import type { Scope } from '../../platform/policy.ts';

export type AssessmentRecord = typeof assessments.$inferSelect;

/** Party members (full and probationary) within a scope, with their 党小组. */
export async function findMembersInScope(db: Db, tenantId: string, scope: Scope) {
  if (!scope.all && scope.orgUnitIds.length === 0) return [];
  return db
    .select({
      personId: people.id,
      name: people.name,
      orgUnitId: people.orgUnitId,
      orgUnitName: orgUnits.name,
      retired: people.retired,
    })
    .from(people)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, people.tenantId), eq(orgUnits.id, people.orgUnitId)))
    .where(
      and(
        eq(people.tenantId, tenantId),
        inArray(people.status, ['full', 'probationary']),
        scope.all ? undefined : inArray(people.orgUnitId, scope.orgUnitIds),
      ),
    )
    .orderBy(asc(orgUnits.sortOrder), asc(people.name));
}
export type MemberInScope = Awaited<ReturnType<typeof findMembersInScope>>[number];

export async function findAssessmentsOfPeriod(db: Db, tenantId: string, period: string): Promise<AssessmentRecord[]> {
  return db
    .select()
    .from(assessments)
    .where(and(eq(assessments.tenantId, tenantId), eq(assessments.period, period)));
}

export async function upsertAssessment(db: Db, values: typeof assessments.$inferInsert): Promise<AssessmentRecord> {
  const [row] = await db
    .insert(assessments)
    .values(values)
    .onConflictDoUpdate({
      target: [assessments.tenantId, assessments.period, assessments.personId],
      set: {
        grade: values.grade,
        remarks: values.remarks,
        completion: values.completion,
        assessedByUserId: values.assessedByUserId,
        assessedByName: values.assessedByName,
        assessedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

/**
 * Meeting attendance per person in a year (Shanghai calendar), from the meetings module's records:
 * present over recorded (present, on leave, absent), exempt rows and cancelled meetings left out.
 */
export async function findAttendanceOfYear(db: Db, tenantId: string, year: number) {
  const from = new Date(`${String(year)}-01-01T00:00:00+08:00`);
  const to = new Date(`${String(year + 1)}-01-01T00:00:00+08:00`);
  return db
    .select({
      personId: meetingAttendees.personId,
      present: sql<number>`count(*) filter (where ${meetingAttendees.state} = 'present')::int`,
      recorded: sql<number>`count(*) filter (where ${meetingAttendees.state} in ('present', 'leave', 'absent'))::int`,
    })
    .from(meetingAttendees)
    .innerJoin(
      meetings,
      and(eq(meetings.tenantId, meetingAttendees.tenantId), eq(meetings.id, meetingAttendees.meetingId)),
    )
    .where(
      and(
        eq(meetingAttendees.tenantId, tenantId),
        eq(meetingAttendees.exempt, false),
        ne(meetings.status, 'cancelled'),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
      ),
    )
    .groupBy(meetingAttendees.personId);
}

export async function findIndividualHonoursOfYear(db: Db, tenantId: string, year: number) {
  const where: SQL | undefined = and(
    eq(honours.tenantId, tenantId),
    eq(honours.kind, 'individual'),
    gte(honours.awardedOn, `${String(year)}-01-01`),
    lt(honours.awardedOn, `${String(year + 1)}-01-01`),
  );
  return db.select({ personId: honours.personId, level: honours.level }).from(honours).where(where);
}
