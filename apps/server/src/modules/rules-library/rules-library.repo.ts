import { and, asc, desc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { files, orgUnits, people, ruleReads, rules, ruleVersions } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type RuleRow = typeof rules.$inferSelect;

export async function findRules(db: Db, tenantId: string): Promise<RuleRow[]> {
  return db
    .select()
    .from(rules)
    .where(eq(rules.tenantId, tenantId))
    .orderBy(asc(rules.sortOrder), asc(rules.createdAt));
}

export async function findRule(db: Db, tenantId: string, id: string): Promise<RuleRow | undefined> {
  const [row] = await db
    .select()
    .from(rules)
    .where(and(eq(rules.tenantId, tenantId), eq(rules.id, id)));
  return row;
}

export async function findVersions(db: Db, tenantId: string, ruleId: string) {
  return db
    .select()
    .from(ruleVersions)
    .where(and(eq(ruleVersions.tenantId, tenantId), eq(ruleVersions.ruleId, ruleId)))
    .orderBy(desc(ruleVersions.version));
}

export async function findFile(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), eq(files.id, id)));
  return row;
}

/** Versions a person has confirmed, by rule. */
export async function findReadsOfPerson(db: Db, tenantId: string, personId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ ruleId: ruleReads.ruleId, version: ruleReads.version })
    .from(ruleReads)
    .where(and(eq(ruleReads.tenantId, tenantId), eq(ruleReads.personId, personId)));
  return new Map(rows.map((r) => [r.ruleId, r.version]));
}

/** Party members (full and probationary) the reading applies to, in the listed organisations (`undefined`: all). */
export function readerConditions(tenantId: string, orgUnitIds: string[] | undefined): SQL | undefined {
  return and(
    eq(people.tenantId, tenantId),
    inArray(people.status, ['full', 'probationary']),
    isNull(people.leftOn),
    orgUnitIds === undefined ? undefined : orgUnitIds.length > 0 ? inArray(people.orgUnitId, orgUnitIds) : sql`false`,
  );
}

export async function countReaders(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(where);
  return row?.n ?? 0;
}

/** Per rule, how many of the readers confirmed its current version. */
export async function countCurrentReads(
  db: Db,
  tenantId: string,
  where: SQL | undefined,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ ruleId: ruleReads.ruleId, n: sql<number>`count(*)::int` })
    .from(ruleReads)
    .innerJoin(rules, and(eq(rules.tenantId, ruleReads.tenantId), eq(rules.id, ruleReads.ruleId)))
    .innerJoin(people, and(eq(people.tenantId, ruleReads.tenantId), eq(people.id, ruleReads.personId)))
    .where(and(eq(ruleReads.tenantId, tenantId), gte(ruleReads.version, rules.version), where))
    .groupBy(ruleReads.ruleId);
  return new Map(rows.map((r) => [r.ruleId, r.n]));
}

export async function findReadersOfRule(db: Db, tenantId: string, ruleId: string, where: SQL | undefined) {
  return db
    .select({
      personId: people.id,
      name: people.name,
      orgUnitName: orgUnits.name,
      version: ruleReads.version,
      readAt: ruleReads.readAt,
    })
    .from(people)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, people.tenantId), eq(orgUnits.id, people.orgUnitId)))
    .leftJoin(
      ruleReads,
      and(eq(ruleReads.tenantId, people.tenantId), eq(ruleReads.personId, people.id), eq(ruleReads.ruleId, ruleId)),
    )
    .where(and(eq(people.tenantId, tenantId), where))
    .orderBy(asc(orgUnits.sortOrder), asc(people.name));
}

export async function insertRule(db: Db, values: typeof rules.$inferInsert): Promise<RuleRow> {
  const [row] = await db.insert(rules).values(values).returning();
  return row!;
}

export async function updateRule(db: Db, tenantId: string, id: string, values: Partial<typeof rules.$inferInsert>) {
  const [row] = await db
    .update(rules)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(rules.tenantId, tenantId), eq(rules.id, id)))
    .returning();
  return row!;
}

export async function insertVersion(db: Db, rule: RuleRow, changeNote: string, createdByName: string | null) {
  await db.insert(ruleVersions).values({
    tenantId: rule.tenantId,
    ruleId: rule.id,
    version: rule.version,
    title: rule.title,
    category: rule.category,
    body: rule.body,
    fileId: rule.fileId,
    adoptedBy: rule.adoptedBy,
    adoptedOn: rule.adoptedOn,
    effectiveOn: rule.effectiveOn,
    status: rule.status,
    changeNote,
    createdByName,
  });
}

export async function upsertRead(db: Db, tenantId: string, ruleId: string, personId: string, version: number) {
  await db
    .insert(ruleReads)
    .values({ tenantId, ruleId, personId, version })
    .onConflictDoUpdate({
      target: [ruleReads.tenantId, ruleReads.ruleId, ruleReads.personId],
      set: { version, readAt: new Date() },
    });
}
