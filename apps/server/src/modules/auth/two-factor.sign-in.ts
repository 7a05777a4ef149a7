/**
 * 双因素登录, the sign-in half: after a correct password an account that has (or must have) a second
 * factor gets no session but a short-lived challenge — a cookie that opens only the second-step
 * routes. There it gives a TOTP code or a recovery code, or, when it must and has none yet, enrols.
 * Wrong codes count toward the same lockout as wrong passwords.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isTotpCode, normalizeRecoveryCode, twoFactorRequired, type SecondFactorPending } from '@qizhi/domain';
import type { Actor } from '../../platform/audit.ts';
import { writeAudit } from '../../platform/audit.ts';
import { tenantPolicy } from '../../platform/auth.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { decryptSecret, encryptSecret, hashRecoveryCode, type TwoFactorKeys } from '../../platform/two-factor-key.ts';
import * as authRepo from './auth.repo.ts';
import { matchingStep, newRecoveryCodes, newTotpSecret, totpOf } from './totp.ts';
import * as repo from './two-factor.repo.ts';

/** How long the half-signed-in step lasts. */
export const CHALLENGE_MINUTES = 5;

type FoundUser = NonNullable<Awaited<ReturnType<typeof authRepo.findUserForLogin>>>;
type Challenge = NonNullable<Awaited<ReturnType<typeof repo.findChallenge>>>;

export function challengeHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether the account's roles are in the court's required set (setting `twoFactorRequiredRoles`). */
export async function isRequiredFor(db: Db, user: { tenantId: string; id: string }, settings: FoundUser['settings']) {
  const grants = await authRepo.findGrantsOfUser(db, user.tenantId, user.id);
  return twoFactorRequired(
    grants.map((g) => g.role),
    settings.twoFactorRequiredRoles,
  );
}

/** After the password: the second step due, if any, as a challenge (cookie token) — or null. */
export async function secondFactorStep(
  db: Db,
  found: FoundUser,
  actor: Actor,
  input: { ip: string; userAgent: string | undefined },
): Promise<{ kind: 'pending'; body: SecondFactorPending; token: string; expiresAt: Date } | null> {
  const { user } = found;
  const enrolled = (await repo.findTwoFactor(db, user.tenantId, user.id))?.enrolledAt != null;
  if (!enrolled && !(await isRequiredFor(db, user, found.settings))) return null;
  const purpose = enrolled ? 'verify' : 'enrol';
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await repo.createChallenge(tx, {
      tokenHash: challengeHash(token),
      tenantId: user.tenantId,
      userId: user.id,
      purpose,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt,
    });
    if (purpose === 'enrol') {
      await writeAudit(tx, actor, {
        action: 'auth.two_factor_enrolment_required',
        entity: 'user',
        entityId: user.id,
        summary: `本院要求双因素登录，登录前须绑定身份验证器：${user.username}`,
      });
    }
  });
  return { kind: 'pending', body: { secondFactor: purpose, expiresAt: expiresAt.toISOString() }, token, expiresAt };
}

/** The live challenge of a cookie, or 401 (expired, used, or none); a locked account is 423. */
export async function liveChallenge(db: Db, token: string | undefined): Promise<Challenge> {
  if (!token) throw new AppError('TWO_FACTOR_STEP_EXPIRED');
  const found = await repo.findChallenge(db, challengeHash(token));
  if (!found || found.user.disabled) throw new AppError('TWO_FACTOR_STEP_EXPIRED');
  if (found.user.lockedUntil && found.user.lockedUntil.getTime() > Date.now()) {
    await repo.deleteChallenge(db, found.challenge.tokenHash);
    throw new AppError('ACCOUNT_LOCKED');
  }
  return found;
}

export function actorOf(found: Challenge, ip: string): Actor {
  return { tenantId: found.user.tenantId, userId: found.user.id, name: found.user.displayName, ip };
}

/**
 * A wrong second factor: one more failure toward the lockout, audited. At the threshold the account
 * locks, its half-signed-in step ends, and the answer is 423; otherwise 401 `TWO_FACTOR_INVALID`.
 */
export async function failSecondFactor(
  db: Db,
  user: { tenantId: string; id: string; username: string },
  settings: FoundUser['settings'],
  actor: Actor,
  why: string,
  endSessions = false,
): Promise<never> {
  const policy = tenantPolicy(settings);
  const locked = await db.transaction(async (tx) => {
    const after = await authRepo.recordFailedAttempt(
      tx,
      user.tenantId,
      user.id,
      policy.lockoutThreshold,
      policy.lockoutMinutes,
    );
    await writeAudit(tx, actor, {
      action: 'auth.two_factor_failed',
      entity: 'user',
      entityId: user.id,
      summary: `双因素验证失败（${why}）：${user.username}`,
    });
    const lockedNow = !!after?.lockedUntil && after.lockedUntil.getTime() > Date.now();
    if (lockedNow) {
      await repo.deleteChallengesOfUser(tx, user.tenantId, user.id);
      if (endSessions) await authRepo.deleteOtherSessions(tx, user.tenantId, user.id, '');
      await writeAudit(tx, actor, {
        action: 'auth.lockout',
        entity: 'user',
        entityId: user.id,
        summary: `连续${String(policy.lockoutThreshold)}次验证失败，账号锁定${String(policy.lockoutMinutes)}分钟：${user.username}`,
        after: { lockedUntil: after.lockedUntil?.toISOString() },
      });
    }
    return lockedNow;
  });
  throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'TWO_FACTOR_INVALID');
}

