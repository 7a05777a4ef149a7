import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../test/fixtures.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

const wrong = (n: number) => ({ currentPassword: `Wrong@guess${String(n)}`, newPassword: 'Another@2026pass' });

describe('guessing the current password on change-password', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('locks the account as sign-in does, ends its sessions, and is audited', async () => {
    const member = await t.login('member');
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push((await member.request({ method: 'POST', url: '/api/auth/password', payload: wrong(i) })).statusCode);
    }
    expect(answers).toEqual([400, 400, 400, 400, 423]);
    expect((await member.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'member', password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(423);
    const auditor = await t.login('auditor');
    const audit = (
      await auditor.request({ method: 'GET', url: '/api/audit?action=auth.password_change_failed' })
    ).json();
    expect(audit.total).toBe(5);
  });
});

describe('the change-password rate limit', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ QIZHI_LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('is the sign-in limit per address', async () => {
    const staff = await t.login('staff');
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) {
      answers.push((await staff.request({ method: 'POST', url: '/api/auth/password', payload: wrong(i) })).statusCode);
    }
    expect(answers.at(-1)).toBe(429);
  });
});
