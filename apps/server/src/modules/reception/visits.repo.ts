import { and, desc, eq, gte, isNotNull, lt, or } from 'drizzle-orm';
import { departments, people, receptionRota, receptionVisits } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type VisitRow = typeof receptionVisits.$inferSelect;

/** What the pledges' on-time figures need of a year's visits: those needing handling that were accepted or handled. */
export async function findClockInputsBetween(db: Db, tenantId: string, from: string, to: string) {
  return db
    .select({
      receivedOn: receptionVisits.receivedOn,
      acceptedOn: receptionVisits.acceptedOn,
      handledOn: receptionVisits.handledOn,
      extended: receptionVisits.extended,
    })
    .from(receptionVisits)
    .where(
      and(
        eq(receptionVisits.tenantId, tenantId),
        eq(receptionVisits.needsHandling, true),
        gte(receptionVisits.receivedOn, from),
        lt(receptionVisits.receivedOn, to),
        or(isNotNull(receptionVisits.acceptedOn), isNotNull(receptionVisits.handledOn)),
      ),
    );
}

/** A year's visits (a few hundred) with the handling department and the leader who received them. */
export async function findVisitsBetween(db: Db, tenantId: string, from: string, to: string, id?: string) {
  return db
    .select({ visit: receptionVisits, departmentName: departments.name, leaderName: people.name })
    .from(receptionVisits)
    .leftJoin(
      departments,
      and(eq(departments.tenantId, receptionVisits.tenantId), eq(departments.id, receptionVisits.handlingDepartmentId)),
    )
    .leftJoin(
      receptionRota,
      and(eq(receptionRota.tenantId, receptionVisits.tenantId), eq(receptionRota.id, receptionVisits.rotaId)),
    )
    .leftJoin(people, and(eq(people.tenantId, receptionRota.tenantId), eq(people.id, receptionRota.personId)))
    .where(
      and(
        eq(receptionVisits.tenantId, tenantId),
        id ? eq(receptionVisits.id, id) : undefined,
        gte(receptionVisits.receivedOn, from),
        lt(receptionVisits.receivedOn, to),
      ),
    )
    .orderBy(desc(receptionVisits.receivedOn), desc(receptionVisits.createdAt));
}
export type JoinedVisit = Awaited<ReturnType<typeof findVisitsBetween>>[number];

export async function findVisit(db: Db, tenantId: string, id: string): Promise<VisitRow | undefined> {
  const [row] = await db
    .select()
    .from(receptionVisits)
    .where(and(eq(receptionVisits.tenantId, tenantId), eq(receptionVisits.id, id)));
  return row;
}

export async function insertVisit(db: Db, values: typeof receptionVisits.$inferInsert): Promise<VisitRow> {
  const [row] = await db.insert(receptionVisits).values(values).returning();
  return row!;
}

export async function insertVisits(db: Db, rows: (typeof receptionVisits.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 200) await db.insert(receptionVisits).values(rows.slice(i, i + 200));
}

export async function updateVisit(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof receptionVisits.$inferInsert>,
) {
  await db
    .update(receptionVisits)
    .set(values)
    .where(and(eq(receptionVisits.tenantId, tenantId), eq(receptionVisits.id, id)));
}

export async function departmentExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.tenantId, tenantId), eq(departments.id, id)));
  return row !== undefined;
}

export async function rotaEntryExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: receptionRota.id })
    .from(receptionRota)
    .where(and(eq(receptionRota.tenantId, tenantId), eq(receptionRota.id, id)));
  return row !== undefined;
}
