/** 双因素登录 for a signed-in account (我的 → 账号安全), the 安全管理员's reset and the CLI's. */
import {
  isAdministratorRole,
  isTotpCode,
  normalizeRecoveryCode,
  type TwoFactorSetup,
  type TwoFactorStatus,
} from '@qizhi/domain';
import { writeAudit, type Actor } from '../../platform/audit.ts';
import type { Database } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { hashRecoveryCode, type TwoFactorKeys } from '../../platform/two-factor-key.ts';
import * as authRepo from './auth.repo.ts';
import * as repo from './two-factor.repo.ts';
import { newRecoveryCodes } from './totp.ts';
import { beginEnrolment, failSecondFactor, finishEnrolment, isRequiredFor, spendCode } from './two-factor.sign-in.ts';

const cliActor = (tenantId: string): Actor => ({ tenantId, userId: null, name: '运维命令行', ip: null });

async function settingsOf(ctx: RequestContext) {
  const row = await authRepo.findPasswordHash(ctx.db, ctx.tenantId, ctx.user.id);
  if (!row) throw new AppError('UNAUTHENTICATED');
  return row;
}

export async function status(ctx: RequestContext): Promise<TwoFactorStatus> {
  const [tf, row] = await Promise.all([repo.findTwoFactor(ctx.db, ctx.tenantId, ctx.user.id), settingsOf(ctx)]);
  const enrolled = tf?.enrolledAt != null;
  return {
    enrolled,
    required: await isRequiredFor(ctx.db, { tenantId: ctx.tenantId, id: ctx.user.id }, row.settings),
    enrolledAt: tf?.enrolledAt?.toISOString() ?? null,
    recoveryCodesLeft: enrolled ? await repo.countRecoveryCodesLeft(ctx.db, ctx.tenantId, ctx.user.id) : 0,
  };
}

export async function setup(ctx: RequestContext, keys: TwoFactorKeys): Promise<TwoFactorSetup> {
  return beginEnrolment(ctx.db, keys, { tenantId: ctx.tenantId, id: ctx.user.id, username: ctx.user.username });
}

export async function confirmSetup(ctx: RequestContext, keys: TwoFactorKeys, code: string, nowMs: number) {
  const row = await settingsOf(ctx);
  if (row.lockedUntil && row.lockedUntil.getTime() > Date.now()) throw new AppError('ACCOUNT_LOCKED');
  const user = { tenantId: ctx.tenantId, id: ctx.user.id, username: ctx.user.username };
  return finishEnrolment(ctx.db, keys, user, row.settings, ctx.actor, code, nowMs, true);
}

/**
 * Turns one's own second factor off, with a current code (TOTP or recovery): refused while the court
 * requires it of one's roles. A wrong code counts toward the lockout, which ends every session.
 */
export async function disable(ctx: RequestContext, keys: TwoFactorKeys, code: string, nowMs: number): Promise<void> {
  const row = await settingsOf(ctx);
  if (row.lockedUntil && row.lockedUntil.getTime() > Date.now()) throw new AppError('ACCOUNT_LOCKED');
  const user = { tenantId: ctx.tenantId, id: ctx.user.id, username: ctx.user.username };
  if (await isRequiredFor(ctx.db, user, row.settings)) throw new AppError('TWO_FACTOR_REQUIRED');
  const tf = await repo.findTwoFactor(ctx.db, ctx.tenantId, ctx.user.id);
  if (!tf?.enrolledAt) throw new AppError('CONFLICT', '尚未启用双因素登录');
  if (!(await spendCode(ctx.db, keys, user, tf.secretEnc, code, nowMs))) {
    return failSecondFactor(ctx.db, user, row.settings, ctx.actor, '关闭时验证码错误', true);
  }
  await ctx.db.transaction(async (tx) => {
    await repo.removeTwoFactor(tx, ctx.tenantId, ctx.user.id);
    await writeAudit(tx, ctx.actor, {
      action: 'auth.two_factor_disabled',
      entity: 'user',
      entityId: ctx.user.id,
      summary: `关闭双因素登录：${ctx.user.username}`,
    });
  });
}

/**
 * Ten new recovery codes (printed codes lost or running out), after a current code from the
 * authenticator — not a recovery code, which is what is being replaced. Every earlier code stops
 * working; the new ones are shown this once. A wrong code counts toward the lockout, as on disabling.
 */
