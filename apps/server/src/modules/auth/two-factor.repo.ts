import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { tenants, twoFactor, twoFactorChallenges, twoFactorRecoveryCodes, users } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export async function findTwoFactor(db: Db, tenantId: string, userId: string) {
  const [row] = await db
    .select()
    .from(twoFactor)
    .where(and(eq(twoFactor.tenantId, tenantId), eq(twoFactor.userId, userId)));
  return row;
}

/** A new secret being set up; refused (no row) when the account is already enrolled. */
export async function putPendingSecret(db: Db, tenantId: string, userId: string, secretEnc: string) {
  const rows = await db
    .insert(twoFactor)
    .values({ tenantId, userId, secretEnc })
    .onConflictDoUpdate({
      target: [twoFactor.tenantId, twoFactor.userId],
      set: { secretEnc, lastStep: null, createdAt: sql`now()` },
      setWhere: isNull(twoFactor.enrolledAt),
    })
    .returning({ userId: twoFactor.userId });
  return rows.length > 0;
}

/**
 * Takes a code's time step: only a step later than every one taken before (a replayed code, or an
 * older one, finds no row). One statement, so two requests with the same code cannot both pass.
 */
export async function takeStep(db: Db, tenantId: string, userId: string, step: number, enrolled: boolean) {
  const rows = await db
    .update(twoFactor)
    .set({ lastStep: step })
    .where(
      and(
        eq(twoFactor.tenantId, tenantId),
        eq(twoFactor.userId, userId),
        enrolled ? isNotNull(twoFactor.enrolledAt) : isNull(twoFactor.enrolledAt),
        or(isNull(twoFactor.lastStep), lt(twoFactor.lastStep, step)),
      ),
    )
    .returning({ userId: twoFactor.userId });
  return rows.length > 0;
}

export async function markEnrolled(db: Db, tenantId: string, userId: string, codeHashes: string[]) {
  await db
    .update(twoFactor)
    .set({ enrolledAt: sql`now()` })
    .where(and(eq(twoFactor.tenantId, tenantId), eq(twoFactor.userId, userId)));
  await db
    .delete(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.tenantId, tenantId), eq(twoFactorRecoveryCodes.userId, userId)));
  await db.insert(twoFactorRecoveryCodes).values(codeHashes.map((codeHash) => ({ tenantId, userId, codeHash })));
}

/** A new set of recovery codes for an enrolled account: every earlier code, used or not, stops working. */
export async function replaceRecoveryCodes(db: Db, tenantId: string, userId: string, codeHashes: string[]) {
  await db
    .delete(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.tenantId, tenantId), eq(twoFactorRecoveryCodes.userId, userId)));
  await db.insert(twoFactorRecoveryCodes).values(codeHashes.map((codeHash) => ({ tenantId, userId, codeHash })));
}

/** Uses a recovery code once: a second use finds it spent. */
export async function takeRecoveryCode(db: Db, tenantId: string, userId: string, codeHash: string) {
  const rows = await db
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(twoFactorRecoveryCodes.tenantId, tenantId),
        eq(twoFactorRecoveryCodes.userId, userId),
        eq(twoFactorRecoveryCodes.codeHash, codeHash),
        isNull(twoFactorRecoveryCodes.usedAt),
      ),
    )
    .returning({ userId: twoFactorRecoveryCodes.userId });
  return rows.length > 0;
}

export async function countRecoveryCodesLeft(db: Db, tenantId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(twoFactorRecoveryCodes)
    .where(
      and(
        eq(twoFactorRecoveryCodes.tenantId, tenantId),
        eq(twoFactorRecoveryCodes.userId, userId),
        isNull(twoFactorRecoveryCodes.usedAt),
      ),
    );
  return row?.n ?? 0;
}

/** Removes the secret and the recovery codes (disable or reset); the next sign-in enrols anew if required. */
export async function removeTwoFactor(db: Db, tenantId: string, userId: string): Promise<boolean> {
  await db
    .delete(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.tenantId, tenantId), eq(twoFactorRecoveryCodes.userId, userId)));
  const rows = await db
    .delete(twoFactor)
    .where(and(eq(twoFactor.tenantId, tenantId), eq(twoFactor.userId, userId)))
    .returning({ enrolledAt: twoFactor.enrolledAt });
  await deleteChallengesOfUser(db, tenantId, userId);
  return rows.some((r) => r.enrolledAt !== null);
}

export async function createChallenge(
  db: Db,
  row: {
    tokenHash: string;
    tenantId: string;
    userId: string;
    purpose: 'verify' | 'enrol';
    ip: string;
    userAgent: string | null;
    expiresAt: Date;
  },
) {
  // One half-signed-in step per account at a time: a new password entry replaces the old step.
  await deleteChallengesOfUser(db, row.tenantId, row.userId);
  await db.insert(twoFactorChallenges).values(row);
}

/** The live challenge of this cookie, with its account and court; expired ones are not found. */
export async function findChallenge(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ challenge: twoFactorChallenges, user: users, tenantName: tenants.name, settings: tenants.settings })
    .from(twoFactorChallenges)
    .innerJoin(users, and(eq(users.tenantId, twoFactorChallenges.tenantId), eq(users.id, twoFactorChallenges.userId)))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(twoFactorChallenges.tokenHash, tokenHash), gt(twoFactorChallenges.expiresAt, sql`now()`)));
  return row;
}

export async function deleteChallenge(db: Db, tokenHash: string) {
  await db.delete(twoFactorChallenges).where(eq(twoFactorChallenges.tokenHash, tokenHash));
}

export async function deleteChallengesOfUser(db: Db, tenantId: string, userId: string) {
  await db
    .delete(twoFactorChallenges)
    .where(and(eq(twoFactorChallenges.tenantId, tenantId), eq(twoFactorChallenges.userId, userId)));
}
