import { and, asc, desc, eq } from 'drizzle-orm';
import { educationIncentives, people } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type IncentiveRow = typeof educationIncentives.$inferSelect;

export async function findIncentives(db: Db, tenantId: string, q: { year?: number | undefined; id?: string }) {
  return db
    .select({ incentive: educationIncentives, name: people.name, orgUnitId: people.orgUnitId })
    .from(educationIncentives)
    .innerJoin(
      people,
      and(eq(people.tenantId, educationIncentives.tenantId), eq(people.id, educationIncentives.personId)),
    )
    .where(
      and(
        eq(educationIncentives.tenantId, tenantId),
        q.year ? eq(educationIncentives.year, q.year) : undefined,
        q.id ? eq(educationIncentives.id, q.id) : undefined,
      ),
    )
    .orderBy(desc(educationIncentives.year), asc(people.name));
}

export async function insertIncentive(db: Db, values: typeof educationIncentives.$inferInsert): Promise<IncentiveRow> {
  const [row] = await db.insert(educationIncentives).values(values).returning();
  return row!;
}

export async function updateIncentive(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof educationIncentives.$inferInsert>,
) {
  await db
    .update(educationIncentives)
    .set(values)
    .where(and(eq(educationIncentives.tenantId, tenantId), eq(educationIncentives.id, id)));
}