export async function regenerateRecoveryCodes(
  ctx: RequestContext,
  keys: TwoFactorKeys,
  code: string,
  nowMs: number,
): Promise<string[]> {
  const row = await settingsOf(ctx);
  if (row.lockedUntil && row.lockedUntil.getTime() > Date.now()) throw new AppError('ACCOUNT_LOCKED');
  const user = { tenantId: ctx.tenantId, id: ctx.user.id, username: ctx.user.username };
  const tf = await repo.findTwoFactor(ctx.db, ctx.tenantId, ctx.user.id);
  if (!tf?.enrolledAt) throw new AppError('CONFLICT', '尚未启用双因素登录');
  if (!isTotpCode(code.replace(/\s/g, '')))
    throw validationFailed([
      { path: 'code', message: '请输入身份验证器上的6位动态验证码（恢复码不能用于重新生成恢复码）' },
    ]);
  if (!(await spendCode(ctx.db, keys, user, tf.secretEnc, code, nowMs))) {
    return failSecondFactor(ctx.db, user, row.settings, ctx.actor, '重新生成恢复码时验证码错误', true);
  }
  const codes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await repo.replaceRecoveryCodes(
      tx,
      ctx.tenantId,
      ctx.user.id,
      codes.map((c) => hashRecoveryCode(keys, ctx.user.id, normalizeRecoveryCode(c)!)),
    );
    await writeAudit(tx, ctx.actor, {
      action: 'auth.two_factor_recovery_regenerated',
      entity: 'user',
      entityId: ctx.user.id,
      summary: `重新生成10个恢复码，原有恢复码全部作废：${ctx.user.username}`,
    });
  });
  return codes;
}

/**
 * The 安全管理员 resets another account's second factor (a lost phone): the secret and recovery codes
 * go, the account's sessions end, and its next sign-in enrols anew where required. An administrator's
 * is reset only on the server (三员分立, like the password): 409 `ADMIN_RESET_OUT_OF_BAND`.
 */
export async function resetByAdministrator(ctx: RequestContext, userId: string): Promise<void> {
  const target = await authRepo.findAccount(ctx.db, ctx.tenantId, userId);
  if (!target) throw notFound('账号');
  if (target.id === ctx.user.id) throw new AppError('FORBIDDEN', '不能重置本人的双因素登录');
  const grants = await authRepo.findGrantsOfUser(ctx.db, ctx.tenantId, userId);
  if (grants.some((g) => isAdministratorRole(g.role))) {
    throw new AppError(
      'ADMIN_RESET_OUT_OF_BAND',
      '管理员账号的双因素登录不能在网页上重置：请在服务器上运行 npm run qizhi -- reset-two-factor 用户名（记入审计日志）',
    );
  }
  await ctx.db.transaction(async (tx) => {
    const had = await repo.removeTwoFactor(tx, ctx.tenantId, userId);
    await authRepo.deleteOtherSessions(tx, ctx.tenantId, userId, '');
    await writeAudit(tx, ctx.actor, {
      action: 'user.two_factor_reset',
      entity: 'user',
      entityId: userId,
      summary: `重置双因素登录${had ? '' : '（原未启用）'}：${target.username}`,
    });
  });
}

/** `npm run qizhi -- reset-two-factor <username>`: any account, administrators included; audited. */
export async function resetTwoFactorFromCli(
  database: Database,
  username: string,
): Promise<{ username: string; had: boolean }> {
  const court = await database.courtOf('account', username);
  const db = court ? database.forTenant(court) : database.db;
  const found = court ? await authRepo.findUserForLogin(db, username) : undefined;
  if (!found) throw new AppError('NOT_FOUND', `没有用户名为 ${username} 的账号`);
  const { user } = found;
  const had = await db.transaction(async (tx) => {
    const removed = await repo.removeTwoFactor(tx, user.tenantId, user.id);
    await authRepo.deleteOtherSessions(tx, user.tenantId, user.id, '');
    await writeAudit(tx, cliActor(user.tenantId), {
      action: 'user.two_factor_reset',
      entity: 'user',
      entityId: user.id,
      summary: `命令行重置双因素登录${removed ? '' : '（原未启用）'}：${user.username}`,
    });
    return removed;
  });
  return { username: user.username, had };
}
