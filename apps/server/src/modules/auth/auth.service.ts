import type { MeResponse, SecondFactorPending, SessionUser, SignedIn } from '@qizhi/domain';
import type { Actor } from '../../platform/audit.ts';
import { writeAudit } from '../../platform/audit.ts';
import { createSession, permissionsOf, tenantPolicy } from '../../platform/auth.ts';
import type { Database, Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import {
  assertPasswordAcceptable,
  hashPassword,
  verifyAgainstNothing,
  verifyPassword,
} from '../../platform/passwords.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { SecurityEvents } from '../../platform/security-events.ts';
import * as repo from './auth.repo.ts';
import { secondFactorStep } from './two-factor.sign-in.ts';

/**
 * Failures under usernames that name no account are counted here too, so the lockout answer
 * (423) comes just the same and does not tell whether an account exists.
 */
const phantomFailures = new Map<string, { count: number; lockedUntil: number }>();
const PHANTOM_LIMIT = 10_000;

function phantomFailure(username: string, threshold: number, lockMinutes: number): boolean {
  const key = username.toLowerCase();
  const now = Date.now();
  const entry = phantomFailures.get(key) ?? { count: 0, lockedUntil: 0 };
  if (entry.lockedUntil > now) return true;
  entry.count += 1;
  if (entry.count >= threshold) {
    entry.count = 0;
    entry.lockedUntil = now + lockMinutes * 60_000;
  }
  if (phantomFailures.size >= PHANTOM_LIMIT) phantomFailures.clear();
  phantomFailures.set(key, entry);
  return entry.lockedUntil > now;
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
}

export async function login(database: Database, input: LoginInput, events: SecurityEvents): Promise<LoginOutcome> {
  // Names are unique across courts: the court first (migration 0028), then its own handle.
  const court = await database.courtOf('account', input.username);
  const db = court ? database.forTenant(court) : database.db;
  const found = court ? await repo.findUserForLogin(db, input.username) : undefined;
  if (!found) {
    await verifyAgainstNothing(input.password);
    const policy = tenantPolicy(null);
    const locked = phantomFailure(input.username, policy.lockoutThreshold, policy.lockoutMinutes);
    // No account, so no court: the host court's auditor sees it, through the security events'
    // limiter, so guessing names from many addresses cannot fill the disk.
    events.record({
      tenantId: null,
      userId: null,
      name: input.username.slice(0, 64),
      ip: input.ip,
      action: 'auth.login_failed',
      summary: `登录失败（无此用户名）：“${input.username.slice(0, 64)}”`,
    });
    throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  const { user } = found;
  const policy = tenantPolicy(found.settings);
  const actor: Actor = { tenantId: user.tenantId, userId: user.id, name: user.displayName, ip: input.ip };

  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    // The same argon2 work as every other answer, so a locked account does not show in the timing.
    await verifyPassword(user.passwordHash, input.password);
    await writeAudit(db, actor, {
      action: 'auth.login_refused_locked',
      entity: 'user',
      entityId: user.id,
      summary: `账号锁定期间尝试登录：${user.username}`,
    });
    throw new AppError('ACCOUNT_LOCKED');
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const lockedNow = await db.transaction(async (tx) => {
      const after = await repo.recordFailedAttempt(
        tx,
        user.tenantId,
        user.id,
        policy.lockoutThreshold,
        policy.lockoutMinutes,
      );
      const locked = !!after?.lockedUntil && after.lockedUntil.getTime() > Date.now();
      await writeAudit(tx, actor, {
        action: 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        summary: `登录失败（密码错误）：${user.username}`,
      });
      if (locked) {
        await writeAudit(tx, actor, {
          action: 'auth.lockout',
          entity: 'user',
          entityId: user.id,
          summary: `连续${String(policy.lockoutThreshold)}次登录失败，账号锁定${String(policy.lockoutMinutes)}分钟：${user.username}`,
          after: { lockedUntil: after.lockedUntil?.toISOString() },
        });
      }
      return locked;
    });
    throw new AppError(lockedNow ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (user.disabled) {
    await writeAudit(db, actor, {
      action: 'auth.login_refused_disabled',
      entity: 'user',
      entityId: user.id,
      summary: `已停用账号尝试登录：${user.username}`,
    });
    throw new AppError('ACCOUNT_DISABLED');
  }
  // 双因素登录: a correct password opens only the second step when the account has it or must have it.
  const pending = await secondFactorStep(db, found, actor, input);
  if (pending) return pending;
  return { kind: 'signed-in', ...(await openSession(db, found, actor, input)) };
}

export type LoginOutcome =
  | { kind: 'signed-in'; body: SignedIn; token: string; expiresAt: Date }
  | { kind: 'pending'; body: SecondFactorPending; token: string; expiresAt: Date };

type FoundUser = NonNullable<Awaited<ReturnType<typeof repo.findUserForLogin>>>;

/**
 * Creates the session of a fully signed-in account (after the password, and the second factor when
 * due): resets the failure count, handles password expiry, audits `auth.login`.
 */
export async function openSession(
  db: Db,
  found: Pick<FoundUser, 'user' | 'tenantName' | 'settings'>,
  actor: Actor,
  input: { ip: string; userAgent: string | undefined },
): Promise<{ body: SignedIn; token: string; expiresAt: Date }> {
  const { user } = found;
  const policy = tenantPolicy(found.settings);
  // Password expiry (court setting): past the maximum age the session opens only onto the change page.
  const expired =
    policy.passwordMaxAgeDays > 0 &&
    !user.mustChangePassword &&
    user.passwordChangedAt !== null &&
    Date.now() - user.passwordChangedAt.getTime() > policy.passwordMaxAgeDays * 86_400_000;
  return db.transaction(async (tx) => {
    const grants = await repo.findGrantsOfUser(tx, user.tenantId, user.id);
    await repo.recordSuccessfulLogin(tx, user.tenantId, user.id);
    if (expired) {
      await repo.requirePasswordChange(tx, user.tenantId, user.id);
      await writeAudit(tx, actor, {
        action: 'auth.password_expired',
        entity: 'user',
        entityId: user.id,
        summary: `密码已使用超过${String(policy.passwordMaxAgeDays)}天，须修改后才能继续使用：${user.username}`,
      });
    }
    const session = await createSession(tx, {
      tenantId: user.tenantId,
      userId: user.id,
      grants,
      policy,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await writeAudit(tx, actor, {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      summary: `登录成功：${user.username}`,
    });
    const sessionUser: SessionUser = {
      id: user.id,
      tenantId: user.tenantId,
      tenantName: found.tenantName,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      mustChangePassword: user.mustChangePassword || expired,
    };
    return {
      body: { user: sessionUser, csrfToken: session.csrfToken },
      token: session.token,
      expiresAt: session.expiresAt,
    };
  });
}

/** Who is signed in, with what roles and permissions, and the session's CSRF token. */
export function whoAmI(ctx: RequestContext, csrfToken: string): MeResponse {
  return {
    user: ctx.user,
    roles: [...ctx.grants],
    permissions: [...permissionsOf(ctx.grants)].sort(),
    csrfToken,
  };
}

/** Ends the session of this request (`tokenHash`). */
export async function logout(ctx: RequestContext, tokenHash: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, tokenHash);
    await writeAudit(tx, ctx.actor, {
      action: 'auth.logout',
      entity: 'user',
      entityId: ctx.user.id,
      summary: `退出登录：${ctx.user.username}`,
    });
  });
}

/** Changes one's own password; the other sessions end, this one (`tokenHash`) stays. */
export async function changePassword(
  ctx: RequestContext,
  tokenHash: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await repo.findPasswordHash(ctx.db, ctx.tenantId, ctx.user.id);
  if (!row) throw new AppError('UNAUTHENTICATED');
  // Guessing the current password here counts against the same lockout as signing in.
  if (row.lockedUntil && row.lockedUntil.getTime() > Date.now()) throw new AppError('ACCOUNT_LOCKED');
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    const policy = tenantPolicy(row.settings);
    const locked = await ctx.db.transaction(async (tx) => {
      const after = await repo.recordFailedAttempt(
        tx,
        ctx.tenantId,
        ctx.user.id,
        policy.lockoutThreshold,
        policy.lockoutMinutes,
      );
      await writeAudit(tx, ctx.actor, {
        action: 'auth.password_change_failed',
        entity: 'user',
        entityId: ctx.user.id,
        summary: `修改密码失败（当前密码错误）：${ctx.user.username}`,
      });
      const lockedNow = !!after?.lockedUntil && after.lockedUntil.getTime() > Date.now();
      if (lockedNow) {
        // Whoever guesses may hold a stolen session: every session of the account ends with the lock.
        await repo.deleteOtherSessions(tx, ctx.tenantId, ctx.user.id, '');
        await writeAudit(tx, ctx.actor, {
          action: 'auth.lockout',
          entity: 'user',
          entityId: ctx.user.id,
          summary: `连续${String(policy.lockoutThreshold)}次密码错误，账号锁定${String(policy.lockoutMinutes)}分钟：${ctx.user.username}`,
        });
      }
      return lockedNow;
    });
    if (locked) throw new AppError('ACCOUNT_LOCKED');
    throw new AppError('WRONG_PASSWORD', undefined, {
      issues: [{ path: 'currentPassword', message: '当前密码不正确' }],
    });
  }
  assertPasswordAcceptable(input.newPassword, row.username);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('WEAK_PASSWORD', '新密码不能与当前密码相同', {
      issues: [{ path: 'newPassword', message: '新密码不能与当前密码相同' }],
    });
  }
  // Password history (court setting): none of the last N passwords again.
  const { passwordHistory: keep } = tenantPolicy(row.settings);
  const previous = keep > 0 ? row.passwordHistory.slice(0, keep) : [];
  for (const old of previous) {
    if (await verifyPassword(old, input.newPassword)) {
      const message = `新密码不能与最近${String(keep)}次使用过的密码相同`;
      throw new AppError('WEAK_PASSWORD', message, { issues: [{ path: 'newPassword', message }] });
    }
  }
  const passwordHash = await hashPassword(input.newPassword);
  const history = keep > 0 ? [row.passwordHash, ...previous].slice(0, keep) : [];
  await ctx.db.transaction(async (tx) => {
    await repo.updatePassword(tx, ctx.tenantId, ctx.user.id, passwordHash, history);
    // Other sessions may be someone who learned the old password: end them.
    await repo.deleteOtherSessions(tx, ctx.tenantId, ctx.user.id, tokenHash);
    await writeAudit(tx, ctx.actor, {
      action: 'auth.password_changed',
      entity: 'user',
      entityId: ctx.user.id,
      summary: `修改密码：${ctx.user.username}`,
    });
  });
}
