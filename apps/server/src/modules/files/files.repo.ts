import { and, eq, inArray, sql } from 'drizzle-orm';
import { files } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type FileRow = typeof files.$inferSelect;

export async function insertFile(db: Db, values: typeof files.$inferInsert): Promise<FileRow> {
  const [row] = await db.insert(files).values(values).returning();
  return row!;
}

export async function findFile(db: Db, tenantId: string, id: string): Promise<FileRow | undefined> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.tenantId, tenantId), eq(files.id, id)));
  return row;
}

export async function findFilesByIds(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, uploadedByUserId: files.uploadedByUserId })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), inArray(files.id, [...ids])));
}

/**
 * Serialises uploads of one court until the transaction ends, so two uploads cannot both pass the
 * quota on the same remaining space.
 */
export async function lockCourtUploads(tx: Db, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`files:${tenantId}`}, 0))`);
}

/** Bytes stored by the court and by one of its users. */
export async function usage(db: Db, tenantId: string, userId: string): Promise<{ court: number; person: number }> {
  const [row] = await db
    .select({
      court: sql<number>`coalesce(sum(${files.size}), 0)::float8`,
      person: sql<number>`coalesce(sum(${files.size}) filter (where ${files.uploadedByUserId} = ${userId}), 0)::float8`,
    })
    .from(files)
    .where(eq(files.tenantId, tenantId));
  return { court: Number(row?.court ?? 0), person: Number(row?.person ?? 0) };
}
