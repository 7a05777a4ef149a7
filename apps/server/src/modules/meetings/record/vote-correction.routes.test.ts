/**
 * A recorded vote changes only through 更正表决 (issue 10): with a reason, the result computed again
 * from the counts recorded at the vote, the vote as it was kept in the revisions and the audit log —
 * and no other route changes or removes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let secretary: Session;
let meetingId: string;
let voteId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  const units = (await secretary.request({ method: 'GET', url: '/api/org-units' })).json().items;
  const branch = units.find((u: { kind: string }) => u.kind === 'branch');
  const planned = await secretary.request({
    method: 'POST',
    url: '/api/meetings',
    payload: {
      type: 'branch_general',
      orgUnitId: branch.id,
      topic: '表决更正测试',
      place: '党员活动室',
      startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    },
  });
  expect(planned.statusCode).toBe(201);
  meetingId = planned.json().id;
  // 应到 50: 30 present, everyone else counted absent.
  const counted = (planned.json().attendees as { personId: string; counted: boolean }[]).filter((a) => a.counted);
  const payload = counted.map((a, i) => ({ personId: a.personId, state: i < 30 ? 'present' : 'absent' }));
  expect(
    (await secretary.request({ method: 'PUT', url: `/api/meetings/${meetingId}/attendance`, payload })).statusCode,
  ).toBe(200);
  const voted = await secretary.request({
    method: 'POST',
    url: `/api/meetings/${meetingId}/votes`,
    payload: { kind: 'general_resolution', subject: '年度工作计划', yes: 20, no: 8, abstain: 2 },
  });
  expect(voted.statusCode, voted.body).toBe(201);
  expect(voted.json().votes[0]).toMatchObject({ yes: 20, yesNeeded: 26, adopted: false });
  voteId = voted.json().votes[0].id;
});
afterAll(async () => {
  await ctx.close();
});

const correct = (who: Session, payload: object, vote = voteId, meeting = meetingId) =>
  who.request({ method: 'POST', url: `/api/meetings/${meeting}/votes/${vote}/corrections`, payload });
const good = { reason: '计票时漏计一组选票，经监票人复核', yes: 27, no: 2, abstain: 1 };

describe('a recorded vote cannot be changed any other way', () => {
  it('has no route that edits or removes it', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await secretary.request({ method, url: `/api/meetings/${meetingId}/votes/${voteId}`, payload: good });
      expect(res.statusCode, method).toBe(404);
    }
  });
});

describe('POST /api/meetings/:id/votes/:voteId/corrections refuses', () => {
  it('401 without a session, 403 for a member and for the 系统管理员', async () => {
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: `/api/meetings/${meetingId}/votes/${voteId}/corrections`,
      payload: good,
    });
    expect(anonymous.statusCode).toBe(401);
    for (const username of ['member', 'admin']) {
      expect((await correct(await ctx.login(username), good)).statusCode, username).toBe(403);
    }
  });

  it('400 naming the field: no reason, counts beyond those present, the same counts, unknown fields', async () => {
    const cases: [object, string, string][] = [
      [{ yes: 27, no: 2, abstain: 1 }, 'reason', 'VALIDATION_FAILED'],
      [{ ...good, reason: '   ' }, 'reason', 'VALIDATION_FAILED'],
      [{ ...good, yes: 29 }, 'yes', 'VOTE_COUNTS_INVALID'],
      [{ ...good, yes: -1 }, 'yes', 'VALIDATION_FAILED'],
      [{ reason: '复核', yes: 20, no: 8, abstain: 2 }, 'yes', 'VALIDATION_FAILED'],
      [{ ...good, adopted: true }, '', 'VALIDATION_FAILED'],
    ];
    for (const [payload, field, code] of cases) {
      const res = await correct(secretary, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe(code);
      const issues = res.json().error.details.issues as { path: string; message: string }[];
      if (field) expect(issues.map((i) => i.path).join(','), JSON.stringify(payload)).toContain(field);
      expect(res.json().error.message).toMatch(/^[^A-Za-z]/);
    }
  });

  it('404 for an unknown vote, a vote of another meeting, and from another court', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await correct(secretary, good, unknown)).statusCode).toBe(404);
    expect((await correct(secretary, good, voteId, unknown)).statusCode).toBe(404);
    const other = await ctx.login('fs-clerk');
    expect((await correct(other, good)).statusCode).toBe(404);
  });
});

describe('a correction', () => {
  it('recomputes the result, keeps the vote as it was in the revisions and the audit log, before and after closing', async () => {
    const res = await correct(secretary, good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().votes[0]).toMatchObject({
      id: voteId,
      yes: 27,
      no: 2,
      abstain: 1,
      entitled: 50,
      present: 30,
      adopted: true,
    });
    expect(res.json().revision).toBe(1);

    const revisions = (await secretary.request({ method: 'GET', url: `/api/meetings/${meetingId}/revisions` })).json();
    expect(revisions.items).toHaveLength(1);
    expect(revisions.items[0]).toMatchObject({
      revision: 1,
      reason: good.reason,
      previous: { vote: { voteId, subject: '年度工作计划', yes: 20, no: 8, abstain: 2, adopted: false } },
    });

    // Closed, the record is locked — the vote is still corrected only this way, and only with a reason.
    await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${meetingId}/minutes`,
      payload: { minutes: '<p>会议审议了年度工作计划。</p>' },
    });
    const closed = await secretary.request({ method: 'POST', url: `/api/meetings/${meetingId}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    const again = await correct(secretary, {
      reason: '更正表决事项名称',
      subject: '2027年度工作计划',
      yes: 27,
      no: 2,
      abstain: 1,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'closed', revision: 2 });
    expect(again.json().votes[0]).toMatchObject({ subject: '2027年度工作计划', adopted: true });

    const auditor = await ctx.login('auditor');
    const log = (await auditor.request({ method: 'GET', url: '/api/audit?pageSize=20' })).json().items as {
      action: string;
      summary: string;
    }[];
    const first = log.filter((e) => e.action === 'meeting.vote_correct').at(-1)!;
    expect(first.summary).toContain('赞成20、反对8、弃权2（未通过）→ 赞成27、反对2、弃权1（通过）');
    expect(first.summary).toContain(good.reason);
  });
});
