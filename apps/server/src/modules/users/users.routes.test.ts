import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtToday } from '@qizhi/domain';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let admin: Session;
let secadmin: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  secadmin = await ctx.login('secadmin');
});
afterAll(async () => {
  await ctx.close();
});

describe('user accounts', () => {
  it('the system administrator creates an account, resets its password and disables it; sessions end', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'zhang.wei', displayName: '张伟' },
    });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = created.json();
    expect(user.mustChangePassword).toBe(true);
    expect(temporaryPassword).toMatch(/^.{14}$/);
    expect(
      (
        await admin.request({
          method: 'POST',
          url: '/api/users',
          payload: { username: 'ZHANG.WEI', displayName: '重名' },
        })
      ).json().error.code,
    ).toBe('DUPLICATE_USERNAME');
    expect(
      (await admin.request({ method: 'POST', url: '/api/users', payload: { username: '张伟', displayName: '张伟' } }))
        .statusCode,
    ).toBe(400);

    const reset = await admin.request({ method: 'POST', url: `/api/users/${user.id}/reset-password` });
    expect(reset.json().temporaryPassword).not.toBe(temporaryPassword);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhang.wei', password: reset.json().temporaryPassword },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;

    const disabled = await admin.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { disabled: true },
    });
    expect(disabled.json().disabled).toBe(true);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhang.wei', password: reset.json().temporaryPassword },
    });
    expect(refused.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('the security administrator grants scoped roles; grants outside the court are refused', async () => {
    const users = (await secadmin.request({ method: 'GET', url: '/api/users?pageSize=100' })).json().items;
    const staff = users.find((u: { username: string }) => u.username === 'staff');
    const bad = await secadmin.request({
      method: 'PUT',
      url: `/api/users/${staff.id}/roles`,
      payload: { roles: [{ role: 'cell_leader', orgUnitId: '00000000-0000-4000-8000-000000000000' }] },
    });
    expect(bad.statusCode).toBe(400);
    const unknownRole = await secadmin.request({
      method: 'PUT',
      url: `/api/users/${staff.id}/roles`,
      payload: { roles: [{ role: 'emperor', orgUnitId: null }] },
    });
    expect(unknownRole.statusCode).toBe(400);
    const ok = await secadmin.request({
      method: 'PUT',
      url: `/api/users/${staff.id}/roles`,
      payload: {
        roles: [
          { role: 'staff', orgUnitId: null },
          { role: 'staff', orgUnitId: null },
        ],
      },
    });
    expect(ok.json().roles).toEqual([{ role: 'staff', orgUnitId: null }]);
    const self = users.find((u: { username: string }) => u.username === 'secadmin');
    expect(
      (await secadmin.request({ method: 'PUT', url: `/api/users/${self.id}/roles`, payload: { roles: [] } }))
        .statusCode,
    ).toBe(409);
  });

  it('lists roles with their permissions in Chinese', async () => {
    const roles = (await admin.request({ method: 'GET', url: '/api/roles' })).json().items;
    const auditor = roles.find((r: { code: string }) => r.code === 'auditor');
    expect(auditor.name).toBe('审计管理员');
    // The audit log, and the API's documentation every administrator reads (api.docs, issue 8).
    expect(auditor.permissions).toEqual([
      { code: 'audit.read', name: '查看审计日志' },
      { code: 'api.docs', name: '查看接口文档（OpenAPI）' },
    ]);
  });
});

describe('audit log', () => {
  it('is append-only at the database', async () => {
    await expect(ctx.database.db.execute(`update audit_log set summary = 'x'`)).rejects.toThrow();
  });

  it('filters by action, actor and Shanghai calendar days, and validates dates', async () => {
    const auditor = await ctx.login('auditor');
    const today = courtToday();
    const res = (
      await auditor.request({ method: 'GET', url: `/api/audit?action=auth.login&from=${today}&to=${today}` })
    ).json();
    expect(res.total).toBeGreaterThan(0);
    expect(res.items.every((e: { action: string }) => e.action.startsWith('auth.login'))).toBe(true);
    expect(res.items[0]).toMatchObject({ ip: expect.any(String), actorName: expect.any(String) });
    expect((await auditor.request({ method: 'GET', url: '/api/audit?from=2026-13-01' })).statusCode).toBe(400);
  });
});

describe('a change that changes nothing', () => {
  it('a disabling reason without disabling is a 400, not a 500 (found by the route fuzzer)', async () => {
    const users = (await admin.request({ method: 'GET', url: '/api/users?pageSize=100' })).json();
    const staff = users.items.find((u: { username: string }) => u.username === 'staff');
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/users/${staff.id}`,
      payload: { disabledReason: 'other' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/没有要修改的内容/),
    });
  });
});
