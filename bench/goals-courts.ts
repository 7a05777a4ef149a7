/**
 * A superior court's view over many courts, measured by the goals bench. It reads every tenant
 * without a session or a permission, so it is no part of the server (issue 8): when the superior-court
 * feature comes it gets its own permission, repository and tests.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  COURT_TYPES,
  rollUpGoals,
  roundProgress,
  summariseByDimension,
  courtToday,
  type CourtType,
  type DimensionSummary,
  type IndicatorKind,
} from '@qizhi/domain';
import { goals, tenants } from '../apps/server/src/db/schema/index.ts';
import type { Db } from '../apps/server/src/platform/db.ts';

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

type PackedNode = [
  id: string,
  parentId: string | null,
  dimension: CourtType,
  weight: number,
  indicatorKind: IndicatorKind,
  targetValue: number,
  acceptedValue: number | null,
  deadline: string | null,
];

/**
 * The leader's six-type view over many courts (a province): each court's tree rolled up on its own,
 * then averaged per dimension. One query returns every court's goals packed as one JSON value per
 * court (PGlite converts each result field one by one, so 45,000 rows would cost seconds), reading
 * only what the roll-up needs.
 */
export async function summariseDimensionsAcrossCourts(
  db: Db,
  year: number,
  tenantIds?: readonly string[],
): Promise<DimensionsAcrossCourts> {
  const today = courtToday();
  const rows = await db
    .select({
      tenantId: goals.tenantId,
      courtName: tenants.name,
      packed: sql<PackedNode[] | string>`json_agg(json_build_array(
        ${goals.id}, ${goals.parentId}, ${goals.dimension}, ${goals.weight}, ${goals.indicatorKind},
        ${goals.targetValue}, ${goals.acceptedValue}, ${goals.deadline}))`,
    })
    .from(goals)
    .innerJoin(tenants, eq(tenants.id, goals.tenantId))
    .where(and(eq(goals.year, year), tenantIds ? inArray(goals.tenantId, [...tenantIds]) : undefined))
    .groupBy(goals.tenantId, tenants.name);
  const courts: CourtDimensions[] = rows.map((court) => {
    const packed = typeof court.packed === 'string' ? (JSON.parse(court.packed) as PackedNode[]) : court.packed;
    const nodes = packed.map((g) => ({
      id: g[0],
      parentId: g[1],
      dimension: g[2],
      weight: g[3],
      indicatorKind: g[4],
      targetValue: g[5],
      acceptedValue: g[6],
      deadline: g[7],
    }));
    return {
      tenantId: court.tenantId,
      courtName: court.courtName,
      dimensions: summariseByDimension(nodes, rollUpGoals(nodes, today)),
    };
  });
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
