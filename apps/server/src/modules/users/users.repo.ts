import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { RoleGrant } from '@qizhi/domain';
import { orgUnits, people, roleGrants, sessions, tenants, users } from '../../db/schema/index.ts';
import { containsPattern, type Db } from '../../platform/db.ts';
import { forgetSessionsOfUser } from '../../platform/session-cache.ts';

export type UserRow = typeof users.$inferSelect;
export type UserInsert = typeof users.$inferInsert;

// Correlated subqueries name the outer table explicitly: Drizzle leaves columns unqualified in a
// single-table select, and inside the subquery they would bind to the inner table instead.
const userColumns = {
  user: users,
  roles: sql<
    RoleGrant[]
  >`coalesce((select json_agg(json_build_object('role', g.role, 'orgUnitId', g.org_unit_id) order by g.role)
    from ${roleGrants} g where g.tenant_id = "users"."tenant_id" and g.user_id = "users"."id"), '[]'::json)`,
  personName: sql<
    string | null
  >`(select p.name from ${people} p where p.tenant_id = "users"."tenant_id" and p.id = "users"."person_id")`,
  orgUnitName: sql<string | null>`(select o.name from ${people} p join ${orgUnits} o
    on o.tenant_id = p.tenant_id and o.id = p.org_unit_id
    where p.tenant_id = "users"."tenant_id" and p.id = "users"."person_id")`,
  total: sql<number>`(count(*) over ())::int`,
};

export async function findUserPage(db: Db, tenantId: string, q: string | undefined, page: number, pageSize: number) {
  const conditions: (SQL | undefined)[] = [eq(users.tenantId, tenantId)];
  if (q) conditions.push(or(ilike(users.username, containsPattern(q)), ilike(users.displayName, containsPattern(q))));
  return db
    .select(userColumns)
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.username))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

export async function findUserWithRoles(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(db: Db, tenantId: string, id: string, values: Partial<typeof users.$inferInsert>) {
  await db
    .update(users)
    .set(values)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
}

/** A one-time password the account must change at the next sign-in; a lockout ends with it. */
export async function setTemporaryPassword(db: Db, tenantId: string, id: string, passwordHash: string) {
  await updateUser(db, tenantId, id, { passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null });
}

export async function replaceRoleGrants(db: Db, tenantId: string, userId: string, grants: readonly RoleGrant[]) {
  await db.delete(roleGrants).where(and(eq(roleGrants.tenantId, tenantId), eq(roleGrants.userId, userId)));
  if (grants.length > 0) {
    await db.insert(roleGrants).values(grants.map((g) => ({ tenantId, userId, role: g.role, orgUnitId: g.orgUnitId })));
  }
}

export async function deleteSessionsOfUser(db: Db, tenantId: string, userId: string) {
  forgetSessionsOfUser(userId);
  await db.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId)));
}

export type CourtRow = typeof tenants.$inferSelect;

/** Every court in the database (one for a court's own server; several for a shared one). */
export async function findCourts(db: Db): Promise<CourtRow[]> {
  return db.select().from(tenants).orderBy(asc(tenants.code));
}

/** An account by user name, in whichever court (user names are unique regardless of case). */
export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return row;
}

/** The accounts of one court with these usernames (any case). */
export async function findUsersNamed(db: Db, tenantId: string, usernames: readonly string[]): Promise<UserRow[]> {
  if (usernames.length === 0) return [];
  return db
    .select()
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        inArray(
          sql`lower(${users.username})`,
          usernames.map((u) => u.toLowerCase()),
        ),
      ),
    );
}
