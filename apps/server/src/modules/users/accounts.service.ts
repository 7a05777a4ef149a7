/**
 * Accounts for the people on the roster: picked by name and organisation (without the roster's
 * personal data), and made in bulk with a one-time password each — returned once, kept only as
 * an argon2id hash. Made again for the same people, nothing is created and no password returned.
 */
import {
  defaultAccountRole,
  DISABLED_REASON_LABELS,
  LEAVING_REASON_LABELS,
  type DisabledReason,
  type BulkCreateAccountsResponse,
  type CreatedAccount,
  type PersonChoice,
  type RoleCode,
} from '@qizhi/domain';
import { writeAudit, type Actor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { generateStrongPassword, hashPassword } from '../../platform/passwords.ts';
import { subtreeOf } from '../org/index.ts';
import * as accountsRepo from './accounts.repo.ts';
import * as repo from './users.repo.ts';
import { nextFreeUsername } from './usernames.ts';

/** What account making needs of a court: the web's request context or the command line's. */
export interface CourtWriter {
  db: Db;
  tenantId: string;
  actor: Actor;
}

export async function personChoices(
  court: Pick<CourtWriter, 'db' | 'tenantId'>,
  filter: { q?: string | undefined; orgUnitId?: string | undefined },
): Promise<PersonChoice[]> {
  let orgUnitIds: string[] | undefined;
  if (filter.orgUnitId) {
    orgUnitIds = await subtreeOf(court, filter.orgUnitId);
    if (orgUnitIds.length === 0) throw notFound('组织');
  }
  return accountsRepo.findPersonChoices(court.db, court.tenantId, { q: filter.q, orgUnitIds });
}

export async function bulkCreateAccounts(
  court: CourtWriter,
  personIds: readonly string[],
  roleCode: RoleCode | undefined,
): Promise<BulkCreateAccountsResponse> {
  const unique = [...new Set(personIds)];
  const skipped: BulkCreateAccountsResponse['skipped'] = [];
  const found = new Map(
    (await accountsRepo.findPeopleForAccounts(court.db, court.tenantId, unique)).map((p) => [p.id, p]),
  );
  const existing = new Map(
    (await accountsRepo.findAccountsOfPeople(court.db, court.tenantId, unique)).map((a) => [a.personId, a]),
  );
  const toCreate: { personId: string; name: string; role: RoleCode; password: string }[] = [];
  for (const personId of unique) {
    const person = found.get(personId);
    const account = existing.get(personId);
    if (!person) skipped.push({ personId, reason: '花名册中没有此人' });
    else if (person.leftOn !== null && person.leftReason !== null)
      skipped.push({
        personId,
        reason: `已于${person.leftOn}离开本院（${LEAVING_REASON_LABELS[person.leftReason]}），不新建账号`,
      });
    else if (account) skipped.push({ personId, reason: `已有账号（用户名 ${account.username}），未重复创建` });
    else
      toCreate.push({
        personId,
        name: person.name,
        role: roleCode ?? defaultAccountRole(person.status),
        password: generateStrongPassword(),
      });
  }
  // Hashing runs on the native thread pool, a few at a time.
  const hashes = await Promise.all(toCreate.map((c) => hashPassword(c.password)));
  const created: CreatedAccount[] = [];
  await court.db.transaction(async (tx) => {
    const taken = await accountsRepo.findAllUsernames(tx);
    for (const [i, c] of toCreate.entries()) {
      const username = nextFreeUsername(c.name, taken);
      const user = await repo.insertUser(tx, {
        tenantId: court.tenantId,
        username,
        displayName: c.name.slice(0, 30),
        personId: c.personId,
        passwordHash: hashes[i]!,
        mustChangePassword: true,
      });
      await repo.replaceRoleGrants(tx, court.tenantId, user.id, [{ role: c.role, orgUnitId: null }]);
      await writeAudit(tx, court.actor, {
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        summary: `按花名册批量新建账号：${username}（${c.name}）`,
        after: { username, personId: c.personId, role: c.role },
      });
      created.push({ userId: user.id, username, personId: c.personId, initialPassword: c.password });
    }
  });
  return { created, skipped };
}

/**
 * The roster's way to end a person's access when they leave the court (离职、调出) or die (去世):
 * their account is disabled with the reason and its sessions end; it is never deleted, so what it
 * did stays attributed. Returns the username disabled, if there was an enabled account.
 */
export async function disableAccountOfPerson(
  court: CourtWriter,
  personId: string,
  reason: DisabledReason,
): Promise<string | null> {
  const [account] = await accountsRepo.findAccountsOfPeople(court.db, court.tenantId, [personId]);
  if (!account || account.disabled) return null;
  await court.db.transaction(async (tx) => {
    await repo.updateUser(tx, court.tenantId, account.id, { disabled: true, disabledReason: reason });
    await repo.deleteSessionsOfUser(tx, court.tenantId, account.id);
    await writeAudit(tx, court.actor, {
      action: 'user.disable',
      entity: 'user',
      entityId: account.id,
      summary: `停用账号：${account.username}（${DISABLED_REASON_LABELS[reason]}）`,
      after: { disabled: true, disabledReason: reason },
    });
  });
  return account.username;
}
