import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { disableAccountOfPerson } from './accounts.service.ts';

let ctx: TestContext;
let admin: Session;
interface Choice {
  id: string;
  name: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  username: string | null;
}
let choices: Choice[];

beforeAll(async () => {
  ctx = await createTestContext({ QIZHI_PUBLIC_URL: 'http://192.168.1.20:3000/' });
  admin = await ctx.login('admin');
  const res = await admin.request({ method: 'GET', url: '/api/users/person-choices' });
  expect(res.statusCode).toBe(200);
  choices = res.json().items;
  expect(res.json().signInUrl).toBe('http://192.168.1.20:3000');
});
afterAll(async () => {
  await ctx.close();
});

async function signIn(username: string, password: string) {
  return ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

describe('accounts for everyone on the roster', () => {
  it('the person picker gives id, name and organisation only — no roster personal data', async () => {
    expect(choices.length).toBe(80);
    expect(Object.keys(choices[0]!).sort()).toEqual(['id', 'name', 'orgUnitId', 'orgUnitName', 'username']);
    expect(choices.filter((c) => c.username !== null).length).toBeGreaterThan(0);
    // 三员分立: the 系统管理员 reads no roster.
    expect((await admin.request({ method: 'GET', url: '/api/members' })).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url: `/api/members/${choices[0]!.id}` })).statusCode).toBe(403);
    const byName = (
      await admin.request({ method: 'GET', url: `/api/users/person-choices?q=${encodeURIComponent(choices[5]!.name)}` })
    ).json().items as Choice[];
    expect(byName.map((c) => c.id)).toContain(choices[5]!.id);
    const unit = choices.find((c) => c.orgUnitId)!.orgUnitId!;
    const inUnit = (await admin.request({ method: 'GET', url: `/api/users/person-choices?orgUnitId=${unit}` })).json()
      .items as Choice[];
    expect(inUnit.length).toBeGreaterThan(0);
    expect(inUnit.length).toBeLessThan(80);
  });

  it('business roles and the other administrators may not make accounts', async () => {
    for (const username of ['secretary', 'clerk', 'secadmin', 'auditor', 'member']) {
      const session = await ctx.login(username);
      const res = await session.request({
        method: 'POST',
        url: '/api/users/bulk',
        payload: { personIds: [choices[0]!.id] },
      });
      expect(res.statusCode, username).toBe(403);
      expect((await session.request({ method: 'GET', url: '/api/users/person-choices' })).statusCode, username).toBe(
        403,
      );
    }
  });

  it('makes accounts for the whole court once: again, nothing is created and no password returned', async () => {
    const personIds = choices.map((c) => c.id);
    const already = choices.filter((c) => c.username !== null).length;
    const first = await admin.request({ method: 'POST', url: '/api/users/bulk', payload: { personIds } });
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.created).toHaveLength(80 - already);
    expect(body.skipped).toHaveLength(already);
    expect(body.skipped[0].reason).toMatch(/已有账号/);
    const usernames = body.created.map((c: { username: string }) => c.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    for (const u of usernames) expect(u).toMatch(/^[a-z][a-z0-9]{2,31}$/);

    const again = (await admin.request({ method: 'POST', url: '/api/users/bulk', payload: { personIds } })).json();
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(80);
    expect(JSON.stringify(again)).not.toMatch(/initialPassword/);

    // The one-time password signs in, must be changed first, and is stored only as a hash.
    const one = body.created[0];
    const login = await signIn(one.username, one.initialPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ personId: one.personId, mustChangePassword: true });
    const stored = await ctx.database.db.execute(`select password_hash from users where username = '${one.username}'`);
    expect(JSON.stringify(stored)).not.toContain(one.initialPassword);
    expect(JSON.stringify(stored)).toContain('$argon2id$');

    // Party members get the member role; the list shows the person link.
    const listed = (
      await admin.request({ method: 'GET', url: `/api/users?q=${encodeURIComponent(one.username)}` })
    ).json().items[0];
    const person = choices.find((c) => c.id === one.personId)!;
    expect(listed).toMatchObject({ personId: one.personId, personName: person.name, orgUnitName: person.orgUnitName });
    expect(['member', 'staff']).toContain(listed.roles[0].role);
    // The default role (no roleCode): 党员 for full and probationary members, 干警 for everyone else.
    const ids = body.created.map((c: { userId: string }) => `'${c.userId}'`).join(',');
    const grantRows = await ctx.database.db.execute(
      `select p.status, array_agg(g.role) as roles from users u join people p on p.tenant_id = u.tenant_id and p.id = u.person_id
       join role_grants g on g.tenant_id = u.tenant_id and g.user_id = u.id where u.id in (${ids}) group by u.id, p.status`,
    );
    const granted = (grantRows as { rows: { status: string; roles: string[] }[] }).rows;
    expect(granted).toHaveLength(body.created.length);
    for (const r of granted)
      expect(r.roles, r.status).toEqual([r.status === 'full' || r.status === 'probationary' ? 'member' : 'staff']);
    expect(granted.some((r) => r.status === 'non_party')).toBe(true);
    expect(granted.some((r) => r.status === 'full')).toBe(true);

    // The officer's list, built from the answer and not kept.
    const xlsx = await admin.request({
      method: 'POST',
      url: '/api/users/account-slips.xlsx',
      payload: { accounts: body.created.slice(0, 3) },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2).values as unknown[];
    expect(row.slice(1, 6)).toEqual([
      person.name,
      person.orgUnitName ?? '',
      one.username,
      one.initialPassword,
      'http://192.168.1.20:3000',
    ]);
  });

  it('refuses roles beyond member and staff, and unknown people are skipped with a reason', async () => {
    const bad = await admin.request({
      method: 'POST',
      url: '/api/users/bulk',
      payload: { personIds: [choices[0]!.id], roleCode: 'secretary' },
    });
    expect(bad.statusCode).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = (
      await admin.request({ method: 'POST', url: '/api/users/bulk', payload: { personIds: [unknown] } })
    ).json();
    expect(res).toEqual({ created: [], skipped: [{ personId: unknown, reason: '花名册中没有此人' }] });
    // Another court's person is no one here: skipped, and no account may link to them.
    const rows = await ctx.database.db.execute(
      `select p.id from people p join tenants t on t.id = p.tenant_id where t.code = 'fushan' limit 1`,
    );
    const foreign = (rows as { rows: { id: string }[] }).rows[0]!.id;
    const other = (
      await admin.request({ method: 'POST', url: '/api/users/bulk', payload: { personIds: [foreign] } })
    ).json();
    expect(other).toEqual({ created: [], skipped: [{ personId: foreign, reason: '花名册中没有此人' }] });
    const me = (await admin.request({ method: 'GET', url: '/api/users?q=admin' })).json().items[0];
    const link = await admin.request({ method: 'PATCH', url: `/api/users/${me.id}`, payload: { personId: foreign } });
    expect(link.statusCode).toBe(400);
  });

  it('a person who leaves has the account disabled with the reason, not deleted; it cannot sign in', async () => {
    const fresh = (
      await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'leaver', displayName: '离职者' } })
    ).json();
    // The person link is changeable, one account per person: free a person from the member
    // account, then link them to this one.
    const memberAccount = (await admin.request({ method: 'GET', url: '/api/users?q=member' })).json().items[0];
    const person = choices.find((c) => c.id === memberAccount.personId)!;
    const patch = (id: string, payload: object) => admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload });
    expect((await patch(fresh.user.id, { personId: person.id })).statusCode).toBe(409);
    expect((await patch(memberAccount.id, { personId: null })).json().personName).toBeNull();
    expect((await patch(fresh.user.id, { personId: person.id })).json()).toMatchObject({
      personId: person.id,
      personName: person.name,
    });
    const disabled = await admin.request({
      method: 'PATCH',
      url: `/api/users/${fresh.user.id}`,
      payload: { disabled: true, disabledReason: 'transferred' },
    });
    expect(disabled.json()).toMatchObject({ disabled: true, disabledReason: '调出' });
    const refused = await signIn('leaver', fresh.temporaryPassword);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await patch(fresh.user.id, { disabled: false })).json()).toMatchObject({
      disabled: false,
      disabledReason: null,
    });
    // The roster's call when someone dies or leaves: the account is disabled with why, once.
    const tenant = await ctx.database.db.execute(`select tenant_id from users where username = 'admin'`);
    const tenantId = (tenant as { rows: { tenant_id: string }[] }).rows[0]!.tenant_id;
    const writer = { db: ctx.database.db, tenantId, actor: { tenantId, userId: null, name: '测试', ip: null } };
    expect(await disableAccountOfPerson(writer, person.id, 'deceased')).toBe('leaver');
    expect(await disableAccountOfPerson(writer, person.id, 'deceased')).toBeNull();
    const listed = (await admin.request({ method: 'GET', url: '/api/users?q=leaver' })).json().items[0];
    expect(listed).toMatchObject({ disabled: true, disabledReason: '去世' });
  });
});

describe('QIZHI_PUBLIC_URL', () => {
  it('is the address a meeting sign-in code carries, not the one the host opened the page on', async () => {
    const secretary = await ctx.login('secretary');
    const branch = (await secretary.request({ method: 'GET', url: '/api/org-units' }))
      .json()
      .items.find((u: { kind: string }) => u.kind === 'branch');
    const planned = await secretary.request({
      method: 'POST',
      url: '/api/meetings',
      payload: {
        type: 'branch_general',
        orgUnitId: branch.id,
        topic: '扫码签到地址',
        startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        place: '党员活动室',
      },
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const id = planned.json().id as string;
    const code = (
      await secretary.request({
        method: 'GET',
        url: `/api/meetings/${id}/sign-in-code`,
        headers: { host: '127.0.0.1' },
      })
    ).json();
    expect(code.url).toBe(`http://192.168.1.20:3000/meetings/${id}/sign-in?code=${code.code}`);
  });
});
