import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  commitmentPromises,
  commitments,
  dutyReports,
  files,
  goals,
  meetings,
  orgUnits,
  people,
} from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export async function findDutyReports(
  db: Db,
  tenantId: string,
  filter: { year: number; personIds?: string[] | undefined; id?: string },
) {
  if (filter.personIds?.length === 0) return [];
  return db
    .select({
      report: dutyReports,
      personName: people.name,
      personOrgUnitId: people.orgUnitId,
      fileName: files.name,
      fileMime: files.mime,
      fileSize: files.size,
      meetingType: meetings.type,
      meetingTopic: meetings.topic,
    })
    .from(dutyReports)
    .innerJoin(people, and(eq(people.tenantId, dutyReports.tenantId), eq(people.id, dutyReports.personId)))
    .leftJoin(files, and(eq(files.tenantId, dutyReports.tenantId), eq(files.id, dutyReports.fileId)))
    .leftJoin(meetings, and(eq(meetings.tenantId, dutyReports.tenantId), eq(meetings.id, dutyReports.meetingId)))
    .where(
      and(
        eq(dutyReports.tenantId, tenantId),
        filter.id ? eq(dutyReports.id, filter.id) : eq(dutyReports.year, filter.year),
        filter.personIds ? inArray(dutyReports.personId, filter.personIds) : undefined,
      ),
    )
    .orderBy(sql`${people.name} collate "C"`);
}
export type JoinedDutyReport = Awaited<ReturnType<typeof findDutyReports>>[number];

export async function findDutyReportById(db: Db, tenantId: string, id: string) {
  const [row] = await findDutyReports(db, tenantId, { year: 0, id });
  return row;
}

export async function upsertDutyReport(db: Db, values: typeof dutyReports.$inferInsert) {
  const [row] = await db
    .insert(dutyReports)
    .values(values)
    .onConflictDoUpdate({
      target: [dutyReports.tenantId, dutyReports.personId, dutyReports.year],
      set: { content: values.content, fileId: values.fileId ?? null, submittedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function setDutyReportMeeting(db: Db, tenantId: string, id: string, meetingId: string | null) {
  await db
    .update(dutyReports)
    .set({ meetingId })
    .where(and(eq(dutyReports.tenantId, tenantId), eq(dutyReports.id, id)));
}

/** The people of these organisations (or the court), for the scope of a list. */
export async function findPeopleIdsOfUnits(db: Db, tenantId: string, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.orgUnitId, unitIds)));
  return rows.map((r) => r.id);
}

/** Who the court names to report by default: the 党组's and the branches' secretaries and committee members. */
export async function findReportingUnits(db: Db, tenantId: string) {
  return db
    .select({
      id: orgUnits.id,
      kind: orgUnits.kind,
      secretaryPersonId: orgUnits.secretaryPersonId,
      committee: orgUnits.committee,
    })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['party_group', 'branch'])))
    .orderBy(asc(orgUnits.sortOrder));
}

export async function findPeopleNames(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name, orgUnitId: people.orgUnitId })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
}

/** The person's public commitment of the year: its promises, in order. */
export async function findCommitmentPromises(db: Db, tenantId: string, personId: string, year: number) {
  return db
    .select({ text: commitmentPromises.text })
    .from(commitmentPromises)
    .innerJoin(
      commitments,
      and(eq(commitments.tenantId, commitmentPromises.tenantId), eq(commitments.id, commitmentPromises.commitmentId)),
    )
    .where(and(eq(commitments.tenantId, tenantId), eq(commitments.ownerPersonId, personId), eq(commitments.year, year)))
    .orderBy(asc(commitmentPromises.sortOrder));
}

export async function findGoalsOfPerson(db: Db, tenantId: string, personId: string, year: number) {
  return db
    .select({ title: goals.title, targetValue: goals.targetValue, acceptedValue: goals.acceptedValue })
    .from(goals)
    .where(and(eq(goals.tenantId, tenantId), eq(goals.ownerPersonId, personId), eq(goals.year, year)))
    .orderBy(asc(goals.sortOrder));
}

export async function fileExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), eq(files.id, id)));
  return row !== undefined;
}
