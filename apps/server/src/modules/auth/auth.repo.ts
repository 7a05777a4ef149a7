import { and, eq, ne, sql } from 'drizzle-orm';
import type { RoleGrant } from '@qizhi/domain';
import { roleGrants, sessions, tenants, users } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';
import { forgetSession, forgetSessionsOfUser } from '../../platform/session-cache.ts';

export async function findUserForLogin(db: Db, username: string) {
  const rows = await db
    .select({ user: users, tenantName: tenants.name, settings: tenants.settings })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
    .limit(1);
  return rows[0];
}

export async function findGrantsOfUser(db: Db, tenantId: string, userId: string): Promise<RoleGrant[]> {
  return db
    .select({ role: roleGrants.role, orgUnitId: roleGrants.orgUnitId })
    .from(roleGrants)
    .where(and(eq(roleGrants.tenantId, tenantId), eq(roleGrants.userId, userId)))
    .orderBy(roleGrants.role);
}

export async function recordFailedAttempt(
  db: Db,
  tenantId: string,
  userId: string,
  threshold: number,
  lockMinutes: number,
) {
  const [row] = await db
    .update(users)
    .set({
      failedAttempts: sql`case when ${users.failedAttempts} + 1 >= ${threshold} then 0 else ${users.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${users.failedAttempts} + 1 >= ${threshold} then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
    .returning({ lockedUntil: users.lockedUntil, failedAttempts: users.failedAttempts });
  return row;
}

export async function recordSuccessfulLogin(db: Db, tenantId: string, userId: string) {
  await db
    .update(users)
    .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date() })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}

export async function deleteSession(db: Db, tokenHash: string) {
  forgetSession(tokenHash);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteOtherSessions(db: Db, tenantId: string, userId: string, keepTokenHash: string) {
  forgetSessionsOfUser(userId);
  await db
    .delete(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
}

export async function findPasswordHash(db: Db, tenantId: string, userId: string) {
  const [row] = await db
    .select({
      passwordHash: users.passwordHash,
      passwordHistory: users.passwordHistory,
      username: users.username,
      lockedUntil: users.lockedUntil,
      settings: tenants.settings,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  return row;
}

export async function updatePassword(
  db: Db,
  tenantId: string,
  userId: string,
  passwordHash: string,
  passwordHistory?: string[],
) {
  // The cached session still says the password must be changed.
  forgetSessionsOfUser(userId);
  await db
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      ...(passwordHistory ? { passwordHistory } : {}),
    })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}

/** The password is past the court's maximum age: the next pages ask for a new one first. */
export async function requirePasswordChange(db: Db, tenantId: string, userId: string) {
  forgetSessionsOfUser(userId);
  await db
    .update(users)
    .set({ mustChangePassword: true })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}

/** An account of this court by id (the 安全管理员's reset of its second factor). */
export async function findAccount(db: Db, tenantId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  return row;
}
