/**
 * The roster as account administration sees it: a person's id, name and organisation, and the
 * account linked to them — never the roster's personal data (三员分立: the 系统管理员 makes accounts
 * but does not read the roster).
 */
import { and, asc, eq, ilike, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { orgUnits, people, users } from '../../db/schema/index.ts';
import { containsPattern, type Db } from '../../platform/db.ts';

export interface PersonChoiceRow {
  id: string;
  name: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  username: string | null;
}

export async function findPersonChoices(
  db: Db,
  tenantId: string,
  filter: { q?: string | undefined; orgUnitIds?: string[] | undefined; personIds?: string[] | undefined },
): Promise<PersonChoiceRow[]> {
  // Only those on the roster: a person who left gets no new account.
  const conditions: (SQL | undefined)[] = [eq(people.tenantId, tenantId), isNull(people.leftOn)];
  if (filter.q) conditions.push(ilike(people.name, containsPattern(filter.q)));
  if (filter.orgUnitIds) conditions.push(inArray(people.orgUnitId, filter.orgUnitIds));
  if (filter.personIds) conditions.push(inArray(people.id, filter.personIds));
  return db
    .select({
      id: people.id,
      name: people.name,
      orgUnitId: people.orgUnitId,
      orgUnitName: orgUnits.name,
      username: sql<string | null>`(select min(u.username) from ${users} u
        where u.tenant_id = ${people.tenantId} and u.person_id = ${people.id})`,
    })
    .from(people)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, people.tenantId), eq(orgUnits.id, people.orgUnitId)))
    .where(and(...conditions))
    .orderBy(sql`${orgUnits.name} collate "C" nulls last`, sql`${people.name} collate "C"`, asc(people.id));
}

/** Every username on the server, lower-cased (usernames are unique across courts). */
export async function findAllUsernames(db: Db): Promise<Set<string>> {
  const rows = await db.select({ name: sql<string>`lower(${users.username})` }).from(users);
  return new Set(rows.map((r) => r.name));
}

/** Accounts linked to these people (one row per account). */
export async function findAccountsOfPeople(db: Db, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ id: users.id, username: users.username, personId: users.personId, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), isNotNull(users.personId), inArray(users.personId, personIds)));
}

/** The people accounts are to be made for: id, name, party status (for the default role), leaving. */
export async function findPeopleForAccounts(db: Db, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: people.id,
      name: people.name,
      status: people.status,
      leftOn: people.leftOn,
      leftReason: people.leftReason,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)));
}
