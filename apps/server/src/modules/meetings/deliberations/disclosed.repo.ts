import { and, eq, sql } from 'drizzle-orm';
import { deliberationMatters, orgUnits } from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';

/**
 * 四议两公开 matters that have made a disclosure, with their organisation: the openness portal shows
 * each disclosure from here (its source), not from a copy typed again.
 */
export async function findDisclosedMatters(db: Db, tenantId: string) {
  return db
    .select({
      id: deliberationMatters.id,
      title: deliberationMatters.title,
      orgUnitName: orgUnits.name,
      disclosures: deliberationMatters.disclosures,
    })
    .from(deliberationMatters)
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, deliberationMatters.tenantId), eq(orgUnits.id, deliberationMatters.orgUnitId)),
    )
    .where(
      and(eq(deliberationMatters.tenantId, tenantId), sql`jsonb_array_length(${deliberationMatters.disclosures}) > 0`),
    );
}
export type DisclosedMatter = Awaited<ReturnType<typeof findDisclosedMatters>>[number];
