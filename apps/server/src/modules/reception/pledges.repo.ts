import { and, asc, eq } from 'drizzle-orm';
import { servicePledges } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type PledgeRow = typeof servicePledges.$inferSelect;

export async function findPledges(db: Db, tenantId: string, publishedOnly: boolean): Promise<PledgeRow[]> {
  return db
    .select()
    .from(servicePledges)
    .where(and(eq(servicePledges.tenantId, tenantId), publishedOnly ? eq(servicePledges.published, true) : undefined))
    .orderBy(asc(servicePledges.sortOrder), asc(servicePledges.title));
}

export async function findPledge(db: Db, tenantId: string, id: string): Promise<PledgeRow | undefined> {
  const [row] = await db
    .select()
    .from(servicePledges)
    .where(and(eq(servicePledges.tenantId, tenantId), eq(servicePledges.id, id)));
  return row;
}

export async function insertPledges(db: Db, rows: (typeof servicePledges.$inferInsert)[]): Promise<PledgeRow[]> {
  return db.insert(servicePledges).values(rows).returning();
}

export async function updatePledge(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof servicePledges.$inferInsert>,
) {
  await db
    .update(servicePledges)
    .set(values)
    .where(and(eq(servicePledges.tenantId, tenantId), eq(servicePledges.id, id)));
}

export async function deletePledge(db: Db, tenantId: string, id: string) {
  await db.delete(servicePledges).where(and(eq(servicePledges.tenantId, tenantId), eq(servicePledges.id, id)));
}
