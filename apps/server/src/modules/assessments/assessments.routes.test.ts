import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let leader: Session;
let member: Session;
let clerk: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  leader = await ctx.login('leader');
  member = await ctx.login('member');
  clerk = await ctx.login('clerk');
});
afterAll(async () => {
  await ctx.close();
});

describe('periodic assessment', () => {
  it('computes each member’s completion from the goal tree and shows the grades, per member and per group', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/assessments?period=2026-Q3' })).statusCode).toBe(401);
    expect((await member.request({ method: 'GET', url: '/api/assessments?period=2026-Q3' })).statusCode).toBe(403);
    const res = await leader.request({ method: 'GET', url: '/api/assessments?period=2026-Q3' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ period: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' });
    expect(body.items).toHaveLength(54);
    expect(body.items.every((r: { grade: string | null }) => r.grade !== null)).toBe(true);
    expect(body.items.every((r: { completion: number | null }) => r.completion !== null && r.completion > 0)).toBe(
      true,
    );
    expect(body.groups).toHaveLength(4);
    expect(body.groups.reduce((s: number, g: { memberCount: number }) => s + g.memberCount, 0)).toBe(54);
    const q4 = (await leader.request({ method: 'GET', url: '/api/assessments?period=2026-Q4' })).json();
    expect(
      q4.items.every(
        (r: { grade: string | null; suggestedGrade: string | null }) => r.grade === null && r.suggestedGrade !== null,
      ),
    ).toBe(true);
    for (const p of ['2026-Q5', '2026Q1', '1999-Q1']) {
      const bad = await leader.request({ method: 'GET', url: `/api/assessments?period=${p}` });
      expect(bad.statusCode, p).toBe(400);
      expect(bad.json().error.message).toContain('考核期');
    }
  });

  it('the assessor grades a member, keeping the completion seen; others cannot', async () => {
    const me = (await member.request({ method: 'GET', url: '/api/members/me' })).json();
    const payload = { period: '2026-Q4', personId: me.id, grade: 'good', remarks: '工作积极主动' };
    expect((await member.request({ method: 'POST', url: '/api/assessments', payload })).statusCode).toBe(403);
    expect((await leader.request({ method: 'POST', url: '/api/assessments', payload })).statusCode).toBe(403);
    expect(
      (await secretary.request({ method: 'POST', url: '/api/assessments', payload: { ...payload, grade: 'super' } }))
        .statusCode,
    ).toBe(400);
    const saved = await secretary.request({ method: 'POST', url: '/api/assessments', payload });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ grade: 'good', remarks: '工作积极主动' });
    expect(saved.json().completionAtAssessment).toBe(saved.json().completion);
    const again = await secretary.request({
      method: 'POST',
      url: '/api/assessments',
      payload: { ...payload, grade: 'excellent' },
    });
    expect(again.json().grade).toBe('excellent');
    const row = (await leader.request({ method: 'GET', url: '/api/assessments?period=2026-Q4' }))
      .json()
      .items.find((r: { personId: string }) => r.personId === me.id);
    expect(row).toMatchObject({ grade: 'excellent' });
    const nonMember = (await clerk.request({ method: 'GET', url: '/api/members?status=non_party&pageSize=1' })).json()
      .items[0];
    expect(
      (
        await secretary.request({
          method: 'POST',
          url: '/api/assessments',
          payload: { ...payload, personId: nonMember.id },
        })
      ).statusCode,
    ).toBe(404);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    const otherPerson = (await other.request({ method: 'GET', url: '/api/members?status=full&pageSize=1' })).json()
      .items[0];
    expect(
      (
        await secretary.request({
          method: 'POST',
          url: '/api/assessments',
          payload: { ...payload, personId: otherPerson.id },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('比学赶超 points (off by default)', () => {
  it('refuses rankings until the court turns them on; then ranks members and groups by the formula', async () => {
    const off = await leader.request({ method: 'GET', url: '/api/rankings?year=2026' });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.code).toBe('POINTS_RANKING_DISABLED');
    expect(
      (await member.request({ method: 'PUT', url: '/api/centre/points-ranking', payload: { enabled: true } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await leader.request({ method: 'PUT', url: '/api/centre/points-ranking', payload: { enabled: 'yes' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await leader.request({ method: 'PUT', url: '/api/centre/points-ranking', payload: { enabled: true } })).json(),
    ).toEqual({ enabled: true });
    expect((await leader.request({ method: 'GET', url: '/api/centre' })).json().pointsRankingEnabled).toBe(true);
    const on = (await leader.request({ method: 'GET', url: '/api/rankings?year=2026' })).json();
    expect(on.members).toHaveLength(54);
    expect(on.members[0].rank).toBe(1);
    expect(
      on.members.every(
        (m: { total: number }, i: number, all: { total: number }[]) => i === 0 || all[i - 1]!.total >= m.total,
      ),
    ).toBe(true);
    expect(on.groups).toHaveLength(4);
    expect(on.formula).toContain('目标完成度');
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}leader`);
    expect((await other.request({ method: 'GET', url: '/api/rankings?year=2026' })).statusCode).toBe(409);
    await leader.request({ method: 'PUT', url: '/api/centre/points-ranking', payload: { enabled: false } });
    expect((await leader.request({ method: 'GET', url: '/api/rankings' })).statusCode).toBe(409);
  });
});
