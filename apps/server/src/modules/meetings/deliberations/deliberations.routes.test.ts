import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtToday } from '@qizhi/domain';
import { createTestContext, type Session, type TestContext } from '../../../test/harness.ts';
import { OTHER_COURT } from '../../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let member: Session;
let branchId: string;
let heldMeetings: { id: string; startsAt: string }[];
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  member = await ctx.login('member');
  branchId = (await secretary.request({ method: 'GET', url: '/api/org-units' }))
    .json()
    .items.find((u: { kind: string }) => u.kind === 'branch').id;
  const closed = (
    await secretary.request({ method: 'GET', url: `/api/meetings?orgUnitId=${branchId}&status=closed&pageSize=200` })
  ).json();
  heldMeetings = [...closed.items].reverse();
});
afterAll(async () => {
  await ctx.close();
});

describe('四议两公开', () => {
  it('lists the seeded matter three steps on', async () => {
    const list = (await secretary.request({ method: 'GET', url: '/api/deliberations' })).json();
    expect(list.total).toBe(1);
    expect(list.items[0].next).toBe('step:3');
    expect(list.items[0].steps[0]).toMatchObject({
      label: '支部委员会提议',
      meetingId: expect.any(String),
      meetingTopic: expect.any(String),
    });
  });

  it('goes step by step, refuses a skipped step with 409, then discloses the resolution and the result', async () => {
    const created = await secretary.request({
      method: 'POST',
      url: '/api/deliberations',
      payload: { orgUnitId: branchId, title: '党建活动经费使用方案' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().steps.map((s: { label: string }) => s.label)).toEqual([
      '支部委员会提议',
      '党组会商议',
      '党员大会审议',
      '全院干警大会决议',
    ]);
    const skipped = await secretary.request({
      method: 'POST',
      url: `/api/deliberations/${id}/steps/1`,
      payload: { meetingId: heldMeetings[0]!.id },
    });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error.code).toBe('DELIBERATION_STEP_SKIPPED');
    expect(skipped.json().error.message).toContain('支部委员会提议');
    const early = await secretary.request({
      method: 'POST',
      url: `/api/deliberations/${id}/disclosures`,
      payload: { kind: 'resolution', disclosedOn: courtToday(), place: '公示栏', content: '决议' },
    });
    expect(early.json().error.code).toBe('DISCLOSURE_TOO_EARLY');
    for (let i = 0; i < 4; i++) {
      const res = await secretary.request({
        method: 'POST',
        url: `/api/deliberations/${id}/steps/${String(i)}`,
        payload: { meetingId: heldMeetings[i]!.id, outcome: '同意' },
      });
      expect(res.statusCode, `step ${String(i)}`).toBe(200);
    }
    expect(
      (
        await secretary.request({
          method: 'POST',
          url: `/api/deliberations/${id}/steps/0`,
          payload: { meetingId: heldMeetings[0]!.id },
        })
      ).json().error.code,
    ).toBe('DELIBERATION_STEP_DONE');
    const resultFirst = await secretary.request({
      method: 'POST',
      url: `/api/deliberations/${id}/disclosures`,
      payload: { kind: 'result', disclosedOn: courtToday(), place: '公示栏', content: '结果' },
    });
    expect(resultFirst.statusCode).toBe(409);
    const resolution = await secretary.request({
      method: 'POST',
      url: `/api/deliberations/${id}/disclosures`,
      payload: { kind: 'resolution', disclosedOn: courtToday(), place: '院务公开栏', content: '决议内容' },
    });
    expect(resolution.json().next).toBe('disclosure:result');
    const result = await secretary.request({
      method: 'POST',
      url: `/api/deliberations/${id}/disclosures`,
      payload: { kind: 'result', disclosedOn: courtToday(), place: '法院网站', content: '实施结果' },
    });
    expect(result.json()).toMatchObject({
      next: 'done',
      disclosures: [{ kind: 'resolution' }, { kind: 'result', place: '法院网站' }],
    });
    expect(
      (
        await secretary.request({
          method: 'POST',
          url: `/api/deliberations/${id}/disclosures`,
          payload: { kind: 'result', disclosedOn: courtToday(), place: 'x', content: 'x' },
        })
      ).json().error.code,
    ).toBe('ALREADY_DISCLOSED');
  });

  it('checks input, permission and court', async () => {
    expect(
      (
        await secretary.request({
          method: 'POST',
          url: '/api/deliberations',
          payload: { orgUnitId: branchId, title: '' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await secretary.request({
          method: 'POST',
          url: '/api/deliberations',
          payload: { orgUnitId: branchId, title: 'x', stepLabels: ['a'] },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await member.request({
          method: 'POST',
          url: '/api/deliberations',
          payload: { orgUnitId: branchId, title: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await member.request({ method: 'GET', url: '/api/deliberations' })).statusCode).toBe(403);
    const id = (await secretary.request({ method: 'GET', url: '/api/deliberations' }))
      .json()
      .items.find((m: { next: string }) => m.next === 'step:3').id;
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect((await other.request({ method: 'GET', url: `/api/deliberations/${id as string}` })).statusCode).toBe(404);
    expect(
      (
        await other.request({
          method: 'POST',
          url: `/api/deliberations/${id as string}/steps/3`,
          payload: { meetingId: heldMeetings[0]!.id },
        })
      ).statusCode,
    ).toBe(404);
    const planned = (
      await secretary.request({ method: 'GET', url: `/api/meetings?orgUnitId=${branchId}&status=notified&pageSize=1` })
    ).json().items[0];
    const res = await secretary.request({
      method: 'POST',
      url: `/api/deliberations/${id as string}/steps/3`,
      payload: { meetingId: planned.id },
    });
    expect(res.statusCode).toBe(400);
  });
});
