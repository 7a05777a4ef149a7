import { and, eq, inArray } from 'drizzle-orm';
import {
  COURT_TYPES,
  rollUpGoals,
  roundProgress,
  summariseByDimension,
  todayInShanghai,
  type CourtType,
  type DimensionSummary,
} from '@qizhi/domain';
import { goals, tenants } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export interface CourtDimensions {
  tenantId: string;
  courtName: string;
  dimensions: DimensionSummary[];
}

export interface DimensionsAcrossCourts {
  year: number;
  courts: CourtDimensions[];
  /** Per dimension: the plain mean of the courts that have goals in it, and how many do. */
  dimensions: { dimension: CourtType; progress: number | null; courtsWithGoals: number }[];
}

/**
 * The leader's six-type view over many courts (a province): each court's tree rolled up on its own,
 * then averaged per dimension. Reads only the columns the roll-up needs, court by court through
 * the (tenant_id, year) index, so one court's size never makes another's read slower.
 */
export async function summariseDimensionsAcrossCourts(
  db: Db,
  year: number,
  tenantIds?: readonly string[],
): Promise<DimensionsAcrossCourts> {
  const today = todayInShanghai();
  const courtRows = await db
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(tenantIds ? inArray(tenants.id, [...tenantIds]) : undefined);
  const courts: CourtDimensions[] = [];
  for (const court of courtRows) {
    const rows = await db
      .select({
        id: goals.id,
        parentId: goals.parentId,
        dimension: goals.dimension,
        weight: goals.weight,
        indicatorKind: goals.indicatorKind,
        targetValue: goals.targetValue,
        acceptedValue: goals.acceptedValue,
        deadline: goals.deadline,
      })
      .from(goals)
      .where(and(eq(goals.tenantId, court.id), eq(goals.year, year)));
    if (rows.length === 0) continue;
    courts.push({ tenantId: court.id, courtName: court.name, dimensions: summariseByDimension(rows, rollUpGoals(rows, today)) });
  }
  const dimensions = COURT_TYPES.map((dimension) => {
    const values = courts
      .map((c) => c.dimensions.find((d) => d.dimension === dimension)?.progress ?? null)
      .filter((p): p is number => p !== null);
    return {
      dimension,
      progress: values.length > 0 ? roundProgress(values.reduce((a, b) => a + b, 0) / values.length) : null,
      courtsWithGoals: values.length,
    };
  });
  return { year, courts, dimensions };
}
