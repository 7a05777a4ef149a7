import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';

describe('三员分立 cannot be bypassed', () => {
  let t: TestContext;
  let admin: Session;
  let secadmin: Session;
  const idOf = async (username: string): Promise<string> =>
    (await admin.request({ method: 'GET', url: `/api/users?q=${username}` }))
      .json()
      .items.find((u: { username: string }) => u.username === username).id;
  beforeAll(async () => {
    t = await createTestContext();
    [admin, secadmin] = await Promise.all([t.login('admin'), t.login('secadmin')]);
  });
  afterAll(() => t.close());

  it('never hands an administrator a one-time password of another administrator', async () => {
    for (const username of ['secadmin', 'auditor']) {
      const res = await admin.request({ method: 'POST', url: `/api/users/${await idOf(username)}/reset-password` });
      expect(res.statusCode, username).toBe(409);
      expect(res.json().error.code).toBe('ADMIN_RESET_OUT_OF_BAND');
      expect(res.body).not.toMatch(/temporaryPassword/);
    }
    const clerk = await admin.request({ method: 'POST', url: `/api/users/${await idOf('clerk')}/reset-password` });
    expect(clerk.statusCode).toBe(200);
  });

  it('refuses an administrator role beside a business role on one account', async () => {
    const res = await secadmin.request({
      method: 'PUT',
      url: `/api/users/${await idOf('clerk')}/roles`,
      payload: {
        roles: [
          { role: 'clerk', orgUnitId: null },
          { role: 'auditor', orgUnitId: null },
        ],
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SEPARATION_OF_DUTIES');
  });
});
