import { and, asc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { assessments, honours, meetingAttendees, meetings, orgUnits, people } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type AssessmentRecord = typeof assessments.$inferSelect;

function members(db: Db) {
  return db
    .select({
      personId: people.id,
      name: people.name,
      orgUnitId: people.orgUnitId,
      orgUnitName: orgUnits.name,
      retired: people.retired,
    })
    .from(people)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, people.tenantId), eq(orgUnits.id, people.orgUnitId)));
}
const isPartyMember = inArray(people.status, ['full', 'probationary']);

/** Party members (full and probationary) on the roster, of the listed organisations (`undefined`: the whole court), with their 党小组. */
export async function findMembersInUnits(db: Db, tenantId: string, orgUnitIds: string[] | undefined) {
  if (orgUnitIds?.length === 0) return [];
  return members(db)
    .where(
      and(
        eq(people.tenantId, tenantId),
        isPartyMember,
        isNull(people.leftOn),
        orgUnitIds ? inArray(people.orgUnitId, orgUnitIds) : undefined,
      ),
    )
    .orderBy(asc(orgUnits.sortOrder), asc(people.name));
}
export type MemberInScope = Awaited<ReturnType<typeof findMembersInUnits>>[number];

/** One party member of the court, with their 党小组. */
export async function findMember(db: Db, tenantId: string, personId: string): Promise<MemberInScope | undefined> {
  const [row] = await members(db).where(and(eq(people.tenantId, tenantId), isPartyMember, eq(people.id, personId)));
  return row;
}

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
