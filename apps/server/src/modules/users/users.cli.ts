/**
 * What the operator's command line (apps/server/src/cli.ts) does to accounts, with no one signed in:
 * every change is audited under the command line's name.
 */
import { defaultAccountRole, type RoleCode } from '@qizhi/domain';
import { writeAudit, type Actor } from '../../platform/audit.ts';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { generateStrongPassword, hashPassword } from '../../platform/passwords.ts';
import { accountSlipsWorkbook } from './account-slips.ts';
import * as accountsRepo from './accounts.repo.ts';
import { bulkCreateAccounts, personChoices } from './accounts.service.ts';
import * as repo from './users.repo.ts';

const cliActor = (tenantId: string): Actor => ({ tenantId, userId: null, name: '运维命令行', ip: null });

async function accountNamed(database: Database, username: string): Promise<repo.UserRow> {
  // Names are unique across courts: the court first (migration 0028), then its own handle.
  const court = await database.courtOf('account', username);
  const user = court ? await repo.findUserByUsername(database.forTenant(court), username) : undefined;
  if (!user) throw new AppError('NOT_FOUND', `没有用户名为“${username}”的账号`);
  return user;
}

async function courtFor(database: Database, courtCode: string | undefined): Promise<repo.CourtRow> {
  const courts = await repo.findCourts(database.db);
  const court = courtCode ? courts.find((c) => c.code === courtCode) : courts.length === 1 ? courts[0] : undefined;
  if (!court)
    throw new AppError(
      'VALIDATION_FAILED',
      courts.length === 0 ? '数据库中还没有法院' : `请用 --court 指定法院代码：${courts.map((c) => c.code).join(', ')}`,
    );
  return court;
}

async function personFor(database: Database, courtId: string, personId: string) {
  const [person] = await accountsRepo.findPeopleForAccounts(database.forTenant(courtId), courtId, [personId]);
  if (!person) throw new AppError('NOT_FOUND', `花名册中没有编号为 ${personId} 的人员`);
  if (person.leftOn) throw new AppError('CONFLICT', `${person.name}已于${person.leftOn}离开本院，不新建账号`);
  return person;
}

/**
 * A new court-wide account with a one-time password; `courtCode` may be left out when there is one
 * court. With `personId` the account belongs to that roster person: named after them, and with the
 * member role for party members (干警 for everyone else, `defaultAccountRole`) unless a role is given.
 */
export async function createAccountFromCli(
  database: Database,
  input: {
    username: string;
    displayName: string | undefined;
    role: RoleCode | undefined;
    personId: string | undefined;
    courtCode: string | undefined;
  },
): Promise<{ courtName: string; password: string; role: RoleCode; personName: string | null }> {
  const court = await courtFor(database, input.courtCode);
  const person = input.personId ? await personFor(database, court.id, input.personId) : null;
  if (person) {
    const [existing] = await accountsRepo.findAccountsOfPeople(database.forTenant(court.id), court.id, [person.id]);
    if (existing) throw new AppError('CONFLICT', `${person.name}已有账号（用户名 ${existing.username}）`);
  }
  const role = input.role ?? (person ? defaultAccountRole(person.status) : undefined);
  if (!role) throw new AppError('VALIDATION_FAILED', '请用 --role 指定角色，或用 --person 关联花名册人员');
  const displayName = input.displayName ?? person?.name ?? input.username;
  const password = generateStrongPassword();
  const passwordHash = await hashPassword(password);
  await database.forTenant(court.id).transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      tenantId: court.id,
      username: input.username,
      displayName: displayName.slice(0, 30),
      personId: person?.id ?? null,
      passwordHash,
      mustChangePassword: true,
    });
    await repo.replaceRoleGrants(tx, court.id, user.id, [{ role, orgUnitId: null }]);
    await writeAudit(tx, cliActor(court.id), {
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      summary: `命令行新建账号：${input.username}（${role}${person ? `，${person.name}` : ''}）`,
    });
  });
  return { courtName: court.name, password, role, personName: person?.name ?? null };
}

/**
 * Accounts for everyone on the roster of an organisation (and below it) or of the whole court, and
 * the officer's .xlsx of their one-time passwords (`orgUnitId` 'all': the whole court). People who
 * have an account are left as they are.
 */
export async function createAccountsFromCli(
  database: Database,
  input: { orgUnitId: string; courtCode: string | undefined; signInUrl: string },
): Promise<{
  courtName: string;
  created: number;
  skipped: { personId: string; reason: string }[];
  xlsx: Buffer | null;
}> {
  const court = await courtFor(database, input.courtCode);
  const writer = { db: database.forTenant(court.id), tenantId: court.id, actor: cliActor(court.id) };
  const people = await personChoices(writer, { orgUnitId: input.orgUnitId === 'all' ? undefined : input.orgUnitId });
  if (people.length === 0) throw new AppError('NOT_FOUND', '该组织下没有人员');
  const result = await bulkCreateAccounts(
    writer,
    people.map((p) => p.id),
    undefined,
  );
  const xlsx = result.created.length > 0 ? await accountSlipsWorkbook(writer, result.created, input.signInUrl) : null;
  return { courtName: court.name, created: result.created.length, skipped: result.skipped, xlsx };
}

/** A one-time password the account must change at the next sign-in; a lockout ends with it. */
export async function resetPasswordFromCli(
  database: Database,
  username: string,
): Promise<{ username: string; password: string }> {
  const user = await accountNamed(database, username);
  const password = generateStrongPassword();
  const passwordHash = await hashPassword(password);
  await database.forTenant(user.tenantId).transaction(async (tx) => {
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
  await database.forTenant(user.tenantId).transaction(async (tx) => {
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
