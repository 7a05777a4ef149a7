/**
 * A province's view: every court's compliance for a year in three queries (the organisations, the
 * overrides and one GROUP BY of held meetings across all tenants), measured by the compliance bench.
 * It reads every tenant without a session or a permission, so it is no part of the server (issue 8):
 * when the superior-court feature comes it gets its own permission, repository and tests.
 */
import { and, asc, gte, inArray, lt } from 'drizzle-orm';
import { computeCompliance, HELD_STATUSES, periodRange, type ComplianceItem } from '@qizhi/domain';
import { meetingFrequencySettings, meetings, orgUnits } from '../apps/server/src/db/schema/index.ts';
import {
  complianceOrgColumns,
  courtMonth,
  heldByMonthColumns,
} from '../apps/server/src/modules/meetings/compliance/compliance.repo.ts';
import type { Db } from '../apps/server/src/platform/db.ts';

function byTenant<T extends { tenantId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.tenantId, [...(map.get(r.tenantId) ?? []), r]);
  return map;
}

export async function computeProvinceCompliance(db: Db, year: number): Promise<Map<string, ComplianceItem[]>> {
  const { from, to } = periodRange(String(year));
  const [orgs, overrides, held] = await Promise.all([
    db
      .select({ tenantId: orgUnits.tenantId, ...complianceOrgColumns })
      .from(orgUnits)
      .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name)),
    db.select().from(meetingFrequencySettings),
    db
      .select({ tenantId: meetings.tenantId, ...heldByMonthColumns })
      .from(meetings)
      .where(and(gte(meetings.startsAt, from), lt(meetings.startsAt, to), inArray(meetings.status, [...HELD_STATUSES])))
      .groupBy(meetings.tenantId, meetings.orgUnitId, meetings.type, courtMonth),
  ]);
  const overridesOf = byTenant(overrides);
  const heldOf = byTenant(held);
  const result = new Map<string, ComplianceItem[]>();
  for (const [tenantId, tenantOrgs] of byTenant(orgs)) {
    const items = computeCompliance({
      year,
      // The bench's courts seat a committee only where a branch may have one, so a seat stands for it
      // (the server also counts full members; the work measured here is the board's).
      orgs: tenantOrgs.map((o) => ({ ...o, hasCommittee: o.committee.length > 0 })),
      overrides: overridesOf.get(tenantId) ?? [],
      held: heldOf.get(tenantId) ?? [],
    });
    result.set(tenantId, items);
  }
  return result;
}
