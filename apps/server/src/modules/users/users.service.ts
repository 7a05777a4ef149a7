import {
  ALL_PERMISSIONS,
  DISABLED_REASON_LABELS,
  PERMISSIONS,
  ROLE_CODES,
  ROLES,
  violatesSeparationOfDuties,
  isAdministratorRole,
  type CreateUserRequest,
  type RoleGrant,
  type UpdateUserRequest,
  type UserListItem,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { generateStrongPassword, hashPassword } from '../../platform/passwords.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { personExists } from '../members/index.ts';
import { orgUnitsOfCourt } from '../org/index.ts';
import * as repo from './users.repo.ts';

function toItem(row: {
  user: repo.UserRow;
  roles: RoleGrant[];
  personName: string | null;
  orgUnitName: string | null;
}): UserListItem {
  const u = row.user;
  const locked = !!u.lockedUntil && u.lockedUntil.getTime() > Date.now();
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    personId: u.personId,
    personName: row.personName,
    orgUnitName: row.orgUnitName,
    disabled: u.disabled,
    disabledReason: u.disabled && u.disabledReason ? DISABLED_REASON_LABELS[u.disabledReason] : null,
    locked,
    lockedUntil: locked ? u.lockedUntil!.toISOString() : null,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    roles: row.roles,
  };
}

export async function listUsers(ctx: RequestContext, q: string | undefined, page: number, pageSize: number) {
  const rows = await repo.findUserPage(ctx.db, ctx.tenantId, q, page, pageSize);
  return { items: rows.map(toItem), total: rows[0]?.total ?? 0, page, pageSize };
}

async function getUser(db: Db, tenantId: string, id: string): Promise<UserListItem> {
  const row = await repo.findUserWithRoles(db, tenantId, id);
  if (!row) throw notFound('用户');
  return toItem(row);
}

async function assertPersonExists(ctx: RequestContext, personId: string | null | undefined) {
  if (personId && !(await personExists(ctx, personId))) {
    throw new AppError('VALIDATION_FAILED', '关联的人员不存在', {
      issues: [{ path: 'personId', message: '关联的人员不存在' }],
    });
  }
}

export async function createUser(ctx: RequestContext, input: CreateUserRequest) {
  await assertPersonExists(ctx, input.personId);
  const temporaryPassword = generateStrongPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const created = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertUser(tx, {
      tenantId: ctx.tenantId,
      username: input.username,
      displayName: input.displayName,
      personId: input.personId ?? null,
      passwordHash,
      mustChangePassword: true,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      summary: `新建账号：${row.username}（${row.displayName}）`,
      after: { username: row.username, displayName: row.displayName, personId: row.personId },
    });
    return row;
  });
  return { user: await getUser(ctx.db, ctx.tenantId, created.id), temporaryPassword };
}

function updateAction(input: UpdateUserRequest) {
  if (input.disabled === true) return { action: 'user.disable', verb: '停用' } as const;
  if (input.disabled === false) return { action: 'user.enable', verb: '启用' } as const;
  return { action: 'user.update', verb: '修改' } as const;
}

/** Renames, links to a roster person, disables (with why: 离职、调出、去世) or enables an account. */
export async function updateUser(ctx: RequestContext, id: string, input: UpdateUserRequest) {
  const before = await getUser(ctx.db, ctx.tenantId, id);
  if (input.disabled === true && id === ctx.user.id) throw new AppError('CONFLICT', '不能停用自己的账号');
  await assertPersonExists(ctx, input.personId);
  const { action, verb } = updateAction(input);
  const values: Partial<repo.UserInsert> = {};
  if (input.displayName !== undefined) values.displayName = input.displayName;
  if (input.personId !== undefined) values.personId = input.personId;
  if (input.disabled !== undefined) {
    values.disabled = input.disabled;
    values.disabledReason = input.disabled ? (input.disabledReason ?? 'other') : null;
  }
  // A reason alone writes nothing (it goes with `disabled: true`): an UPDATE with no column was a 500.
  if (Object.keys(values).length === 0)
    throw new AppError('VALIDATION_FAILED', '没有要修改的内容：停用原因须与“停用账号”一起提交');
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, ctx.tenantId, id, values);
    // A new person link changes what the account sees: its sessions start afresh.
    if (input.disabled === true || input.personId !== undefined) await repo.deleteSessionsOfUser(tx, ctx.tenantId, id);
    const reason = values.disabledReason ? `（${DISABLED_REASON_LABELS[values.disabledReason]}）` : '';
    await writeAudit(tx, ctx.actor, {
      action,
      entity: 'user',
      entityId: id,
      summary: `${verb}账号：${before.username}${reason}`,
      before: { displayName: before.displayName, disabled: before.disabled, personId: before.personId },
      after: values,
    });
  });
  return getUser(ctx.db, ctx.tenantId, id);
}

