import { and, eq, sql } from 'drizzle-orm';
import { people } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

/**
 * Everyone ever placed in the organisations, those who left included (the year's decreases and
 * past years' figures need them): the few columns the 年报 counts and its drill-down shows.
 */
export async function findPeopleOfUnits(db: Db, tenantId: string, orgUnitIds: readonly string[]) {
  if (orgUnitIds.length === 0) return [];
  return db
    .select({
      id: people.id,
      name: people.name,
      gender: people.gender,
      ethnicity: people.ethnicity,
      birthDate: people.birthDate,
      // As stored (sealed, platform/field-crypto.ts): opened only for the drill-down's few rows, not for
      // every person the 年报 counts (a court of 10,000 would decrypt them all on each view).
      idNumberSealed: sql<string | null>`${people.idNumber}`,
      education: people.education,
      status: people.status,
      joinedOn: people.joinedOn,
      confirmedOn: people.confirmedOn,
      workPost: people.workPost,
      retired: people.retired,
      partyStanding: people.partyStanding,
      transferredInOn: people.transferredInOn,
      leftOn: people.leftOn,
      leftReason: people.leftReason,
      orgUnitId: people.orgUnitId,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), sql`${people.orgUnitId} = any(${sql.param([...orgUnitIds])}::uuid[])`))
    .orderBy(sql`${people.name} collate "C"`, people.id);
}
