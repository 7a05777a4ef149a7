import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtYear } from '@qizhi/domain';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let member: Session;
let meetingId: string;
let me: string;
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  member = await ctx.login('member');
  me = (await member.request({ method: 'GET', url: '/api/auth/me' })).json().user.personId;
  const units = (await secretary.request({ method: 'GET', url: '/api/org-units' })).json().items;
  const created = await secretary.request({
    method: 'POST',
    url: '/api/meetings',
    payload: {
      type: 'branch_general',
      orgUnitId: units.find((u: { kind: string }) => u.kind === 'branch').id,
      topic: '我的出席检查',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      place: '党员活动室',
    },
  });
  meetingId = created.json().id;
  const others = created.json().attendees.filter((a: { personId: string }) => a.personId !== me);
  await secretary.request({
    method: 'PUT',
    url: `/api/meetings/${meetingId}/attendance`,
    payload: [{ personId: others[0].personId, state: 'leave', reason: '他人的原因' }],
  });
  await member.request({ method: 'POST', url: `/api/meetings/${meetingId}/leave`, payload: { reason: '开庭' } });
});
afterAll(async () => {
  await ctx.close();
});

describe('GET /api/me/meetings', () => {
  it('answers the member their own year: their reason, leave not yet approved, a summary', async () => {
    const res = await member.request({ method: 'GET', url: '/api/me/meetings' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(courtYear());
    const row = body.items.find((m: { id: string }) => m.id === meetingId);
    expect(row).toMatchObject({ topic: '我的出席检查', myState: 'leave', reason: '开庭', leaveApproved: false });
    expect(res.body).not.toContain('他人的原因');
    expect(body.summary.leave).toBeGreaterThanOrEqual(1);
    const counted = body.summary.present + body.summary.leave + body.summary.absent + body.summary.pending;
    expect(counted).toBe(body.items.filter((m: { exempt: boolean }) => !m.exempt).length);
    const times = body.items.map((m: { startsAt: string }) => m.startsAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows the approval once the host records the leave', async () => {
    await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${meetingId}/attendance`,
      payload: [{ personId: me, state: 'leave', reason: '开庭' }],
    });
    const row = (await member.request({ method: 'GET', url: '/api/me/meetings' }))
      .json()
      .items.find((m: { id: string }) => m.id === meetingId);
    expect(row).toMatchObject({ myState: 'leave', leaveApproved: true });
  });

  it('another year, a bad year, no session, an account without a person, another court', async () => {
    const last = (
      await member.request({ method: 'GET', url: `/api/me/meetings?year=${String(courtYear() - 5)}` })
    ).json();
    expect(last.items).toEqual([]);
    for (const q of ['year=99', 'year=abc', 'other=1'])
      expect((await member.request({ method: 'GET', url: `/api/me/meetings?${q}` })).statusCode, q).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me/meetings' })).statusCode).toBe(401);
    const admin = await ctx.login('admin');
    expect((await admin.request({ method: 'GET', url: '/api/me/meetings' })).json().items).toEqual([]);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}member`);
    const theirs = (await other.request({ method: 'GET', url: '/api/me/meetings' })).json().items;
    expect(theirs.map((m: { id: string }) => m.id)).not.toContain(meetingId);
  });
});
