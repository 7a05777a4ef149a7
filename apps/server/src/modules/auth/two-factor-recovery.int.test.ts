import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../test/fixtures.ts';
import { cookieFrom, createTestContext, totpCode, type Session, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let auditor: Session;
const STEP = 30_000;

beforeAll(async () => {
  ctx = await createTestContext();
  auditor = await ctx.login('auditor');
});
afterAll(() => ctx.close());

const passwordStep = (username: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
const signInWith = async (username: string, code: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/two-factor/verify',
    headers: { cookie: cookieFrom(await passwordStep(username)) },
    payload: { code },
  });

async function auditCount(action: string): Promise<number> {
  const res = await auditor.request({ method: 'GET', url: `/api/audit?action=${action}&pageSize=1` });
  return res.json<{ total: number }>().total;
}

describe('双因素登录: regenerating the recovery codes', () => {
  it('needs a current code; the old codes stop working, the new ones work once; audited', async () => {
    // The member enrols (optional for her) and keeps her first ten codes.
    const member = await ctx.login('member');
    const setup = (await member.request({ method: 'POST', url: '/api/auth/two-factor/setup' })).json<{
      secret: string;
    }>();
    ctx.clock.advance(STEP);
    const enrolled = await member.request({
      method: 'POST',
      url: '/api/auth/two-factor/setup/confirm',
      payload: { code: totpCode(setup.secret, ctx.clock.now()) },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    const oldCodes = enrolled.json<{ recoveryCodes: string[] }>().recoveryCodes;
    const url = '/api/auth/two-factor/recovery-codes';
    const before = await auditCount('auth.two_factor_recovery_regenerated');

    // 401 without a session; a wrong code is refused (and counted), a recovery code is not a confirmation.
    expect((await ctx.app.inject({ method: 'POST', url, payload: { code: '123456' } })).statusCode).toBe(401);
    ctx.clock.advance(STEP);
    const right = totpCode(setup.secret, ctx.clock.now());
    const wrong = await member.request({
      method: 'POST',
      url,
      payload: { code: right === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TWO_FACTOR_INVALID');
    const byRecovery = await member.request({ method: 'POST', url, payload: { code: oldCodes[0]! } });
    expect(byRecovery.statusCode).toBe(400);
    expect(byRecovery.json().error.message).toMatch(/动态验证码/);
    expect(await auditCount('auth.two_factor_recovery_regenerated')).toBe(before);

    const done = await member.request({ method: 'POST', url, payload: { code: right } });
    expect(done.statusCode, done.body).toBe(200);
    const newCodes = done.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(newCodes).toHaveLength(10);
    expect(newCodes.some((c) => oldCodes.includes(c))).toBe(false);
    expect(await auditCount('auth.two_factor_recovery_regenerated')).toBe(before + 1);
    // The same TOTP code cannot be used again (a replay).
    expect((await member.request({ method: 'POST', url, payload: { code: right } })).statusCode).toBe(401);
    const status = await member.request({ method: 'GET', url: '/api/auth/two-factor' });
    expect(status.json()).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });

    // Old codes are dead at sign-in; a new one works once.
    for (const old of oldCodes.slice(1, 3)) {
      const res = await signInWith('member', old);
      expect(res.json().error.code).toBe('TWO_FACTOR_INVALID');
    }
    expect((await signInWith('member', newCodes[0]!)).statusCode).toBe(200);
    expect((await signInWith('member', newCodes[0]!)).json().error.code).toBe('TWO_FACTOR_INVALID');
    // The failed attempts above must not lock her out of the next right code.
    expect((await signInWith('member', newCodes[1]!)).statusCode).toBe(200);
  });

  it('an account without a second factor has nothing to regenerate (409)', async () => {
    const staff = await ctx.login('staff');
    const res = await staff.request({
      method: 'POST',
      url: '/api/auth/two-factor/recovery-codes',
      payload: { code: '123456' },
    });
    expect(res.statusCode).toBe(409);
  });
});
