import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let secretary: Session;
let member: Session;
let meetingId: string;
let me: string;
let other: string;
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  member = await ctx.login('member');
  me = (await member.request({ method: 'GET', url: '/api/auth/me' })).json().user.personId;
  const units = (await secretary.request({ method: 'GET', url: '/api/org-units' })).json().items;
  const branch = units.find((u: { kind: string }) => u.kind === 'branch');
  const created = await secretary.request({
    method: 'POST',
    url: '/api/meetings',
    payload: {
      type: 'branch_general',
      orgUnitId: branch.id,
      topic: '请假原因可见范围',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      place: '党员活动室',
    },
  });
  expect(created.statusCode).toBe(201);
  meetingId = created.json().id;
  other = created.json().attendees.find((a: { personId: string }) => a.personId !== me).personId;
  const recorded = await secretary.request({
    method: 'PUT',
    url: `/api/meetings/${meetingId}/attendance`,
    payload: [{ personId: other, state: 'leave', reason: '住院治疗' }],
  });
  expect(recorded.statusCode).toBe(200);
  const leave = await member.request({
    method: 'POST',
    url: `/api/meetings/${meetingId}/leave`,
    payload: { reason: '出庭' },
  });
  expect(leave.statusCode).toBe(200);
});
afterAll(async () => {
  await ctx.close();
});

type Row = { personId: string; reason?: string | null; state: string };

describe('reasons for leave on the attendance list', () => {
  it('an attendee sees the list without other people’s reasons, but their own', async () => {
    const res = await member.request({ method: 'GET', url: `/api/meetings/${meetingId}` });
    expect(res.statusCode).toBe(200);
    const rows: Row[] = res.json().attendees;
    const theirs = rows.find((a) => a.personId === other)!;
    expect(theirs.state).toBe('leave');
    expect(theirs).not.toHaveProperty('reason');
    expect(rows.filter((a) => a.personId !== me).every((a) => !('reason' in a))).toBe(true);
    expect(rows.find((a) => a.personId === me)).toMatchObject({ state: 'leave', reason: '出庭' });
    expect(res.json().myAttendance).toMatchObject({ reason: '出庭', leaveApproved: false });
    expect(res.body).not.toContain('住院治疗');
  });

  it('the officer managing the organisation sees every reason', async () => {
    const rows: Row[] = (await secretary.request({ method: 'GET', url: `/api/meetings/${meetingId}` })).json()
      .attendees;
    expect(rows.find((a) => a.personId === other)?.reason).toBe('住院治疗');
    expect(rows.find((a) => a.personId === me)?.reason).toBe('出庭');
  });

  it('the host sees every reason even without managing the organisation', async () => {
    const changed = await secretary.request({
      method: 'PATCH',
      url: `/api/meetings/${meetingId}`,
      payload: { hostPersonId: me },
    });
    expect(changed.statusCode).toBe(200);
    const rows: Row[] = (await member.request({ method: 'GET', url: `/api/meetings/${meetingId}` })).json().attendees;
    expect(rows.find((a) => a.personId === other)?.reason).toBe('住院治疗');
  });
});
