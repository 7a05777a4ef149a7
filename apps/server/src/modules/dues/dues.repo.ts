import { and, asc, eq, isNull, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DuesRounding } from '@qizhi/domain';
import { duesBases, duesPayments, duesReductions, orgUnits, people, tenants } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type DuesBaseRow = typeof duesBases.$inferSelect;
export type DuesPaymentRow = typeof duesPayments.$inferSelect;
export type DuesReductionRow = typeof duesReductions.$inferSelect;

export async function findOrgUnits(db: Db, tenantId: string) {
  return db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId));
}

const personColumns = {
  id: people.id,
  name: people.name,
  status: people.status,
  joinedOn: people.joinedOn,
  retired: people.retired,
  orgUnitId: people.orgUnitId,
};
export interface DuesPerson {
  id: string;
  name: string;
  status: string;
  joinedOn: string | null;
  retired: boolean;
  orgUnitId: string | null;
}

export async function findPerson(db: Db, tenantId: string, id: string): Promise<DuesPerson | undefined> {
  const [row] = await db
    .select(personColumns)
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
  return row;
}

/** Members and probationary members of the organisations, by name (the sheet's order). */
export async function findDuesPayers(db: Db, tenantId: string, orgUnitIds: string[]): Promise<DuesPerson[]> {
  if (orgUnitIds.length === 0) return [];
  return db
    .select(personColumns)
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        inArray(people.orgUnitId, orgUnitIds),
        isNull(people.leftOn),
        inArray(people.status, ['probationary', 'full']),
      ),
    )
    .orderBy(sql`${people.name} collate "C"`, people.id);
}

export async function findBases(db: Db, tenantId: string, personIds: string[]): Promise<DuesBaseRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(duesBases)
    .where(and(eq(duesBases.tenantId, tenantId), inArray(duesBases.personId, personIds)))
    .orderBy(asc(duesBases.fromMonth));
}

export async function findReductions(db: Db, tenantId: string, personIds: string[]): Promise<DuesReductionRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(duesReductions)
    .where(and(eq(duesReductions.tenantId, tenantId), inArray(duesReductions.personId, personIds)))
    .orderBy(asc(duesReductions.fromMonth));
}

export async function findPayments(
  db: Db,
  tenantId: string,
  personIds: string[],
  range: { from?: string; to?: string } = {},
): Promise<DuesPaymentRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(duesPayments)
    .where(
      and(
        eq(duesPayments.tenantId, tenantId),
        inArray(duesPayments.personId, personIds),
        range.from ? gte(duesPayments.month, range.from) : undefined,
        range.to ? lte(duesPayments.month, range.to) : undefined,
      ),
    )
    .orderBy(asc(duesPayments.month));
}

export async function findPayment(db: Db, tenantId: string, id: string): Promise<DuesPaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(duesPayments)
    .where(and(eq(duesPayments.tenantId, tenantId), eq(duesPayments.id, id)));
  return row;
}

export async function insertPayments(db: Db, rows: (typeof duesPayments.$inferInsert)[]): Promise<DuesPaymentRow[]> {
  return db.insert(duesPayments).values(rows).returning();
}

export async function deletePayment(db: Db, tenantId: string, id: string): Promise<void> {
  await db.delete(duesPayments).where(and(eq(duesPayments.tenantId, tenantId), eq(duesPayments.id, id)));
}

/** A base from a month: a second entry for the same month replaces the first (a correction). */
export async function upsertBase(db: Db, values: typeof duesBases.$inferInsert): Promise<DuesBaseRow> {
  const [row] = await db
    .insert(duesBases)
    .values(values)
    .onConflictDoUpdate({
      target: [duesBases.tenantId, duesBases.personId, duesBases.fromMonth],
      set: {
        category: values.category,
        baseFen: values.baseFen,
        recordedByName: values.recordedByName,
        createdAt: new Date(),
      },
    })
    .returning();
  return row!;
}

export async function insertReduction(db: Db, values: typeof duesReductions.$inferInsert): Promise<DuesReductionRow> {
  const [row] = await db.insert(duesReductions).values(values).returning();
  return row!;
}

const ROUNDING_KEY = 'duesRounding';

export async function readRounding(db: Db, tenantId: string): Promise<DuesRounding | null> {
  const [row] = await db
    .select({ rounding: sql<DuesRounding | null>`${tenants.settings} ->> ${ROUNDING_KEY}` })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row?.rounding ?? null;
}

export async function writeRounding(db: Db, tenantId: string, rounding: DuesRounding): Promise<void> {
  await db
    .update(tenants)
    .set({ settings: sql`${tenants.settings} || jsonb_build_object(${ROUNDING_KEY}::text, ${rounding}::text)` })
    .where(eq(tenants.id, tenantId));
}
