import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema/index.ts';
import { cookieFrom, createTestContext, type TestContext } from '../../test/harness.ts';
import { TEST_PASSWORD } from '../../test/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('answers the user and a CSRF token with an httpOnly session cookie', async () => {
    // The clerk is an officer: the password step, then the second factor (双因素登录) opens the session.
    const res = await ctx.secondFactor(await login('clerk', TEST_PASSWORD));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.username).toBe('clerk');
    expect(body.user.tenantName).toBe('安泽县人民法院');
    expect(typeof body.csrfToken).toBe('string');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/qizhi_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('gives the same answer for a wrong password and an unknown username', async () => {
    const wrong = await login('member', 'Wrong-password-1');
    const unknown = await login('nobody-here', 'Wrong-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rejects malformed bodies with 400 and a Chinese message, never 500', async () => {
    const cases = [
      { payload: '{"username":', headers: { 'content-type': 'application/json' } },
      { payload: { username: 123, password: true } },
      { payload: { username: 'a', password: 'b', extra: 1 } },
      { payload: { username: 'x'.repeat(100_000), password: 'b' } },
      { payload: {} },
    ];
    for (const c of cases) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', ...c });
      expect(res.statusCode, JSON.stringify(c.payload).slice(0, 50)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('locks the account after 5 consecutive failures, refuses the right password, and a security admin unlocks it', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('staff', 'Wrong-password-1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const refused = await login('staff', TEST_PASSWORD);
    expect(refused.statusCode).toBe(423);
    expect(refused.json().error.code).toBe('ACCOUNT_LOCKED');

    const secadmin = await ctx.login('secadmin');
    const users = (await secadmin.request({ method: 'GET', url: '/api/users?q=staff' })).json();
    const staff = users.items.find((u: { username: string }) => u.username === 'staff');
    expect(staff.locked).toBe(true);
    const unlock = await secadmin.request({ method: 'POST', url: `/api/users/${staff.id}/unlock` });
    expect(unlock.statusCode).toBe(200);
    expect((await login('staff', TEST_PASSWORD)).statusCode).toBe(200);

    const auditor = await ctx.login('auditor');
    const audit = (await auditor.request({ method: 'GET', url: '/api/audit?action=auth.lockout' })).json();
    expect(audit.items.some((e: { summary: string }) => e.summary.includes('staff'))).toBe(true);
  });

  it('locks unknown usernames alike, so a 423 does not tell that an account exists', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await login('ghost-user', 'Wrong-password-1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423, 423]);
  });
});

describe('session', () => {
  it('GET /api/auth/me returns user, roles, permissions and the CSRF token; 401 without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const s = await ctx.login('secretary');
    const me = (await s.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(me.user.username).toBe('secretary');
    expect(me.roles).toEqual([{ role: 'secretary', orgUnitId: expect.any(String) }]);
    expect(me.permissions).toContain('people.manage');
    expect(me.csrfToken).toBe(s.csrfToken);
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const s = await ctx.login('clerk');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('logout ends the session on the server', async () => {
    const s = await ctx.login('leader');
    expect((await s.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    const after = await s.request({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
  });

  it('ends a session idle past the timeout, and one past its absolute lifetime', async () => {
    const s = await ctx.login('clerk');
    const tokenHash = createHash('sha256').update(s.cookie.split('=')[1]!).digest('hex');
    await ctx.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.tokenHash, tokenHash));
    const idle = await s.request({ method: 'GET', url: '/api/auth/me' });
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('SESSION_EXPIRED');

    const t = await ctx.login('clerk');
    const tHash = createHash('sha256').update(t.cookie.split('=')[1]!).digest('hex');
    await ctx.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.tokenHash, tHash));
    expect((await t.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('gives administrators the shorter idle timeout', async () => {
    const admin = await ctx.login('admin');
    const tokenHash = createHash('sha256').update(admin.cookie.split('=')[1]!).digest('hex');
    const [row] = await ctx.database.db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
    expect(row!.idleSeconds).toBe(15 * 60);
    await ctx.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 16 * 60_000) })
      .where(eq(sessions.tokenHash, tokenHash));
    expect((await admin.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('a forged cookie is not a session', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'qizhi_session=forged' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('a new account must change its initial password before anything else, under the policy', async () => {
    const admin = await ctx.login('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'newclerk', displayName: '新干事' },
    });
    expect(created.statusCode).toBe(201);
    const { temporaryPassword } = created.json();
    const first = await login('newclerk', temporaryPassword);
    expect(first.statusCode).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
    const cookie = cookieFrom(first);
    const csrf = first.json().csrfToken;
    const blocked = await ctx.app.inject({ method: 'GET', url: '/api/org-units', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const change = (newPassword: string, currentPassword = temporaryPassword) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: { currentPassword, newPassword },
      });
    expect((await change('short1A')).json().error.code).toBe('WEAK_PASSWORD');
    expect((await change('alllowercase1')).json().error.code).toBe('WEAK_PASSWORD');
    expect((await change('Newclerk-2026')).json().error.code).toBe('WEAK_PASSWORD');
    expect((await change('Password123')).json().error.code).toBe('WEAK_PASSWORD');
    expect((await change('Good-Pass-2026', 'not-the-current')).json().error.code).toBe('WRONG_PASSWORD');
    expect((await change('Good-Pass-2026')).statusCode).toBe(200);
    expect((await login('newclerk', 'Good-Pass-2026')).json().user.mustChangePassword).toBe(false);
  });
});

describe('rate limit', () => {
  it('limits sign-in attempts per address', async () => {
    const limited = await createTestContext({ QIZHI_LOGIN_RATE_LIMIT: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: 'member', password: 'x' },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const last = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'member', password: 'x' },
      });
      expect(last.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
