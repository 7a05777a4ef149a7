import { and, eq, sql } from 'drizzle-orm';
import { courtCentres, tenants } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export async function findCentre(db: Db, tenantId: string, year: number) {
  const [row] = await db
    .select()
    .from(courtCentres)
    .where(and(eq(courtCentres.tenantId, tenantId), eq(courtCentres.year, year)));
  return row;
}

export async function upsertCentre(
  db: Db,
  values: { tenantId: string; year: number; objective: string; workingLine: string },
) {
  await db
    .insert(courtCentres)
    .values(values)
    .onConflictDoUpdate({
      target: [courtCentres.tenantId, courtCentres.year],
      set: { objective: values.objective, workingLine: values.workingLine, updatedAt: new Date() },
    });
}

/** The key this feature keeps in `tenants.settings`; absent means off. */
const POINTS_KEY = 'pointsRankingEnabled';

export async function readPointsRankingEnabled(db: Db, tenantId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: sql<boolean | null>`(${tenants.settings} ->> ${POINTS_KEY})::boolean` })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row?.enabled === true;
}

export async function writePointsRankingEnabled(db: Db, tenantId: string, enabled: boolean): Promise<void> {
  await db
    .update(tenants)
    .set({ settings: sql`${tenants.settings} || jsonb_build_object(${POINTS_KEY}::text, ${enabled}::boolean)` })
    .where(eq(tenants.id, tenantId));
}
