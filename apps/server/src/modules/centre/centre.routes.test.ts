import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CENTRE } from '@qizhi/domain';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let member: Session;
let clerk: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  member = await ctx.login('member');
  clerk = await ctx.login('clerk');
});
afterAll(async () => {
  await ctx.close();
});

describe('the centre (一个中心)', () => {
  it('shows every signed-in user the year’s objective, working line and the six court types', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/centre' })).statusCode).toBe(401);
    const res = (await member.request({ method: 'GET', url: '/api/centre?year=2026' })).json();
    expect(res).toMatchObject({ year: 2026, ...DEFAULT_CENTRE, isDefault: false, pointsRankingEnabled: false });
    expect(res.courtTypes.map((t: { label: string }) => t.label)).toEqual([
      '学习型',
      '服务型',
      '规范型',
      '清廉型',
      '和谐型',
      '创新型',
    ]);
    expect((await member.request({ method: 'GET', url: '/api/centre?year=2030' })).json()).toMatchObject({
      isDefault: true,
      ...DEFAULT_CENTRE,
    });
  });

  it('is set with centre.manage only, validated, audited, and per court', async () => {
    const payload = {
      objective: '立党为公、司法为民，争创全省一流法院',
      workingLine: '抓党建、带队建、促审判、业争先',
    };
    expect((await member.request({ method: 'PUT', url: '/api/centre/2027', payload })).statusCode).toBe(403);
    expect((await clerk.request({ method: 'PUT', url: '/api/centre/2027', payload })).statusCode).toBe(403);
    expect(
      (await secretary.request({ method: 'PUT', url: '/api/centre/2027', payload: { ...payload, objective: '' } }))
        .statusCode,
    ).toBe(400);
    expect((await secretary.request({ method: 'PUT', url: '/api/centre/20x7', payload })).statusCode).toBe(400);
    const saved = await secretary.request({ method: 'PUT', url: '/api/centre/2027', payload });
    expect(saved.json()).toMatchObject({ year: 2027, ...payload, isDefault: false });
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}member`);
    expect((await other.request({ method: 'GET', url: '/api/centre?year=2027' })).json().isDefault).toBe(true);
    const auditor = await ctx.login('auditor');
    expect((await auditor.request({ method: 'GET', url: '/api/audit?action=centre' })).json().items[0].action).toBe(
      'centre.update',
    );
  });
});
