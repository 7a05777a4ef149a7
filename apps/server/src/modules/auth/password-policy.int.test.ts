/**
 * Issue 11 (level-3 profile): password history and expiry as court settings
 * (tenants.settings.passwordHistory, passwordMaxAgeDays).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT, TEST_PASSWORD } from '../../test/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.database.db
    .execute(sql`update tenants set settings = settings || '{"passwordHistory": 3, "passwordMaxAgeDays": 90}'::jsonb
    where id = (select tenant_id from users where username = 'member')`);
});
afterAll(async () => {
  await ctx.close();
});

function change(s: Session, currentPassword: string, newPassword: string) {
  return s.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword, newPassword } });
}

describe('password history', () => {
  it('refuses any of the last three passwords, allows the fourth back', async () => {
    const member = await ctx.login('member');
    const p = ['Qizhi@2026demo', 'Dangjian#2027a', 'Dangjian#2027b', 'Dangjian#2027c', 'Dangjian#2027d'];
    expect(p[0]).toBe(TEST_PASSWORD);
    expect((await change(member, p[0]!, p[1]!)).statusCode).toBe(200);
    const back = await change(member, p[1]!, p[0]!);
    expect(back.statusCode).toBe(400);
    expect(back.json().error.message).toContain('最近3次');
    expect((await change(member, p[1]!, p[2]!)).statusCode).toBe(200);
    expect((await change(member, p[2]!, p[3]!)).statusCode).toBe(200);
    // History now holds p2, p1, p0: p0 is still refused, then falls out after one more change.
    expect((await change(member, p[3]!, p[0]!)).statusCode).toBe(400);
    expect((await change(member, p[3]!, p[1]!)).statusCode).toBe(400);
    expect((await change(member, p[3]!, p[4]!)).statusCode).toBe(200);
    expect((await change(member, p[4]!, p[0]!)).statusCode).toBe(200);
  });
});

describe('password expiry', () => {
  it('past the maximum age, signing in opens only the change-password step, and it is audited', async () => {
    await ctx.database.db.execute(
      sql`update users set password_changed_at = now() - interval '91 days', must_change_password = false
          where username in ('clerk', ${`${OTHER_COURT.usernamePrefix}clerk`})`,
    );
    const clerk = await ctx.login('clerk');
    const me = (await clerk.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(me.user.mustChangePassword).toBe(true);
    const blocked = await clerk.request({ method: 'GET', url: '/api/members' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const auditor = await ctx.login('auditor');
    const rows = (await auditor.request({ method: 'GET', url: '/api/audit?action=auth.password_expired' })).json()
      .items;
    expect(rows.length).toBe(1);
    expect((await change(clerk, TEST_PASSWORD, 'Dangjian#2027x')).statusCode).toBe(200);
    expect((await clerk.request({ method: 'GET', url: '/api/members' })).statusCode).toBe(200);
    // The other court sets no maximum age: the same old password does not expire there.
    const fsClerk = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect((await fsClerk.request({ method: 'GET', url: '/api/members' })).statusCode).toBe(200);
  });
});
