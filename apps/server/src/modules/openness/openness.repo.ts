import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import { disclosures, files, tenants } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type DisclosureRow = typeof disclosures.$inferSelect;

export function disclosureConditions(
  tenantId: string,
  q: {
    scope?: DisclosureRow['scope'] | undefined;
    category?: DisclosureRow['category'] | undefined;
    status?: DisclosureRow['status'] | undefined;
  },
): SQL | undefined {
  return and(
    eq(disclosures.tenantId, tenantId),
    q.scope ? eq(disclosures.scope, q.scope) : undefined,
    q.category ? eq(disclosures.category, q.category) : undefined,
    q.status ? eq(disclosures.status, q.status) : undefined,
  );
}

export async function findDisclosures(db: Db, where: SQL | undefined): Promise<DisclosureRow[]> {
  return db
    .select()
    .from(disclosures)
    .where(where)
    .orderBy(desc(disclosures.publishFrom), desc(disclosures.createdAt))
    .limit(1000);
}

/** Published and inside the publication period on `today` (the end day included). */
export async function findOnShow(db: Db, tenantId: string, today: string): Promise<DisclosureRow[]> {
  return db
    .select()
    .from(disclosures)
    .where(
      and(
        eq(disclosures.tenantId, tenantId),
        eq(disclosures.status, 'published'),
        lte(disclosures.publishFrom, today),
        or(isNull(disclosures.publishUntil), gte(disclosures.publishUntil, today)),
      ),
    )
    .orderBy(desc(disclosures.publishFrom), desc(disclosures.approvedAt));
}

export async function findDisclosure(db: Db, tenantId: string, id: string): Promise<DisclosureRow | undefined> {
  const [row] = await db
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.tenantId, tenantId), eq(disclosures.id, id)));
  return row;
}

export async function insertDisclosures(db: Db, rows: (typeof disclosures.$inferInsert)[]): Promise<DisclosureRow[]> {
  return db.insert(disclosures).values(rows).returning();
}

export async function updateDisclosure(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof disclosures.$inferInsert>,
) {
  await db
    .update(disclosures)
    .set(values)
    .where(and(eq(disclosures.tenantId, tenantId), eq(disclosures.id, id)));
}

/** The item (not withdrawn) already showing a source, if any. */
export async function findLiveItemOfSource(
  db: Db,
  tenantId: string,
  c: {
    sourceMeetingId: string | null;
    sourceMatterId: string | null;
    sourceRoundId: string | null;
    sourceYear: number | null;
  },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: disclosures.id })
    .from(disclosures)
    .where(
      and(
        eq(disclosures.tenantId, tenantId),
        ne(disclosures.status, 'withdrawn'),
        c.sourceMeetingId
          ? eq(disclosures.sourceMeetingId, c.sourceMeetingId)
          : c.sourceMatterId
            ? eq(disclosures.sourceMatterId, c.sourceMatterId)
            : c.sourceRoundId
              ? eq(disclosures.sourceRoundId, c.sourceRoundId)
              : eq(disclosures.sourceYear, c.sourceYear ?? -1),
      ),
    )
    .limit(1);
  return row;
}

/** Which items (not withdrawn) show which sources, as `kind:ref` → item ids. */
export async function findSourcedItems(db: Db, tenantId: string): Promise<DisclosureRow[]> {
  return db
    .select()
    .from(disclosures)
    .where(
      and(eq(disclosures.tenantId, tenantId), ne(disclosures.status, 'withdrawn'), isNotNull(disclosures.sourceKind)),
    );
}

export async function countFiles(db: Db, tenantId: string, ids: string[]): Promise<number> {
  let n = 0;
  for (const id of ids) {
    const [row] = await db
      .select({ id: files.id })
      .from(files)
      .where(and(eq(files.tenantId, tenantId), eq(files.id, id)));
    if (row) n++;
  }
  return n;
}

/** Name, size and id of the court's files among `ids` (a public item's attachments). */
export async function findFileNames(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, name: files.name, size: files.size, mime: files.mime, storageKey: files.storageKey })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), inArray(files.id, [...ids])));
}

export async function findTenantByCode(db: Db, code: string) {
  const [row] = await db
    .select({ id: tenants.id, code: tenants.code, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.code, code));
  return row;
}

/** The only court on the server, or undefined when there are several (or none). */
export async function findOnlyTenant(db: Db) {
  const rows = await db.select({ id: tenants.id, code: tenants.code, name: tenants.name }).from(tenants).limit(2);
  return rows.length === 1 ? rows[0] : undefined;
}
