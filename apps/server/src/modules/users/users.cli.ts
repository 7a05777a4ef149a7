/**
 * What the operator's command line (apps/server/src/cli.ts) does to accounts, with no one signed in:
 * every change is audited under the command line's name.
 */
import type { RoleCode } from '@qizhi/domain';
import { writeAudit, type Actor } from '../../platform/audit.ts';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { generateStrongPassword, hashPassword } from '../../platform/passwords.ts';
import * as repo from './users.repo.ts';

const cliActor = (tenantId: string): Actor => ({ tenantId, userId: null, name: '运维命令行', ip: null });

async function accountNamed(database: Database, username: string): Promise<repo.UserRow> {
  const user = await repo.findUserByUsername(database.db, username);
  if (!user) throw new AppError('NOT_FOUND', `没有用户名为“${username}”的账号`);
  return user;
}

/** A new court-wide account with a one-time password; `courtCode` may be left out when there is one court. */
export async function createAccountFromCli(
  database: Database,
  input: { username: string; displayName: string; role: RoleCode; courtCode: string | undefined },
): Promise<{ courtName: string; password: string }> {
  const courts = await repo.findCourts(database.db);
  const court = input.courtCode
    ? courts.find((c) => c.code === input.courtCode)
    : courts.length === 1
      ? courts[0]
      : undefined;
  if (!court)
    throw new AppError(
      'VALIDATION_FAILED',
      courts.length === 0 ? '数据库中还没有法院' : `请用 --court 指定法院代码：${courts.map((c) => c.code).join(', ')}`,
    );
  const password = generateStrongPassword();
  const passwordHash = await hashPassword(password);
  await database.db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      tenantId: court.id,
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      mustChangePassword: true,
    });
    await repo.replaceRoleGrants(tx, court.id, user.id, [{ role: input.role, orgUnitId: null }]);
    await writeAudit(tx, cliActor(court.id), {
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      summary: `命令行新建账号：${input.username}（${input.role}）`,
    });
  });
  return { courtName: court.name, password };
}

/** A one-time password the account must change at the next sign-in; a lockout ends with it. */
export async function resetPasswordFromCli(
  database: Database,
  username: string,
): Promise<{ username: string; password: string }> {
  const user = await accountNamed(database, username);
  const password = generateStrongPassword();
  const passwordHash = await hashPassword(password);
  await database.db.transaction(async (tx) => {
    await repo.setTemporaryPassword(tx, user.tenantId, user.id, passwordHash);
    await writeAudit(tx, cliActor(user.tenantId), {
      action: 'user.password_reset',
      entity: 'user',
      entityId: user.id,
      summary: `命令行重置密码：${user.username}`,
    });
  });
  return { username: user.username, password };
}

export async function unlockFromCli(database: Database, username: string): Promise<{ username: string }> {
  const user = await accountNamed(database, username);
  await database.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.tenantId, user.id, { failedAttempts: 0, lockedUntil: null });
    await writeAudit(tx, cliActor(user.tenantId), {
      action: 'user.unlock',
      entity: 'user',
      entityId: user.id,
      summary: `命令行解锁账号：${user.username}`,
    });
  });
  return { username: user.username };
}
