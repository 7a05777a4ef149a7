import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '@qizhi/domain';
import { createTestContext, type Session, type TestContext } from '../test/harness.ts';
import { DEMO_USERNAMES, OTHER_COURT, type DemoUsername } from '../test/fixtures.ts';

let ctx: TestContext;
const sessions = {} as Record<DemoUsername, Session>;
beforeAll(async () => {
  ctx = await createTestContext();
  for (const u of DEMO_USERNAMES) sessions[u] = await ctx.login(u);
});
afterAll(async () => {
  await ctx.close();
});

const PUBLIC_ROUTES = [
  'GET /api/health',
  'POST /api/auth/login',
  // 双因素登录's second step: opened by its own short-lived cookie, never by a session (two-factor.int.test.ts).
  'POST /api/auth/two-factor/verify',
  'POST /api/auth/two-factor/enrolment',
  'POST /api/auth/two-factor/enrolment/confirm',
  'GET /api/public/commitments',
  'GET /api/public/openness',
  'GET /api/public/reception-rota',
  'GET /api/calendar/:token.ics',
];

describe('every route declares its access', () => {
  it('no route is without a declared permission, and only the known ones are public', () => {
    const api = ctx.app.routeTable.filter(
      (r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
    );
    expect(api.length).toBeGreaterThan(20);
    for (const r of api) {
      expect(r.access, `${r.method} ${r.url}`).toBeDefined();
      expect(['public', 'authenticated', ...ALL_PERMISSIONS], `${r.method} ${r.url}`).toContain(r.access);
    }
    const publicOnes = api.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicOnes.sort()).toEqual(PUBLIC_ROUTES.sort());
  });

  it('every non-public route answers 401 without a session', async () => {
    const api = ctx.app.routeTable.filter(
      (r) => r.url.startsWith('/api') && r.access !== 'public' && r.method !== 'HEAD',
    );
    for (const r of api) {
      const url = r.url.replace(':id', '00000000-0000-4000-8000-000000000000');
      const res = await ctx.app.inject({ method: r.method as 'GET', url });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});

/** What each demo role may do: 200/201 where allowed, 403 where not (bodies are valid or absent). */
const MATRIX: { route: string; allowed: DemoUsername[] }[] = [
  { route: 'GET /api/org-units', allowed: ['admin', 'secadmin', 'leader', 'secretary', 'clerk', 'member'] },
  { route: 'GET /api/departments', allowed: ['admin', 'secadmin', 'leader', 'secretary', 'clerk', 'member'] },
  { route: 'GET /api/members', allowed: ['leader', 'secretary', 'clerk'] },
  { route: 'GET /api/members/stats', allowed: ['leader', 'secretary', 'clerk', 'member'] },
  { route: 'GET /api/members/export', allowed: ['leader', 'secretary', 'clerk'] },
  { route: 'GET /api/members/import-template', allowed: ['secretary', 'clerk'] },
  { route: 'GET /api/users', allowed: ['admin', 'secadmin'] },
  { route: 'GET /api/roles', allowed: ['admin', 'secadmin'] },
  { route: 'GET /api/audit', allowed: ['auditor'] },
];

describe('role by route', () => {
  for (const { route, allowed } of MATRIX) {
    it(route, async () => {
      const [method, url] = route.split(' ') as ['GET', string];
      for (const u of DEMO_USERNAMES) {
        const res = await sessions[u].request({ method, url });
        expect(res.statusCode, `${u} ${route}`).toBe(allowed.includes(u) ? 200 : 403);
      }
    });
  }

  it('only the clerk and the secretary reveal full numbers, and the reveal is audited', async () => {
    const list = (await sessions.clerk.request({ method: 'GET', url: '/api/members?pageSize=1' })).json();
    const id = list.items[0].id;
    expect(list.items[0].idNumber).toMatch(/^\d{4}\*{12}[\dX]{2}$/);
    for (const u of DEMO_USERNAMES) {
      const res = await sessions[u].request({ method: 'GET', url: `/api/members/${id}/pii` });
      expect(res.statusCode, u).toBe(u === 'clerk' || u === 'secretary' ? 200 : 403);
      if (res.statusCode === 200) expect(res.json().idNumber).toMatch(/^\d{17}[\dX]$/);
    }
    const audit = (
      await sessions.auditor.request({ method: 'GET', url: '/api/audit?action=person.pii_revealed' })
    ).json();
    expect(audit.total).toBe(2);
  });

  it('writes: only the roles that manage may create people and org units', async () => {
    const body = { name: '测试人员', gender: 'male', status: 'non_party' };
    for (const u of DEMO_USERNAMES) {
      const res = await sessions[u].request({ method: 'POST', url: '/api/members', payload: body });
      expect(res.statusCode, u).toBe(u === 'clerk' ? 201 : u === 'secretary' ? 400 : 403);
    }
  });

  it('三员分立: the system administrator cannot read the audit log nor grant roles; nobody holds two admin roles', async () => {
    expect((await sessions.admin.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    const users = (await sessions.secadmin.request({ method: 'GET', url: '/api/users?pageSize=50' })).json();
    const auditor = users.items.find((x: { username: string }) => x.username === 'auditor');
    const member = users.items.find((x: { username: string }) => x.username === 'member');
    expect(
      (await sessions.admin.request({ method: 'PUT', url: `/api/users/${member.id}/roles`, payload: { roles: [] } }))
        .statusCode,
    ).toBe(403);
    const twoHats = await sessions.secadmin.request({
      method: 'PUT',
      url: `/api/users/${auditor.id}/roles`,
      payload: {
        roles: [
          { role: 'auditor', orgUnitId: null },
          { role: 'sysadmin', orgUnitId: null },
        ],
      },
    });
    expect(twoHats.statusCode).toBe(409);
    expect(twoHats.json().error.code).toBe('SEPARATION_OF_DUTIES');
    expect(
      (
        await sessions.auditor.request({
          method: 'POST',
          url: '/api/users',
          payload: { username: 'x-user', displayName: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('tenant isolation', () => {
  it("another court's people, org units, departments and users cannot be reached by any route", async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    const otherMembers = (await other.request({ method: 'GET', url: '/api/members?pageSize=5' })).json();
    const otherOrg = (await other.request({ method: 'GET', url: '/api/org-units' })).json();
    const otherDept = (await other.request({ method: 'GET', url: '/api/departments' })).json();
    const personId = otherMembers.items[0].id;
    const orgId = otherOrg.items[1].id;
    const deptId = otherDept.items[0].id;

    const clerk = sessions.clerk;
    const own = (await clerk.request({ method: 'GET', url: '/api/members?pageSize=200' })).json();
    expect(own.items.map((m: { id: string }) => m.id)).not.toContain(personId);
    expect(own.total).toBeLessThan(160);
    for (const [method, url, payload] of [
      ['GET', `/api/members/${personId}`, undefined],
      ['GET', `/api/members/${personId}/pii`, undefined],
      ['PATCH', `/api/members/${personId}`, { position: '被篡改' }],
      ['PATCH', `/api/org-units/${orgId}`, { name: '被篡改' }],
      ['DELETE', `/api/org-units/${orgId}`, undefined],
      ['PATCH', `/api/departments/${deptId}`, { name: '被篡改' }],
    ] as const) {
      const session = method === 'GET' || url.includes('members') ? clerk : sessions.secretary;
      const res = await session.request({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await clerk.request({ method: 'GET', url: `/api/members?orgUnitId=${orgId}` })).json().total).toBe(0);
    const created = await clerk.request({
      method: 'POST',
      url: '/api/members',
      payload: { name: '越界', gender: 'male', status: 'full', orgUnitId: orgId },
    });
    expect(created.statusCode).toBe(400);

    const otherUsers = (await ctx.login(`${OTHER_COURT.usernamePrefix}secadmin`)).request({
      method: 'GET',
      url: '/api/users',
    });
    const otherUserId = (await otherUsers).json().items[0].id;
    expect(
      (await sessions.secadmin.request({ method: 'POST', url: `/api/users/${otherUserId}/unlock` })).statusCode,
    ).toBe(404);
    expect(
      (await sessions.admin.request({ method: 'POST', url: `/api/users/${otherUserId}/reset-password` })).statusCode,
    ).toBe(404);

    const audit = (await sessions.auditor.request({ method: 'GET', url: '/api/audit?pageSize=200' })).json();
    expect(audit.items.every((e: { summary: string }) => !e.summary.includes(OTHER_COURT.usernamePrefix))).toBe(true);
  });
});