/**
 * Checks a code against an enrolled account and spends it: a TOTP code (±1 step, its step later than
 * any accepted before — a replay is refused) or an unused recovery code. Returns how, or null.
 */
export async function spendCode(
  db: Db,
  keys: TwoFactorKeys,
  user: { tenantId: string; id: string },
  secretEnc: string,
  code: string,
  nowMs: number,
): Promise<'totp' | 'recovery' | null> {
  const typed = code.replace(/\s/g, '');
  if (isTotpCode(typed)) {
    const step = matchingStep(decryptSecret(keys, user.id, secretEnc), typed, nowMs);
    if (step === null) return null;
    return (await repo.takeStep(db, user.tenantId, user.id, step, true)) ? 'totp' : null;
  }
  const plain = normalizeRecoveryCode(code);
  if (!plain) return null;
  return (await repo.takeRecoveryCode(db, user.tenantId, user.id, hashRecoveryCode(keys, user.id, plain)))
    ? 'recovery'
    : null;
}

/** The second step of an enrolled account: a right code ends the challenge; the session is the caller's. */
export async function verifyChallenge(
  db: Db,
  keys: TwoFactorKeys,
  found: Challenge,
  code: string,
  ip: string,
  nowMs: number,
): Promise<void> {
  const { user } = found;
  const actor = actorOf(found, ip);
  if (found.challenge.purpose !== 'verify') throw new AppError('TWO_FACTOR_STEP_EXPIRED');
  const tf = await repo.findTwoFactor(db, user.tenantId, user.id);
  if (!tf?.enrolledAt) throw new AppError('TWO_FACTOR_STEP_EXPIRED');
  const how = await spendCode(db, keys, user, tf.secretEnc, code, nowMs);
  if (!how) return failSecondFactor(db, user, found.settings, actor, '验证码错误或已使用');
  await db.transaction(async (tx) => {
    await repo.deleteChallenge(tx, found.challenge.tokenHash);
    if (how === 'recovery') {
      const left = await repo.countRecoveryCodesLeft(tx, user.tenantId, user.id);
      await writeAudit(tx, actor, {
        action: 'auth.two_factor_recovery_used',
        entity: 'user',
        entityId: user.id,
        summary: `使用恢复码登录（剩余${String(left)}个）：${user.username}`,
      });
    }
  });
}

/** Enrolment, first half: a new secret (kept encrypted, shown only now) and its otpauth:// address. */
export async function beginEnrolment(
  db: Db,
  keys: TwoFactorKeys,
  user: { tenantId: string; id: string; username: string },
) {
  const secret = newTotpSecret();
  const stored = await repo.putPendingSecret(db, user.tenantId, user.id, encryptSecret(keys, user.id, secret));
  if (!stored) throw new AppError('CONFLICT', '已绑定身份验证器；如需更换，请先关闭双因素登录');
  const totp = totpOf(secret, user.username);
  return { secret, uri: totp.toString(), issuer: totp.issuer, account: user.username };
}

/**
 * Enrolment, second half: the first code from the app proves it holds the secret; then ten recovery
 * codes, stored as keyed hashes, are handed back this once. A wrong code counts toward the lockout.
 */
export async function finishEnrolment(
  db: Db,
  keys: TwoFactorKeys,
  user: { tenantId: string; id: string; username: string },
  settings: FoundUser['settings'],
  actor: Actor,
  code: string,
  nowMs: number,
  endSessionsOnLock = false,
): Promise<string[]> {
  const tf = await repo.findTwoFactor(db, user.tenantId, user.id);
  if (!tf || tf.enrolledAt) throw new AppError('CONFLICT', '请先生成新的密钥并扫描二维码');
  const typed = code.replace(/\s/g, '');
  const step = isTotpCode(typed) ? matchingStep(decryptSecret(keys, user.id, tf.secretEnc), typed, nowMs) : null;
  if (step === null || !(await repo.takeStep(db, user.tenantId, user.id, step, false))) {
    return failSecondFactor(db, user, settings, actor, '绑定时验证码错误', endSessionsOnLock);
  }
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await repo.markEnrolled(
      tx,
      user.tenantId,
      user.id,
      codes.map((c) => hashRecoveryCode(keys, user.id, normalizeRecoveryCode(c)!)),
    );
    await writeAudit(tx, actor, {
      action: 'auth.two_factor_enrolled',
      entity: 'user',
      entityId: user.id,
      summary: `绑定身份验证器，启用双因素登录，生成10个恢复码：${user.username}`,
    });
  });
  return codes;
}
