/**
 * QIZHI_DEMO_PASSWORD on a database that already holds the demo court: the demo accounts (and only
 * they, in the demo court only) take that password at start, so the setting works whether or not
 * the database is new. Accounts made for real people are never touched.
 */
import { writeAudit } from '../../platform/audit.ts';
import type { Database } from '../../platform/db.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import * as repo from './users.repo.ts';

export type DemoPasswordOutcome = { court: false } | { court: true; changed: string[]; accounts: number };

export async function applyDemoPassword(
  database: Database,
  demo: { courtCode: string; usernames: readonly string[] },
  password: string,
): Promise<DemoPasswordOutcome> {
  const court = (await repo.findCourts(database.db)).find((c) => c.code === demo.courtCode);
  if (!court) return { court: false };
  const db = database.forTenant(court.id);
  const accounts = await repo.findUsersNamed(db, court.id, demo.usernames);
  const changed: string[] = [];
  const passwordHash = await hashPassword(password);
  for (const account of accounts) {
    if (await verifyPassword(account.passwordHash, password)) continue;
    await db.transaction(async (tx) => {
      await repo.updateUser(tx, court.id, account.id, {
        passwordHash,
        mustChangePassword: false,
        failedAttempts: 0,
        lockedUntil: null,
      });
      await repo.deleteSessionsOfUser(tx, court.id, account.id);
      await writeAudit(
        tx,
        { tenantId: court.id, userId: null, name: '系统', ip: null },
        {
          action: 'user.password_reset',
          entity: 'user',
          entityId: account.id,
          summary: `演示账号按 QIZHI_DEMO_PASSWORD 设置密码：${account.username}`,
        },
      );
    });
    changed.push(account.username);
  }
  return { court: true, changed, accounts: accounts.length };
}
