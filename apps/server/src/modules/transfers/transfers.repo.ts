/** 组织关系转接: every query of the module. */
import { and, desc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { TransferDirection } from '@qizhi/domain';
import { people, transfers } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type TransferRow = typeof transfers.$inferSelect & { personName: string };
export type TransferValues = Omit<typeof transfers.$inferInsert, 'id' | 'createdAt'>;

function withPeople(db: Db) {
  return db
    .select({
      tenantId: transfers.tenantId,
      id: transfers.id,
      direction: transfers.direction,
      personId: transfers.personId,
      fromOrgUnitId: transfers.fromOrgUnitId,
      fromName: transfers.fromName,
      toOrgUnitId: transfers.toOrgUnitId,
      toName: transfers.toName,
      letterNo: transfers.letterNo,
      issuedOn: transfers.issuedOn,
      validUntil: transfers.validUntil,
      duesPaidUpTo: transfers.duesPaidUpTo,
      arrearsMonths: transfers.arrearsMonths,
      receivedOn: transfers.receivedOn,
      receiptOn: transfers.receiptOn,
      note: transfers.note,
      receiptNote: transfers.receiptNote,
      recordedByName: transfers.recordedByName,
      createdAt: transfers.createdAt,
      personName: people.name,
    })
    .from(transfers)
    .innerJoin(people, and(eq(people.tenantId, transfers.tenantId), eq(people.id, transfers.personId)));
}

/**
 * The court's letters, newest first, optionally only those touching the listed organisations (sent
 * from or received into them), one direction, or the receipts still out (`openReceipts`).
 */
export async function findTransfers(
  db: Db,
  tenantId: string,
  filter: { orgUnitIds?: string[] | undefined; direction?: TransferDirection | undefined; openReceipts?: boolean },
): Promise<TransferRow[]> {
  const where: SQL[] = [eq(transfers.tenantId, tenantId)];
  if (filter.orgUnitIds) {
    if (filter.orgUnitIds.length === 0) return [];
    where.push(
      or(inArray(transfers.fromOrgUnitId, filter.orgUnitIds), inArray(transfers.toOrgUnitId, filter.orgUnitIds))!,
    );
  }
  if (filter.direction) where.push(eq(transfers.direction, filter.direction));
  if (filter.openReceipts) where.push(eq(transfers.direction, 'out'), isNull(transfers.receiptOn));
  return withPeople(db)
    .where(and(...where))
    .orderBy(desc(transfers.issuedOn), desc(transfers.createdAt))
    .limit(1000);
}

export async function findTransfer(db: Db, tenantId: string, id: string): Promise<TransferRow | undefined> {
  const [row] = await withPeople(db).where(and(eq(transfers.tenantId, tenantId), eq(transfers.id, id)));
  return row;
}

/** A person's moves, oldest first: the history their record shows. */
export async function findTransfersOfPerson(db: Db, tenantId: string, personId: string): Promise<TransferRow[]> {
  return withPeople(db)
    .where(and(eq(transfers.tenantId, tenantId), eq(transfers.personId, personId)))
    .orderBy(transfers.issuedOn, transfers.createdAt);
}

/** Letters of the court whose number starts with the year (the running number's count). */
export async function countLettersOfYear(db: Db, tenantId: string, year: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(transfers)
    .where(
      and(eq(transfers.tenantId, tenantId), eq(transfers.direction, 'out'), like(transfers.letterNo, `${year}-%`)),
    );
  return row?.n ?? 0;
}

export async function letterNoTaken(db: Db, tenantId: string, letterNo: string): Promise<boolean> {
  const [row] = await db
    .select({ id: transfers.id })
    .from(transfers)
    .where(and(eq(transfers.tenantId, tenantId), eq(transfers.direction, 'out'), eq(transfers.letterNo, letterNo)));
  return row !== undefined;
}

export async function insertTransfer(db: Db, values: TransferValues): Promise<string> {
  const [row] = await db.insert(transfers).values(values).returning({ id: transfers.id });
  return row!.id;
}

/** Records the receipt while none is recorded; answers whether a row changed (two officers at once). */
export async function recordReceipt(
  db: Db,
  tenantId: string,
  id: string,
  receiptOn: string,
  note: string | null,
): Promise<boolean> {
  const rows = await db
    .update(transfers)
    .set({ receiptOn, receiptNote: note })
    .where(and(eq(transfers.tenantId, tenantId), eq(transfers.id, id), isNull(transfers.receiptOn)))
    .returning({ id: transfers.id });
  return rows.length > 0;
}

/** The person as a transfer needs them: standing, 党组织 and whether still on the roster. */
export async function findPerson(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({
      id: people.id,
      name: people.name,
      status: people.status,
      orgUnitId: people.orgUnitId,
      birthDate: people.birthDate,
      leftOn: people.leftOn,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
  return row;
}
