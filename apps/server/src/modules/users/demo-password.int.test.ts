import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../../seed/demo-court.ts';
import { TEST_PASSWORD } from '../../test/fixtures.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { applyDemoPassword } from './demo-password.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const NEW_DEMO_PASSWORD = 'Anze#Demo2027';

describe('QIZHI_DEMO_PASSWORD on a database that already has the demo court', () => {
  it('gives the demo accounts that password, and no other account', async () => {
    const admin = await ctx.login('admin');
    const other = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'real.person', displayName: '真实用户' },
    });
    const otherPassword = other.json().temporaryPassword as string;

    const outcome = await applyDemoPassword(ctx.database, demoAccounts(), NEW_DEMO_PASSWORD);
    expect(outcome).toMatchObject({ court: true });
    expect(outcome.court && outcome.changed).toEqual(expect.arrayContaining(['admin', 'secretary', 'member']));
    expect(outcome.court && outcome.changed).not.toContain('real.person');
    // Another court's accounts (fs-admin …) keep theirs.
    await expect(ctx.login('fs-admin', TEST_PASSWORD)).resolves.toBeDefined();
    await expect(ctx.login('secretary', NEW_DEMO_PASSWORD)).resolves.toBeDefined();
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'real.person', password: otherPassword },
    });
    expect(login.statusCode).toBe(200);

    // At the next start nothing is left to change.
    const again = await applyDemoPassword(ctx.database, demoAccounts(), NEW_DEMO_PASSWORD);
    expect(again.court && again.changed).toEqual([]);
    expect(await applyDemoPassword(ctx.database, { courtCode: 'nowhere', usernames: ['admin'] }, 'x')).toEqual({
      court: false,
    });
  });
});
