import { and, asc, eq, gte, inArray, like, lt, or, sql } from 'drizzle-orm';
import { people, receptionRota } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type RotaRow = typeof receptionRota.$inferSelect;

const rotaColumns = {
  row: receptionRota,
  leaderName: people.name,
  post: people.position,
};

export async function findRotaBetween(db: Db, tenantId: string, from: string, to: string) {
  return db
    .select(rotaColumns)
    .from(receptionRota)
    .innerJoin(people, and(eq(people.tenantId, receptionRota.tenantId), eq(people.id, receptionRota.personId)))
    .where(
      and(eq(receptionRota.tenantId, tenantId), gte(receptionRota.weekStart, from), lt(receptionRota.weekStart, to)),
    )
    .orderBy(asc(receptionRota.weekStart));
}
export type JoinedRota = Awaited<ReturnType<typeof findRotaBetween>>[number];

export async function findRotaWeek(db: Db, tenantId: string, weekStart: string): Promise<RotaRow | undefined> {
  const [row] = await db
    .select()
    .from(receptionRota)
    .where(and(eq(receptionRota.tenantId, tenantId), eq(receptionRota.weekStart, weekStart)));
  return row;
}

export async function findRotaEntry(db: Db, tenantId: string, id: string): Promise<RotaRow | undefined> {
  const [row] = await db
    .select()
    .from(receptionRota)
    .where(and(eq(receptionRota.tenantId, tenantId), eq(receptionRota.id, id)));
  return row;
}

/** The court's leaders who may receive: 院长、副院长 and the other members of the 党组. */
export async function findLeaderCandidates(db: Db, tenantId: string) {
  return db
    .select({ personId: people.id, name: people.name, post: people.position })
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        eq(people.retired, false),
        or(like(people.position, '%院长%'), like(people.position, '%党组成员%')),
      ),
    )
    .orderBy(asc(people.position), asc(people.name));
}

export async function findPeopleByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
}

/** Writes the year's weeks; a week already on the rota is replaced (its visits keep pointing at it). */
export async function upsertRota(db: Db, rows: (typeof receptionRota.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insert(receptionRota)
      .values(rows.slice(i, i + 200))
      .onConflictDoUpdate({
        target: [receptionRota.tenantId, receptionRota.weekStart],
        set: {
          receptionOn: sql`excluded.reception_on`,
          personId: sql`excluded.person_id`,
          time: sql`excluded.time`,
          place: sql`excluded.place`,
          originalPersonId: null,
          changeNote: null,
        },
      });
  }
}

export async function updateRotaEntry(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof receptionRota.$inferInsert>,
) {
  await db
    .update(receptionRota)
    .set(values)
    .where(and(eq(receptionRota.tenantId, tenantId), eq(receptionRota.id, id)));
}
