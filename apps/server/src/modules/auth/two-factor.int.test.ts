import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { tenants, twoFactor } from '../../db/schema/index.ts';
import { DEMO_TWO_FACTOR_SECRET } from '../../seed/demo-two-factor.ts';
import { OTHER_COURT, TEST_PASSWORD } from '../../test/fixtures.ts';
import { cookieFrom, createTestContext, totpCode, type Session, type TestContext } from '../../test/harness.ts';
import { resetTwoFactorFromCli } from './two-factor.service.ts';

let ctx: TestContext;
let auditor: Session;
let secadmin: Session;
const STEP = 30_000;

beforeAll(async () => {
  ctx = await createTestContext();
  [auditor, secadmin] = [await ctx.login('auditor'), await ctx.login('secadmin')];
});
afterAll(() => ctx.close());

const passwordStep = (username: string, password = TEST_PASSWORD) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const second = (step: LightMyRequestResponse, code: string, path = 'verify') =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/auth/two-factor/${path}`,
    headers: { cookie: cookieFrom(step) },
    payload: { code },
  });
const demoCode = (ms: number) => totpCode(DEMO_TWO_FACTOR_SECRET, ms);

async function auditCount(action: string): Promise<number> {
  const res = await auditor.request({ method: 'GET', url: `/api/audit?action=${action}&pageSize=1` });
  return res.json<{ total: number }>().total;
}

async function userIdOf(session: Session): Promise<string> {
  return (await session.request({ method: 'GET', url: '/api/auth/me' })).json<{ user: { id: string } }>().user.id;
}

async function idOf(username: string): Promise<string> {
  const page = (await secadmin.request({ method: 'GET', url: `/api/users?q=${username}&pageSize=50` })).json<{
    items: { id: string; username: string }[];
  }>();
  return page.items.find((u) => u.username === username)!.id;
}

describe('双因素登录: the second step', () => {
  it('after the password there is no session, and nothing but the second step answers', async () => {
    const step = await passwordStep('clerk');
    expect(step.statusCode).toBe(200);
    expect(step.json()).toMatchObject({ secondFactor: 'verify' });
    expect(step.json().user).toBeUndefined();
    const setCookie = String(step.headers['set-cookie']);
    expect(setCookie).not.toMatch(/qizhi_session=/);
    expect(setCookie).toMatch(/qizhi_2fa=.*Path=\/api\/auth\/two-factor/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const challenge = cookieFrom(step);
    const token = challenge.split('=')[1]!;
    // The half-signed-in cookie opens no API, even presented as a session cookie.
    for (const cookie of [challenge, `qizhi_session=${token}`]) {
      for (const url of ['/api/auth/me', '/api/members', '/api/auth/two-factor', '/api/users']) {
        const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie } });
        expect(res.statusCode, `${url} with ${cookie.slice(0, 12)}`).toBe(401);
      }
      const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
      expect(out.statusCode).toBe(401);
    }
    // The enrolment routes are not a way round it for an enrolled account.
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/auth/two-factor/enrolment', headers: { cookie: challenge } }))
        .statusCode,
    ).toBe(401);

    ctx.clock.advance(STEP);
    const done = await second(step, demoCode(ctx.clock.now()));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user.username).toBe('clerk');
    expect(String(done.headers['set-cookie'])).toMatch(/qizhi_session=/);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieFrom(done) } });
    expect(me.statusCode).toBe(200);
    // The challenge is spent with the sign-in.
    ctx.clock.advance(STEP);
    const again = await second(step, demoCode(ctx.clock.now()));
    expect(again.json().error.code).toBe('TWO_FACTOR_STEP_EXPIRED');
  });

  it('a step more than five minutes old is over', async () => {
    const step = await passwordStep('leader');
    await ctx.database.db.execute(
      sql`update two_factor_challenges set expires_at = now() - interval '1 second' where user_id = (select id from users where username = 'leader')`,
    );
    ctx.clock.advance(STEP);
    const late = await second(step, demoCode(ctx.clock.now()));
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('TWO_FACTOR_STEP_EXPIRED');
  });

  it('accepts ±1 step, not ±2, and each step once: a replayed or older code is refused', async () => {
    // Frozen in the middle of a step, so the edges are exact.
    const t = Math.floor(ctx.clock.now() / STEP) + 100;
    ctx.clock.freeze(t * STEP + 15_000);
    const at = (k: number) => demoCode((t + k) * STEP);
    const signIn = async (code: string) => second(await passwordStep('secretary'), code);

    expect((await signIn(at(-2))).json().error.code).toBe('TWO_FACTOR_INVALID');
    expect((await signIn(at(2))).json().error.code).toBe('TWO_FACTOR_INVALID');
    expect((await signIn(at(-1))).statusCode).toBe(200);
    const replay = await signIn(at(-1));
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('TWO_FACTOR_INVALID');
    expect((await signIn(at(1))).statusCode).toBe(200);
    // Step t is later than t-1 but earlier than t+1, already taken: refused too.
    expect((await signIn(at(0))).json().error.code).toBe('TWO_FACTOR_INVALID');
    // The window moves on: t+1 is now t's past, t+2 is fresh.
    ctx.clock.advance(STEP);
    expect((await signIn(at(2))).statusCode).toBe(200);
    ctx.clock.freeze(Date.now());
    ctx.clock.advance(10 * STEP);
  });

  it('wrong codes count toward the password lockout, and are audited', async () => {
    const failedBefore = await auditCount('auth.two_factor_failed');
    const lockoutsBefore = await auditCount('auth.lockout');
    // Two wrong passwords, then three wrong codes after right passwords: the fifth failure locks.
    for (let i = 0; i < 2; i++) expect((await passwordStep('leader', 'Wrong-password-1')).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) {
      const res = await second(await passwordStep('leader'), '000000');
      expect(res.json().error.code).toBe('TWO_FACTOR_INVALID');
    }
    const locking = await second(await passwordStep('leader'), '000000');
    expect(locking.statusCode).toBe(423);
    expect((await passwordStep('leader')).statusCode).toBe(423);
    expect(await auditCount('auth.two_factor_failed')).toBe(failedBefore + 3);
    expect(await auditCount('auth.lockout')).toBe(lockoutsBefore + 1);
    const leaderId = await idOf('leader');
    expect((await secadmin.request({ method: 'POST', url: `/api/users/${leaderId}/unlock` })).statusCode).toBe(200);
    // A right code after the unlock signs in and clears the count.
    expect((await ctx.login('leader')).csrfToken).toBeTruthy();
  });
});

describe('enrolment and recovery codes', () => {
  it('a member may enrol (optional): QR secret, first code, ten recovery codes shown once, each usable once', async () => {
    const member = await ctx.login('member');
    const status = await member.request({ method: 'GET', url: '/api/auth/two-factor' });
    expect(status.json()).toMatchObject({ enrolled: false, required: false });
    const setup = (await member.request({ method: 'POST', url: '/api/auth/two-factor/setup' })).json();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.uri).toContain(`secret=${setup.secret}`);
    // A wrong first code does not enrol.
    const wrong = await member.request({
      method: 'POST',
      url: '/api/auth/two-factor/setup/confirm',
      payload: { code: '123456' === totpCode(setup.secret, ctx.clock.now()) ? '654321' : '123456' },
    });
    expect(wrong.statusCode).toBe(401);
    ctx.clock.advance(STEP);
    const confirm = await member.request({
      method: 'POST',
      url: '/api/auth/two-factor/setup/confirm',
      payload: { code: totpCode(setup.secret, ctx.clock.now()) },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const codes: string[] = confirm.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    // Never returned again, nor stored in the clear.
    const after = await member.request({ method: 'GET', url: '/api/auth/two-factor' });
    expect(after.json()).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    expect(after.body).not.toContain(setup.secret);
    const stored = await ctx.database.db
      .select()
      .from(twoFactor)
      .where(eq(twoFactor.userId, await userIdOf(member)));
    expect(stored[0]!.secretEnc).not.toContain(setup.secret);
    const dump = JSON.stringify(
      await ctx.database.db.execute(
        sql`select * from two_factor_recovery_codes where user_id = ${await userIdOf(member)}`,
      ),
    );
    for (const c of codes) expect(dump).not.toContain(c.replace('-', ''));
    // A second setup while enrolled is refused.
    expect((await member.request({ method: 'POST', url: '/api/auth/two-factor/setup' })).statusCode).toBe(409);

    // Now signing in asks for the second factor; a recovery code (any case, with or without the dash) works once.
    const usedBefore = await auditCount('auth.two_factor_recovery_used');
    const first = await second(await passwordStep('member'), codes[0]!.toUpperCase().replace('-', ' '));
    expect(first.statusCode, first.body).toBe(200);
    const reuse = await second(await passwordStep('member'), codes[0]!);
    expect(reuse.json().error.code).toBe('TWO_FACTOR_INVALID');
    expect(await auditCount('auth.two_factor_recovery_used')).toBe(usedBefore + 1);
    const session = { cookie: cookieFrom(first), csrf: first.json().csrfToken as string };
    const left = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/two-factor',
      headers: { cookie: session.cookie },
    });
    expect(left.json().recoveryCodesLeft).toBe(9);

    // Optional, so the member may turn it off with a current code (audited).
    const disabledBefore = await auditCount('auth.two_factor_disabled');
    ctx.clock.advance(STEP);
    const off = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/disable',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { code: totpCode(setup.secret, ctx.clock.now()) },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(await auditCount('auth.two_factor_disabled')).toBe(disabledBefore + 1);
    expect((await passwordStep('member')).json().user.username).toBe('member');
  });
});

describe('the required set', () => {
  it('administrators and officers must; others need not; a required account cannot turn it off', async () => {
    for (const username of ['admin', 'secadmin', 'auditor', 'leader', 'secretary', 'clerk']) {
      expect((await passwordStep(username)).json().secondFactor, username).toBe('verify');
    }
    for (const username of ['member', 'staff']) {
      expect((await passwordStep(username)).json().user?.username, username).toBe(username);
    }
    const clerk = await ctx.login('clerk');
    ctx.clock.advance(STEP);
    const off = await clerk.request({
      method: 'POST',
      url: '/api/auth/two-factor/disable',
      payload: { code: demoCode(ctx.clock.now()) },
    });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.code).toBe('TWO_FACTOR_REQUIRED');
  });

  it('a required account without it is sent to enrol right after the password and reaches nothing else', async () => {
    const enrolBefore = await auditCount('auth.two_factor_enrolment_required');
    // The court's setting adds 干警 to the required set.
    await ctx.database.db
      .update(tenants)
      .set({
        settings: sql`settings || '{"twoFactorRequiredRoles":["sysadmin","secadmin","auditor","leader","secretary","clerk","staff"]}'::jsonb`,
      })
      .where(eq(tenants.code, 'anze'));
    try {
      const step = await passwordStep('staff');
      expect(step.json()).toMatchObject({ secondFactor: 'enrol' });
      const cookie = cookieFrom(step);
      expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
      expect((await second(step, '123456')).json().error.code).toBe('TWO_FACTOR_STEP_EXPIRED');
      const setup = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/two-factor/enrolment',
        headers: { cookie },
      });
      expect(setup.statusCode).toBe(200);
      ctx.clock.advance(STEP);
      const done = await second(step, totpCode(setup.json().secret, ctx.clock.now()), 'enrolment/confirm');
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().user.username).toBe('staff');
      expect(done.json().recoveryCodes).toHaveLength(10);
      expect(await auditCount('auth.two_factor_enrolment_required')).toBe(enrolBefore + 1);
      expect(await auditCount('auth.two_factor_enrolled')).toBeGreaterThanOrEqual(1);
    } finally {
      await ctx.database.db
        .update(tenants)
        .set({ settings: sql`settings - 'twoFactorRequiredRoles'` })
        .where(eq(tenants.code, 'anze'));
    }
  });
});

describe('resetting someone’s second factor', () => {
  it('the 安全管理员 resets a non-administrator’s; an administrator’s only out of band (409)', async () => {
    const clerkId = await idOf('clerk');
    const clerk = await ctx.login('clerk');
    for (const username of ['admin', 'auditor']) {
      const res = await secadmin.request({
        method: 'POST',
        url: `/api/users/${await idOf(username)}/two-factor/reset`,
      });
      expect(res.statusCode, username).toBe(409);
      expect(res.json().error.code).toBe('ADMIN_RESET_OUT_OF_BAND');
    }
    // 401 without a session, 403 without roles.assign, 404 for another court's account.
    expect((await ctx.app.inject({ method: 'POST', url: `/api/users/${clerkId}/two-factor/reset` })).statusCode).toBe(
      401,
    );
    const admin = await ctx.login('admin');
    expect((await admin.request({ method: 'POST', url: `/api/users/${clerkId}/two-factor/reset` })).statusCode).toBe(
      403,
    );
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect(
      (await secadmin.request({ method: 'POST', url: `/api/users/${await userIdOf(other)}/two-factor/reset` }))
        .statusCode,
    ).toBe(404);
    expect((await secadmin.request({ method: 'POST', url: '/api/users/not-a-uuid/two-factor/reset' })).statusCode).toBe(
      400,
    );

    const before = await auditCount('user.two_factor_reset');
    const reset = await secadmin.request({ method: 'POST', url: `/api/users/${clerkId}/two-factor/reset` });
    expect(reset.statusCode).toBe(200);
    expect(await auditCount('user.two_factor_reset')).toBe(before + 1);
    // Her sessions ended; the next sign-in enrols anew (required).
    expect((await clerk.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await passwordStep('clerk')).json().secondFactor).toBe('enrol');
    await ctx.login('clerk');
  });

  it('the CLI resets an administrator’s (reset-two-factor), audited', async () => {
    const before = await auditCount('user.two_factor_reset');
    const admin = await ctx.login('admin');
    const result = await resetTwoFactorFromCli(ctx.database, 'admin');
    expect(result).toEqual({ username: 'admin', had: true });
    expect(await auditCount('user.two_factor_reset')).toBe(before + 1);
    // Her sessions end; the next sign-in binds a new authenticator (required of administrators).
    expect((await admin.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await passwordStep('admin')).json().secondFactor).toBe('enrol');
  });
});
