/** 四议两公开 matters: their steps and disclosures live on the matter's row. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { deliberationMatters, meetings, orgUnits } from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';
import { withinUnits } from '../meetings.repo.ts';

export type MatterRow = typeof deliberationMatters.$inferSelect;

const orgName = sql<string>`(select o.name from ${orgUnits} o where o.tenant_id = "deliberation_matters"."tenant_id" and o.id = "deliberation_matters"."org_unit_id")`;

export interface MatterFilter {
  /** Organisations whose matters may be listed (`undefined`: the whole court). */
  orgUnitIds: string[] | undefined;
  orgUnitId?: string | undefined;
}

export async function findMatterPage(
  db: Db,
  tenantId: string,
  filter: MatterFilter,
  page: { page: number; pageSize: number },
) {
  const { orgUnitIds, orgUnitId } = filter;
  const rows = await db
    .select({ matter: deliberationMatters, orgUnitName: orgName, total: sql<number>`(count(*) over ())::int` })
    .from(deliberationMatters)
    .where(
      and(
        eq(deliberationMatters.tenantId, tenantId),
        withinUnits(deliberationMatters.orgUnitId, orgUnitIds),
        orgUnitId ? eq(deliberationMatters.orgUnitId, orgUnitId) : undefined,
      ),
    )
    .orderBy(desc(deliberationMatters.createdAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findMatter(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ matter: deliberationMatters, orgUnitName: orgName })
    .from(deliberationMatters)
    .where(and(eq(deliberationMatters.tenantId, tenantId), eq(deliberationMatters.id, id)));
  return row;
}

/** The topics of the meetings at which steps were taken. */
export async function findMeetingTopics(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: meetings.id, topic: meetings.topic })
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), inArray(meetings.id, ids)));
  return new Map(rows.map((r) => [r.id, r.topic]));
}

export async function insertMatter(tx: Db, values: typeof deliberationMatters.$inferInsert): Promise<string> {
  const [row] = await tx.insert(deliberationMatters).values(values).returning({ id: deliberationMatters.id });
  return row!.id;
}

export async function updateMatter(
  tx: Db,
  tenantId: string,
  id: string,
  values: Pick<Partial<MatterRow>, 'steps' | 'disclosures'>,
): Promise<void> {
  await tx
    .update(deliberationMatters)
    .set(values)
    .where(and(eq(deliberationMatters.tenantId, tenantId), eq(deliberationMatters.id, id)));
}
