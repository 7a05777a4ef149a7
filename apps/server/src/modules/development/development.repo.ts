import { and, asc, eq, isNull, inArray, sql } from 'drizzle-orm';
import {
  developmentAssessments,
  developmentExtensions,
  developmentSteps,
  files,
  orgUnits,
  people,
} from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type StepRow = typeof developmentSteps.$inferSelect;
export type AssessmentRow = typeof developmentAssessments.$inferSelect;
export type ExtensionRow = typeof developmentExtensions.$inferSelect;

export async function findOrgUnits(db: Db, tenantId: string) {
  return db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId));
}

const personColumns = {
  id: people.id,
  name: people.name,
  status: people.status,
  birthDate: people.birthDate,
  joinedOn: people.joinedOn,
  orgUnitId: people.orgUnitId,
};
export interface DevelopmentPerson {
  id: string;
  name: string;
  status: (typeof people.$inferSelect)['status'];
  birthDate: string | null;
  joinedOn: string | null;
  orgUnitId: string | null;
}

export async function findPerson(db: Db, tenantId: string, id: string): Promise<DevelopmentPerson | undefined> {
  const [row] = await db
    .select(personColumns)
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
  return row;
}

export async function findPeopleByIds(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select(personColumns)
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...ids])));
}

/**
 * Everyone of the organisations on the way in (applicant to probationary) and anyone with a recorded
 * step not yet at the end (a member just converted stays until the file is archived).
 */
export async function findPipelinePeople(db: Db, tenantId: string, orgUnitIds: string[]): Promise<DevelopmentPerson[]> {
  if (orgUnitIds.length === 0) return [];
  return db
    .select(personColumns)
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        inArray(people.orgUnitId, orgUnitIds),
        isNull(people.leftOn),
        sql`(${people.status} in ('applicant', 'activist', 'candidate', 'probationary') or exists (
          select 1 from ${developmentSteps} s where s.tenant_id = ${people.tenantId} and s.person_id = ${people.id}
        ) and not exists (
          select 1 from ${developmentSteps} s where s.tenant_id = ${people.tenantId} and s.person_id = ${people.id} and s.step = 25
        ))`,
      ),
    )
    .orderBy(sql`${people.name} collate "C"`, people.id);
}

export async function findSteps(db: Db, tenantId: string, personIds: readonly string[]): Promise<StepRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(developmentSteps)
    .where(and(eq(developmentSteps.tenantId, tenantId), inArray(developmentSteps.personId, [...personIds])))
    .orderBy(asc(developmentSteps.step));
}

export async function findAssessments(
  db: Db,
  tenantId: string,
  personIds: readonly string[],
): Promise<AssessmentRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(developmentAssessments)
    .where(and(eq(developmentAssessments.tenantId, tenantId), inArray(developmentAssessments.personId, [...personIds])))
    .orderBy(asc(developmentAssessments.doneOn));
}

export async function findExtensions(db: Db, tenantId: string, personIds: readonly string[]): Promise<ExtensionRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(developmentExtensions)
    .where(and(eq(developmentExtensions.tenantId, tenantId), inArray(developmentExtensions.personId, [...personIds])));
}

export async function findFiles(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), inArray(files.id, [...ids])));
}

export async function insertStep(db: Db, values: typeof developmentSteps.$inferInsert): Promise<StepRow> {
  const [row] = await db.insert(developmentSteps).values(values).returning();
  return row!;
}

export async function deleteStep(db: Db, tenantId: string, personId: string, step: number): Promise<void> {
  await db
    .delete(developmentSteps)
    .where(
      and(
        eq(developmentSteps.tenantId, tenantId),
        eq(developmentSteps.personId, personId),
        eq(developmentSteps.step, step),
      ),
    );
}

export async function insertAssessment(db: Db, values: typeof developmentAssessments.$inferInsert) {
  const [row] = await db.insert(developmentAssessments).values(values).returning();
  return row!;
}

export async function insertExtension(db: Db, values: typeof developmentExtensions.$inferInsert) {
  await db.insert(developmentExtensions).values(values);
}

/** The roster follows the path: status, and the dates of admission and conversion. */
export async function updatePersonMembership(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<Pick<typeof people.$inferInsert, 'status' | 'joinedOn' | 'confirmedOn'>>,
): Promise<void> {
  await db
    .update(people)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
}

/** The people whose recorded steps hold the file (a step's documents). */
export async function findPeopleHoldingFile(db: Db, tenantId: string, fileId: string) {
  return db
    .selectDistinct({ personId: developmentSteps.personId })
    .from(developmentSteps)
    .where(
      and(
        eq(developmentSteps.tenantId, tenantId),
        sql`${developmentSteps.fileIds} @> ${JSON.stringify([fileId])}::jsonb`,
      ),
    );
}
