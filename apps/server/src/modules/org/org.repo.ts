import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { departments, orgUnits, people } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;

export async function findOrgUnitsOfTenant(db: Db, tenantId: string): Promise<OrgUnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
}

export async function findOrgUnit(db: Db, tenantId: string, id: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));
  return row;
}

export async function findDepartmentsOfTenant(db: Db, tenantId: string): Promise<DepartmentRow[]> {
  return db
    .select()
    .from(departments)
    .where(eq(departments.tenantId, tenantId))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
}

export async function findDepartment(db: Db, tenantId: string, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.tenantId, tenantId), eq(departments.id, id)));
  return row;
}

/** Party members (full and probationary) on the roster, attached directly to each organisation unit. */
export async function countMembersByOrgUnit(db: Db, tenantId: string) {
  return db
    .select({
      orgUnitId: people.orgUnitId,
      members: sql<number>`count(*) filter (where ${people.status} in ('full', 'probationary'))::int`,
      fullMembers: sql<number>`count(*) filter (where ${people.status} = 'full')::int`,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), isNull(people.leftOn)))
    .groupBy(people.orgUnitId);
}

export async function countPeopleByDepartment(db: Db, tenantId: string) {
  return db
    .select({
      departmentId: people.departmentId,
      staff: sql<number>`count(*)::int`,
      members: sql<number>`count(*) filter (where ${people.status} in ('full', 'probationary'))::int`,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), isNull(people.leftOn)))
    .groupBy(people.departmentId);
}

export async function findPeopleNames(db: Db, tenantId: string) {
  return db.select({ id: people.id, name: people.name }).from(people).where(eq(people.tenantId, tenantId));
}

export async function insertOrgUnit(db: Db, values: typeof orgUnits.$inferInsert): Promise<OrgUnitRow> {
  const [row] = await db.insert(orgUnits).values(values).returning();
  return row!;
}

export async function updateOrgUnit(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof orgUnits.$inferInsert>,
) {
  const [row] = await db
    .update(orgUnits)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)))
    .returning();
  return row;
}

export async function deleteOrgUnit(db: Db, tenantId: string, id: string) {
  await db.delete(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));
}

export async function countChildrenAndPeople(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({
      children: sql<number>`(select count(*) from ${orgUnits} c where c.tenant_id = ${tenantId} and c.parent_id = ${id})::int`,
      people: sql<number>`(select count(*) from ${people} p where p.tenant_id = ${tenantId} and p.org_unit_id = ${id})::int`,
    })
    .from(sql`(select 1) as one`);
  return row ?? { children: 0, people: 0 };
}

export async function insertDepartment(db: Db, values: typeof departments.$inferInsert): Promise<DepartmentRow> {
  const [row] = await db.insert(departments).values(values).returning();
  return row!;
}

export async function updateDepartment(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof departments.$inferInsert>,
) {
  const [row] = await db
    .update(departments)
    .set(values)
    .where(and(eq(departments.tenantId, tenantId), eq(departments.id, id)))
    .returning();
  return row;
}

export async function deleteDepartment(db: Db, tenantId: string, id: string) {
  await db.delete(departments).where(and(eq(departments.tenantId, tenantId), eq(departments.id, id)));
}

export async function countPeopleInDepartment(db: Db, tenantId: string, id: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.departmentId, id)));
  return row?.n ?? 0;
}
