import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let member: Session;
let staff: Session;
let leader: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  member = await ctx.login('member');
  staff = await ctx.login('staff');
  leader = await ctx.login('leader');
});
afterAll(async () => {
  await ctx.close();
});

describe('published commitments of the demo court', () => {
  it('shows the branch and every member’s published commitment to everyone signed in', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/commitments' })).statusCode).toBe(401);
    for (const s of [staff, member, secretary]) {
      const res = await s.request({ method: 'GET', url: '/api/commitments?year=2026' });
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items).toHaveLength(55);
      expect(items[0]).toMatchObject({ ownerKind: 'org_unit', status: 'published' });
      expect(items.every((c: { promises: unknown[] }) => c.promises.length >= 3)).toBe(true);
    }
    const closed = (await member.request({ method: 'GET', url: '/api/commitments?year=2025' })).json().items;
    expect(closed.every((c: { result: string | null }) => c.result !== null)).toBe(true);
    expect((await member.request({ method: 'GET', url: '/api/commitments?status=submitted' })).json().items).toEqual(
      [],
    );
    expect((await member.request({ method: 'GET', url: '/api/commitments?status=nope' })).statusCode).toBe(400);
  });

  it('refuses a second commitment for the same year', async () => {
    const res = await member.request({
      method: 'POST',
      url: '/api/commitments',
      payload: { year: 2026, promises: [{ text: '再承诺一次' }] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COMMITMENT_EXISTS');
  });
});

describe('a member’s commitment from draft to the public page', () => {
  let id: string;

  it('validates the promises', async () => {
    // A branch goal: a child of one of the year's 党组 goals (the tree is sent a level at a time).
    const root = (await secretary.request({ method: 'GET', url: '/api/goals?year=2026' })).json().items[0];
    const otherGoal = (await secretary.request({ method: 'GET', url: `/api/goals?year=2026&parentId=${root.id}` }))
      .json()
      .items.find((g: { level: string }) => g.level === 'branch').id;
    const cases: [Record<string, unknown>, string][] = [
      [{ year: 2027, promises: [] }, 'promises'],
      [{ year: 2027, promises: Array.from({ length: 11 }, () => ({ text: '承诺' })) }, 'promises'],
      [{ year: 2027, promises: [{ text: '' }] }, 'promises.0.text'],
      [{ year: 2027, promises: [{ text: '长'.repeat(201) }] }, 'promises.0.text'],
      [{ year: 2026.5, promises: [{ text: '承诺' }] }, 'year'],
      [{ year: 2026, promises: [{ text: '承诺', goalId: otherGoal }] }, 'promises.0.goalId'],
    ];
    for (const [payload, path] of cases) {
      const res = await member.request({ method: 'POST', url: '/api/commitments', payload });
      if (path === 'promises.0.goalId') {
        // 2026 already has a commitment; try the link on a new year with a goal of the wrong owner.
        const res2027 = await member.request({
          method: 'POST',
          url: '/api/commitments',
          payload: { year: 2027, promises: [{ text: '承诺', goalId: otherGoal }] },
        });
        expect(res2027.statusCode).toBe(400);
        expect(res2027.json().error.details.issues[0].path).toBe(path);
        continue;
      }
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const nonMember = await staff.request({
      method: 'POST',
      url: '/api/commitments',
      payload: { year: 2027, promises: [{ text: '承诺' }] },
    });
    expect(nonMember.statusCode).toBe(403);
  });

  it('drafts, edits and submits; nobody else can touch or see the draft', async () => {
    const created = await member.request({
      method: 'POST',
      url: '/api/commitments',
      payload: { year: 2027, promises: [{ text: '全年学习不少于32学时' }, { text: '无超审限案件' }] },
    });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', ownerKind: 'person', year: 2027 });
    expect((await member.request({ method: 'GET', url: '/api/commitments/mine?year=2027' })).json().item.id).toBe(id);
    expect(
      (await staff.request({ method: 'PUT', url: `/api/commitments/${id}`, payload: { promises: [{ text: '改' }] } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await clerk.request({ method: 'PUT', url: `/api/commitments/${id}`, payload: { promises: [{ text: '改' }] } }))
        .statusCode,
    ).toBe(403);
    const edited = await member.request({
      method: 'PUT',
      url: `/api/commitments/${id}`,
      payload: { promises: [{ text: '全年学习不少于40学时' }, { text: '无超审限案件' }, { text: '志愿服务2次' }] },
    });
    expect(edited.json().promises).toHaveLength(3);
    expect((await member.request({ method: 'POST', url: `/api/commitments/${id}/submit` })).json().status).toBe(
      'submitted',
    );
    const locked = await member.request({
      method: 'PUT',
      url: `/api/commitments/${id}`,
      payload: { promises: [{ text: '改' }] },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('COMMITMENT_STATE_INVALID');
    const queue = (
      await secretary.request({ method: 'GET', url: '/api/commitments?year=2027&status=submitted' })
    ).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('only the secretary approves; the published commitment is on the public page without sign-in', async () => {
    expect((await member.request({ method: 'POST', url: `/api/commitments/${id}/approve` })).statusCode).toBe(403);
    expect((await leader.request({ method: 'POST', url: `/api/commitments/${id}/approve` })).statusCode).toBe(403);
    const before = await ctx.app.inject({ method: 'GET', url: '/api/public/commitments?court=anze&year=2027' });
    expect(before.json().items).toEqual([]);
    const approved = await secretary.request({ method: 'POST', url: `/api/commitments/${id}/approve` });
    expect(approved.json()).toMatchObject({ status: 'published' });
    const pub = await ctx.app.inject({ method: 'GET', url: '/api/public/commitments?court=anze&year=2027' });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['cache-control']).toContain('max-age=60');
    const body = pub.json();
    expect(body.court).toEqual({ code: 'anze', name: '安泽县人民法院' });
    expect(body.items).toHaveLength(1);
    const me = (await member.request({ method: 'GET', url: '/api/members/me' })).json();
    expect(body.items[0]).toMatchObject({ ownerName: me.name, promises: [{ text: '全年学习不少于40学时' }, {}, {}] });
    expect(JSON.stringify(body)).not.toMatch(/idNumber|phone|goalId/);
    const thisYear = (
      await ctx.app.inject({ method: 'GET', url: '/api/public/commitments?court=anze&year=2026' })
    ).json();
    expect(thisYear.items).toHaveLength(55);
  });

  it('asks which court when several exist, and refuses unknown courts', async () => {
    const none = await ctx.app.inject({ method: 'GET', url: '/api/public/commitments' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.issues[0].path).toBe('court');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/commitments?court=nowhere' })).statusCode).toBe(
      404,
    );
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/commitments?court=A%20B' })).statusCode).toBe(400);
    const fushan = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/commitments?court=${OTHER_COURT.code}&year=2027`,
    });
    expect(fushan.json().items).toEqual([]);
  });

  it('self-assesses at year end; the branch verifies every promise and the result shows', async () => {
    const c = (await member.request({ method: 'GET', url: '/api/commitments/mine?year=2027' })).json().item;
    const [a, b, d] = c.promises.map((p: { id: string }) => p.id);
    const self = await member.request({
      method: 'POST',
      url: `/api/commitments/${id}/self-assessment`,
      payload: {
        promises: [
          { id: a, result: 'kept' },
          { id: b, result: 'kept' },
          { id: d, result: 'partly', note: '完成1次' },
        ],
      },
    });
    expect(self.statusCode).toBe(200);
    expect(self.json().promises.map((p: { selfAssessment: string }) => p.selfAssessment)).toEqual([
      'kept',
      'kept',
      'partly',
    ]);
    expect(
      (
        await member.request({
          method: 'POST',
          url: `/api/commitments/${id}/verify`,
          payload: { promises: [{ id: a, result: 'kept' }] },
        })
      ).statusCode,
    ).toBe(403);
    const partial = await secretary.request({
      method: 'POST',
      url: `/api/commitments/${id}/verify`,
      payload: { promises: [{ id: a, result: 'kept' }] },
    });
    expect(partial.statusCode).toBe(400);
    const wrong = await secretary.request({
      method: 'POST',
      url: `/api/commitments/${id}/verify`,
      payload: { promises: [{ id: a, result: 'maybe' }] },
    });
    expect(wrong.statusCode).toBe(400);
    const verified = await secretary.request({
      method: 'POST',
      url: `/api/commitments/${id}/verify`,
      payload: {
        promises: [
          { id: a, result: 'kept' },
          { id: b, result: 'kept' },
          { id: d, result: 'partly' },
        ],
      },
    });
    expect(verified.json()).toMatchObject({ result: 'partly' });
    const pub = (await ctx.app.inject({ method: 'GET', url: '/api/public/commitments?court=anze&year=2027' })).json();
    expect(pub.items[0]).toMatchObject({ result: 'partly' });
    const late = await member.request({
      method: 'POST',
      url: `/api/commitments/${id}/self-assessment`,
      payload: { promises: [{ id: a, result: 'not' }] },
    });
    expect(late.statusCode).toBe(409);
  });
});

describe('the branch’s commitment and returns', () => {
  it('the secretary drafts for the branch (not a cell); a member cannot; a return needs a reason', async () => {
    const units = (await secretary.request({ method: 'GET', url: '/api/org-units' })).json().items;
    const branch = units.find((u: { kind: string }) => u.kind === 'branch');
    const cell = units.find((u: { kind: string }) => u.kind === 'cell');
    const payload = { year: 2027, ownerKind: 'org_unit', orgUnitId: branch.id, promises: [{ text: '支委会每月一次' }] };
    expect((await member.request({ method: 'POST', url: '/api/commitments', payload })).statusCode).toBe(403);
    const onCell = await secretary.request({
      method: 'POST',
      url: '/api/commitments',
      payload: { ...payload, orgUnitId: cell.id },
    });
    expect(onCell.statusCode).toBe(400);
    const noUnit = await secretary.request({
      method: 'POST',
      url: '/api/commitments',
      payload: { ...payload, orgUnitId: undefined },
    });
    expect(noUnit.json().error.details.issues[0].path).toBe('orgUnitId');
    const created = await secretary.request({ method: 'POST', url: '/api/commitments', payload });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await secretary.request({ method: 'POST', url: `/api/commitments/${id}/approve` })).statusCode).toBe(409);
    await secretary.request({ method: 'POST', url: `/api/commitments/${id}/submit` });
    expect(
      (await secretary.request({ method: 'POST', url: `/api/commitments/${id}/return`, payload: {} })).statusCode,
    ).toBe(400);
    const returned = await secretary.request({
      method: 'POST',
      url: `/api/commitments/${id}/return`,
      payload: { note: '请具体到次数' },
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewNote: '请具体到次数' });
    const auditor = await ctx.login('auditor');
    const actions = (await auditor.request({ method: 'GET', url: '/api/audit?action=commitment&pageSize=50' }))
      .json()
      .items.map((e: { action: string }) => e.action);
    for (const a of [
      'commitment.create',
      'commitment.update',
      'commitment.submit',
      'commitment.approve',
      'commitment.return',
      'commitment.self_assess',
      'commitment.verify',
    ])
      expect(actions).toContain(a);
  });

  it("another court's commitments cannot be reached", async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}member`);
    const otherId = (await other.request({ method: 'GET', url: '/api/commitments?year=2026' })).json().items[1].id;
    for (const [method, url, payload] of [
      ['PUT', `/api/commitments/${otherId}`, { promises: [{ text: '改' }] }],
      ['POST', `/api/commitments/${otherId}/submit`, undefined],
      ['POST', `/api/commitments/${otherId}/approve`, undefined],
      ['POST', `/api/commitments/${otherId}/verify`, { promises: [{ id: otherId, result: 'kept' }] }],
    ] as const) {
      const res = await secretary.request({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
  });
});
