import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let member: Session;
let leader: Session;
type Rule = {
  id: string;
  title: string;
  status: string;
  version: number;
  readByMe: boolean;
  readCount: number | null;
  expectedReaders: number | null;
};
let rules: Rule[];
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  member = await ctx.login('member');
  leader = await ctx.login('leader');
  rules = (await member.request({ method: 'GET', url: '/api/rules' })).json().items;
});
afterAll(async () => {
  await ctx.close();
});

describe('the rules library', () => {
  it('holds the 16 rules of the demo court, readable by everyone signed in', async () => {
    expect(rules).toHaveLength(16);
    expect(rules.map((r) => r.title)).toEqual(
      expect.arrayContaining(['“三会一课”制度', '首问负责制度', '院领导接访制度', '工作日志制度']),
    );
    expect(rules.filter((r) => !r.readByMe)).toHaveLength(2);
    expect(rules.every((r) => r.readCount === null)).toBe(true);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/rules' })).statusCode).toBe(401);
    const staff = await ctx.login('staff');
    expect((await staff.request({ method: 'GET', url: '/api/rules' })).statusCode).toBe(200);
    const detail = (await member.request({ method: 'GET', url: `/api/rules/${rules[0]!.id}` })).json();
    expect(detail.body).toContain('第一条');
    expect(detail.versions.length).toBe(detail.version);
  });

  it('shows the secretary how many members of the branch have read each rule, and who has not', async () => {
    const list = (await secretary.request({ method: 'GET', url: '/api/rules' })).json().items as Rule[];
    expect(list.every((r) => r.expectedReaders === 54)).toBe(true);
    expect(list.every((r) => r.readCount! > 40 && r.readCount! <= 54)).toBe(true);
    const unreadRule = rules.find((r) => !r.readByMe)!;
    const readers = (await secretary.request({ method: 'GET', url: `/api/rules/${unreadRule.id}/readers` })).json();
    const me = (await member.request({ method: 'GET', url: '/api/members/me' })).json();
    expect(readers.unread.map((p: { personId: string }) => p.personId)).toContain(me.id);
    expect(readers.read.length + readers.unread.length).toBe(54);
    expect((await member.request({ method: 'GET', url: `/api/rules/${unreadRule.id}/readers` })).statusCode).toBe(403);
    expect((await leader.request({ method: 'GET', url: `/api/rules/${unreadRule.id}/readers` })).statusCode).toBe(403);
  });

  it('lets a member confirm reading, and asks again after a revision', async () => {
    const rule = rules.find((r) => !r.readByMe)!;
    expect((await member.request({ method: 'POST', url: `/api/rules/${rule.id}/read` })).statusCode).toBe(200);
    expect((await member.request({ method: 'GET', url: `/api/rules/${rule.id}` })).json().readByMe).toBe(true);
    const revised = await clerk.request({
      method: 'PATCH',
      url: `/api/rules/${rule.id}`,
      payload: { body: '第一条 修订后的正文。', changeNote: '根据新规定修订第一条' },
    });
    expect(revised.statusCode).toBe(200);
    expect(revised.json()).toMatchObject({ version: rule.version + 1, status: 'revised' });
    expect(revised.json().versions[0]).toMatchObject({ version: rule.version + 1, changeNote: '根据新规定修订第一条' });
    expect((await member.request({ method: 'GET', url: `/api/rules/${rule.id}` })).json().readByMe).toBe(false);
    const admin = await ctx.login('admin');
    expect((await admin.request({ method: 'POST', url: `/api/rules/${rule.id}/read` })).statusCode).toBe(403);
  });

  it('creates and repeals rules with validation; a repealed rule asks nobody to read it', async () => {
    const base = {
      title: '志愿服务制度',
      category: '组织生活',
      body: '第一条 党员每年参加志愿服务不少于2次。',
      adoptedBy: '中共安泽县人民法院机关支部委员会',
      adoptedOn: '2026-05-01',
      effectiveOn: '2026-05-01',
    };
    for (const [payload, path] of [
      [{ ...base, title: '' }, 'title'],
      [{ ...base, adoptedOn: '2026-13-01' }, 'adoptedOn'],
      [{ ...base, effectiveOn: '2026-04-01' }, 'effectiveOn'],
      [{ ...base, status: 'draft' }, 'status'],
      [{ ...base, body: '', fileId: null }, 'body'],
      [{ ...base, fileId: '00000000-0000-4000-8000-000000000000' }, 'fileId'],
    ] as const) {
      const res = await clerk.request({ method: 'POST', url: '/api/rules', payload });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await member.request({ method: 'POST', url: '/api/rules', payload: base })).statusCode).toBe(403);
    const created = await clerk.request({ method: 'POST', url: '/api/rules', payload: base });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      (await clerk.request({ method: 'PATCH', url: `/api/rules/${id}`, payload: { status: 'repealed' } })).statusCode,
    ).toBe(400);
    const repealed = await clerk.request({
      method: 'PATCH',
      url: `/api/rules/${id}`,
      payload: { status: 'repealed', changeNote: '并入主题党日制度' },
    });
    expect(repealed.json()).toMatchObject({ status: 'repealed', version: 2, readCount: null });
    expect((await member.request({ method: 'POST', url: `/api/rules/${id}/read` })).statusCode).toBe(409);
    const auditor = await ctx.login('auditor');
    const actions = (await auditor.request({ method: 'GET', url: '/api/audit?action=rule&pageSize=50' }))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['rule.create', 'rule.revise', 'rule.read']));
  });

  it("another court's rules cannot be reached", async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}member`);
    const otherId = (await other.request({ method: 'GET', url: '/api/rules' })).json().items[0].id;
    expect((await member.request({ method: 'GET', url: `/api/rules/${otherId}` })).statusCode).toBe(404);
    expect((await member.request({ method: 'POST', url: `/api/rules/${otherId}/read` })).statusCode).toBe(404);
    expect((await clerk.request({ method: 'GET', url: `/api/rules/${otherId}/readers` })).statusCode).toBe(404);
    expect(
      (
        await clerk.request({
          method: 'PATCH',
          url: `/api/rules/${otherId}`,
          payload: { title: '改', changeNote: '改' },
        })
      ).statusCode,
    ).toBe(404);
  });
});
