import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { commitmentPromises, commitments, goals, orgUnits, people, tenants } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type CommitmentRow = typeof commitments.$inferSelect;
export type PromiseRow = typeof commitmentPromises.$inferSelect;

const ownerUnit = alias(orgUnits, 'owner_unit');
const personCell = alias(orgUnits, 'person_cell');

function joined(db: Db) {
  return db
    .select({
      commitment: commitments,
      unitName: ownerUnit.name,
      personName: people.name,
      personOrgUnitId: people.orgUnitId,
      cellName: personCell.name,
    })
    .from(commitments)
    .leftJoin(
      ownerUnit,
      and(eq(ownerUnit.tenantId, commitments.tenantId), eq(ownerUnit.id, commitments.ownerOrgUnitId)),
    )
    .leftJoin(people, and(eq(people.tenantId, commitments.tenantId), eq(people.id, commitments.ownerPersonId)))
    .leftJoin(personCell, and(eq(personCell.tenantId, people.tenantId), eq(personCell.id, people.orgUnitId)));
}
export type JoinedCommitment = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

/** Organisations first, then members by 党小组 and name: how a notice board lists them. */
export async function findCommitments(db: Db, where: SQL | undefined): Promise<JoinedCommitment[]> {
  return joined(db)
    .where(where)
    .orderBy(asc(commitments.ownerKind), asc(personCell.sortOrder), asc(people.name), asc(commitments.id));
}

export function commitmentConditions(
  tenantId: string,
  filter: { year?: number; status?: CommitmentRow['status']; personId?: string; id?: string },
): SQL | undefined {
  return and(
    eq(commitments.tenantId, tenantId),
    filter.year === undefined ? undefined : eq(commitments.year, filter.year),
    filter.status === undefined ? undefined : eq(commitments.status, filter.status),
    filter.personId === undefined ? undefined : eq(commitments.ownerPersonId, filter.personId),
    filter.id === undefined ? undefined : eq(commitments.id, filter.id),
  );
}

export async function findPromisesOf(db: Db, tenantId: string, commitmentIds: string[]) {
  if (commitmentIds.length === 0) return [];
  return db
    .select({ promise: commitmentPromises, goalTitle: goals.title })
    .from(commitmentPromises)
    .leftJoin(goals, and(eq(goals.tenantId, commitmentPromises.tenantId), eq(goals.id, commitmentPromises.goalId)))
    .where(and(eq(commitmentPromises.tenantId, tenantId), inArray(commitmentPromises.commitmentId, commitmentIds)))
    .orderBy(asc(commitmentPromises.commitmentId), asc(commitmentPromises.sortOrder));
}

export async function findExisting(
  db: Db,
  tenantId: string,
  year: number,
  owner: { orgUnitId: string | null; personId: string | null },
) {
  const [row] = await db
    .select({ id: commitments.id })
    .from(commitments)
    .where(
      and(
        eq(commitments.tenantId, tenantId),
        eq(commitments.year, year),
        owner.personId
          ? eq(commitments.ownerPersonId, owner.personId)
          : eq(commitments.ownerOrgUnitId, owner.orgUnitId!),
      ),
    );
  return row;
}

/** The goals a commitment may link to: the owner's own, in the commitment's year. */
export async function findOwnerGoalIds(
  db: Db,
  tenantId: string,
  year: number,
  owner: { orgUnitId: string | null; personId: string | null },
): Promise<Set<string>> {
  const rows = await db
    .select({ id: goals.id })
    .from(goals)
    .where(
      and(
        eq(goals.tenantId, tenantId),
        eq(goals.year, year),
        owner.personId ? eq(goals.ownerPersonId, owner.personId) : eq(goals.ownerOrgUnitId, owner.orgUnitId!),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

export async function insertCommitment(db: Db, values: typeof commitments.$inferInsert): Promise<CommitmentRow> {
  const [row] = await db.insert(commitments).values(values).returning();
  return row!;
}

export async function updateCommitment(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof commitments.$inferInsert>,
): Promise<void> {
  await db
    .update(commitments)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(commitments.tenantId, tenantId), eq(commitments.id, id)));
}

export async function replacePromises(
  db: Db,
  tenantId: string,
  commitmentId: string,
  promises: { text: string; goalId: string | null }[],
): Promise<void> {
  await db
    .delete(commitmentPromises)
    .where(and(eq(commitmentPromises.tenantId, tenantId), eq(commitmentPromises.commitmentId, commitmentId)));
  await db
    .insert(commitmentPromises)
    .values(promises.map((p, i) => ({ tenantId, commitmentId, sortOrder: i, text: p.text, goalId: p.goalId })));
}

export async function updatePromise(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof commitmentPromises.$inferInsert>,
): Promise<void> {
  await db
    .update(commitmentPromises)
    .set(values)
    .where(and(eq(commitmentPromises.tenantId, tenantId), eq(commitmentPromises.id, id)));
}

export async function findPersonForCommitment(db: Db, tenantId: string, personId: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, status: people.status, orgUnitId: people.orgUnitId })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  return row;
}

export async function findOrgUnit(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: orgUnits.id, kind: orgUnits.kind, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));
  return row;
}

export async function findTenantByCode(db: Db, code: string) {
  const [row] = await db
    .select({ id: tenants.id, code: tenants.code, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.code, code));
  return row;
}

/** The only court on the server, or null when there are several (or none). */
export async function findOnlyTenant(db: Db) {
  const [c] = await db.select({ n: count() }).from(tenants);
  if (c?.n !== 1) return null;
  const [row] = await db.select({ id: tenants.id, code: tenants.code, name: tenants.name }).from(tenants);
  return row ?? null;
}
