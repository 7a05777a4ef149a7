import { and, asc, count, desc, eq, gte, lt, ne, or, sql } from 'drizzle-orm';
import { departments, inquiries, people, users } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type InquiryRow = typeof inquiries.$inferSelect;

/**
 * A person's inquiries: those they were asked first and those handed to them. `open` keeps the
 * ones not closed — a handed-over inquiry stays on the first person's list until the receiver closes it.
 */
export async function findInquiriesOf(db: Db, tenantId: string, userId: string, status: 'open' | 'closed' | 'all') {
  return db
    .select()
    .from(inquiries)
    .where(
      and(
        eq(inquiries.tenantId, tenantId),
        or(eq(inquiries.firstUserId, userId), eq(inquiries.holderUserId, userId)),
        status === 'open'
          ? ne(inquiries.status, 'closed')
          : status === 'closed'
            ? eq(inquiries.status, 'closed')
            : undefined,
      ),
    )
    .orderBy(desc(inquiries.askedAt))
    .limit(500);
}

export async function findInquiry(db: Db, tenantId: string, id: string): Promise<InquiryRow | undefined> {
  const [row] = await db
    .select()
    .from(inquiries)
    .where(and(eq(inquiries.tenantId, tenantId), eq(inquiries.id, id)));
  return row;
}

export async function insertInquiry(db: Db, values: typeof inquiries.$inferInsert): Promise<InquiryRow> {
  const [row] = await db.insert(inquiries).values(values).returning();
  return row!;
}

export async function insertInquiries(db: Db, rows: (typeof inquiries.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 200) await db.insert(inquiries).values(rows.slice(i, i + 200));
}

export async function updateInquiry(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof inquiries.$inferInsert>,
) {
  await db
    .update(inquiries)
    .set(values)
    .where(and(eq(inquiries.tenantId, tenantId), eq(inquiries.id, id)));
}

/** Active accounts of the court with their department: who an inquiry may be handed to. */
export async function findReceivers(db: Db, tenantId: string) {
  return db
    .select({ userId: users.id, name: users.displayName, departmentName: departments.name })
    .from(users)
    .innerJoin(people, and(eq(people.tenantId, users.tenantId), eq(people.id, users.personId)))
    .leftJoin(departments, and(eq(departments.tenantId, people.tenantId), eq(departments.id, people.departmentId)))
    .where(and(eq(users.tenantId, tenantId), eq(users.disabled, false)))
    .orderBy(asc(departments.sortOrder), asc(users.displayName));
}

export async function findReceiver(db: Db, tenantId: string, userId: string) {
  const [row] = await db
    .select({ userId: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId), eq(users.disabled, false)));
  return row;
}

export async function findDepartmentOfUser(db: Db, tenantId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ departmentId: people.departmentId })
    .from(users)
    .innerJoin(people, and(eq(people.tenantId, users.tenantId), eq(people.id, users.personId)))
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  return row?.departmentId ?? null;
}

export async function findYearInquiriesByDepartment(db: Db, tenantId: string, from: Date, to: Date) {
  return db
    .select({
      outcome: inquiries.outcome,
      status: inquiries.status,
      handOvers: inquiries.handOvers,
      departmentName: departments.name,
    })
    .from(inquiries)
    .leftJoin(
      departments,
      and(eq(departments.tenantId, inquiries.tenantId), eq(departments.id, inquiries.firstDepartmentId)),
    )
    .where(and(eq(inquiries.tenantId, tenantId), gte(inquiries.askedAt, from), lt(inquiries.askedAt, to)));
}

/** A year's first inquiries counted, and those answered in one go (一次性告知, never handed over). */
export async function countAnsweredOnce(db: Db, tenantId: string, from: Date, to: Date) {
  const [row] = await db
    .select({
      total: count(),
      answered:
        sql<number>`count(*) filter (where ${inquiries.outcome} = 'answered' and jsonb_array_length(${inquiries.handOvers}) = 0)`.mapWith(
          Number,
        ),
    })
    .from(inquiries)
    .where(and(eq(inquiries.tenantId, tenantId), gte(inquiries.askedAt, from), lt(inquiries.askedAt, to)));
  return row ?? { total: 0, answered: 0 };
}
