import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { files, honours, people, sanctions } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type HonourRow = typeof honours.$inferSelect;
export type SanctionRow = typeof sanctions.$inferSelect;

export function honourConditions(
  tenantId: string,
  q: { kind?: HonourRow['kind']; level?: HonourRow['level']; year?: number; personId?: string; id?: string },
): SQL | undefined {
  return and(
    eq(honours.tenantId, tenantId),
    q.id ? eq(honours.id, q.id) : undefined,
    q.kind ? eq(honours.kind, q.kind) : undefined,
    q.level ? eq(honours.level, q.level) : undefined,
    q.personId ? eq(honours.personId, q.personId) : undefined,
    q.year ? gte(honours.awardedOn, `${String(q.year)}-01-01`) : undefined,
    q.year ? lt(honours.awardedOn, `${String(q.year + 1)}-01-01`) : undefined,
  );
}

export async function findHonours(db: Db, where: SQL | undefined) {
  return db
    .select({
      honour: honours,
      personName: people.name,
      fileName: files.name,
      fileMime: files.mime,
      fileSize: files.size,
    })
    .from(honours)
    .leftJoin(people, and(eq(people.tenantId, honours.tenantId), eq(people.id, honours.personId)))
    .leftJoin(files, and(eq(files.tenantId, honours.tenantId), eq(files.id, honours.certificateFileId)))
    .where(where)
    .orderBy(desc(honours.awardedOn), desc(honours.createdAt));
}
export type JoinedHonour = Awaited<ReturnType<typeof findHonours>>[number];

export async function findHonour(db: Db, tenantId: string, id: string): Promise<HonourRow | undefined> {
  const [row] = await db
    .select()
    .from(honours)
    .where(and(eq(honours.tenantId, tenantId), eq(honours.id, id)));
  return row;
}

export async function insertHonour(db: Db, values: typeof honours.$inferInsert): Promise<HonourRow> {
  const [row] = await db.insert(honours).values(values).returning();
  return row!;
}

export async function updateHonour(db: Db, tenantId: string, id: string, values: Partial<typeof honours.$inferInsert>) {
  await db
    .update(honours)
    .set(values)
    .where(and(eq(honours.tenantId, tenantId), eq(honours.id, id)));
}

export async function deleteHonour(db: Db, tenantId: string, id: string) {
  await db.delete(honours).where(and(eq(honours.tenantId, tenantId), eq(honours.id, id)));
}

export async function findPerson(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, orgUnitId: people.orgUnitId })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
  return row;
}

export async function fileExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), eq(files.id, id)));
  return row !== undefined;
}

export async function findSanctions(db: Db, where: SQL | undefined) {
  return db
    .select({ sanction: sanctions, personName: people.name })
    .from(sanctions)
    .innerJoin(people, and(eq(people.tenantId, sanctions.tenantId), eq(people.id, sanctions.personId)))
    .where(where)
    .orderBy(desc(sanctions.decidedOn), desc(sanctions.createdAt));
}

export function sanctionConditions(
  tenantId: string,
  q: { personId?: string; kind?: SanctionRow['kind']; id?: string },
) {
  return and(
    eq(sanctions.tenantId, tenantId),
    q.personId ? eq(sanctions.personId, q.personId) : undefined,
    q.kind ? eq(sanctions.kind, q.kind) : undefined,
    q.id ? eq(sanctions.id, q.id) : undefined,
  );
}

export async function insertSanction(db: Db, values: typeof sanctions.$inferInsert): Promise<SanctionRow> {
  const [row] = await db.insert(sanctions).values(values).returning();
  return row!;
}

export async function updateSanction(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof sanctions.$inferInsert>,
) {
  await db
    .update(sanctions)
    .set(values)
    .where(and(eq(sanctions.tenantId, tenantId), eq(sanctions.id, id)));
}

export async function deleteSanction(db: Db, tenantId: string, id: string) {
  await db.delete(sanctions).where(and(eq(sanctions.tenantId, tenantId), eq(sanctions.id, id)));
}

/** How many honours carry the file as their certificate scan. */
export async function countHonoursWithCertificate(db: Db, tenantId: string, fileId: string): Promise<number> {
  const rows = await db
    .select({ id: honours.id })
    .from(honours)
    .where(and(eq(honours.tenantId, tenantId), eq(honours.certificateFileId, fileId)));
  return rows.length;
}