export async function resetPassword(ctx: RequestContext, id: string) {
  const before = await getUser(ctx.db, ctx.tenantId, id);
  // 三员分立: an administrator's one-time password never reaches another administrator's reply;
  // it is reset on the server (the CLI) and handed over out of band.
  if (before.roles.some((g) => isAdministratorRole(g.role))) throw new AppError('ADMIN_RESET_OUT_OF_BAND');
  const temporaryPassword = generateStrongPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.setTemporaryPassword(tx, ctx.tenantId, id, passwordHash);
    await repo.deleteSessionsOfUser(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx.actor, {
      action: 'user.password_reset',
      entity: 'user',
      entityId: id,
      summary: `重置密码：${before.username}（须在下次登录时修改）`,
    });
  });
  return { user: await getUser(ctx.db, ctx.tenantId, id), temporaryPassword };
}

export async function unlockUser(ctx: RequestContext, id: string) {
  const before = await getUser(ctx.db, ctx.tenantId, id);
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, ctx.tenantId, id, { failedAttempts: 0, lockedUntil: null });
    await writeAudit(tx, ctx.actor, {
      action: 'user.unlock',
      entity: 'user',
      entityId: id,
      summary: `解锁账号：${before.username}`,
      before: { lockedUntil: before.lockedUntil },
      after: { lockedUntil: null },
    });
  });
  return getUser(ctx.db, ctx.tenantId, id);
}

export async function setRoles(ctx: RequestContext, id: string, grants: RoleGrant[]) {
  const before = await getUser(ctx.db, ctx.tenantId, id);
  if (violatesSeparationOfDuties(grants.map((g) => g.role))) throw new AppError('SEPARATION_OF_DUTIES');
  const units = new Set((await orgUnitsOfCourt(ctx)).map((u) => u.id));
  const badScope = grants.findIndex((g) => g.orgUnitId !== null && !units.has(g.orgUnitId));
  if (badScope >= 0) {
    throw new AppError('VALIDATION_FAILED', '授权范围的组织不存在', {
      issues: [{ path: `roles.${String(badScope)}.orgUnitId`, message: '授权范围的组织不存在' }],
    });
  }
  if (id === ctx.user.id) throw new AppError('CONFLICT', '不能修改自己的角色');
  const unique = [...new Map(grants.map((g) => [`${g.role}:${g.orgUnitId ?? ''}`, g])).values()];
  await ctx.db.transaction(async (tx) => {
    await repo.replaceRoleGrants(tx, ctx.tenantId, id, unique);
    // The session carries the grants at sign-in for its idle timeout; start afresh with the new ones.
    await repo.deleteSessionsOfUser(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx.actor, {
      action: 'user.roles_set',
      entity: 'user',
      entityId: id,
      summary: `调整角色：${before.username}`,
      before: before.roles,
      after: unique,
    });
  });
  return getUser(ctx.db, ctx.tenantId, id);
}

export function listRoles() {
  return {
    items: ROLE_CODES.map((code) => ({
      code,
      name: ROLES[code].name,
      description: ROLES[code].description,
      permissions: ALL_PERMISSIONS.filter((p) => ROLES[code].permissions.includes(p)).map((p) => ({
        code: p,
        name: PERMISSIONS[p],
      })),
    })),
  };
}
