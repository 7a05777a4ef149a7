import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthPeriod, periodOf, courtToday } from '@qizhi/domain';
import { createTestContext, type Session, type TestContext } from '../../../test/harness.ts';
import { OTHER_COURT } from '../../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let leader: Session;
let member: Session;
let staff: Session;
let orgUnits: { id: string; kind: string; name: string }[];
const today = courtToday();
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  leader = await ctx.login('leader');
  member = await ctx.login('member');
  staff = await ctx.login('staff');
  orgUnits = (await leader.request({ method: 'GET', url: '/api/org-units' })).json().items;
});
afterAll(async () => {
  await ctx.close();
});

const branch = () => orgUnits.find((u) => u.kind === 'branch')!;
const cell = (prefix: string) => orgUnits.find((u) => u.kind === 'cell' && u.name.startsWith(prefix))!;
interface Item {
  orgUnitId: string;
  type: string;
  period: string;
  required: number;
  held: number;
}
const compliance = async (s: Session, q = '') =>
  (await s.request({ method: 'GET', url: `/api/compliance?year=${String(year)}${q}` })).json().items as Item[];

describe('GET /api/compliance', () => {
  it('gives required vs held per organisation, type and period, showing the seeded gaps', async () => {
    const items = await compliance(leader);
    expect(items[0]).toEqual({
      orgUnitId: expect.any(String),
      type: expect.any(String),
      period: expect.any(String),
      required: 1,
      held: expect.any(Number),
    });
    const of = (org: string, type: string, period: string) =>
      items.find((i) => i.orgUnitId === org && i.type === type && i.period === period);
    expect(of(cell('第一').id, 'cell', monthPeriod(year, 1))!.held).toBe(1);
    if (month > 4) expect(of(cell('第二').id, 'cell', monthPeriod(year, month - 4))!.held).toBe(0);
    expect(
      items.filter((i) => i.type === 'branch_general' && i.orgUnitId === branch().id).map((i) => i.period),
    ).toEqual([1, 2, 3, 4].map((q) => `${String(year)}-Q${String(q)}`));
    expect(items.some((i) => i.type === 'democratic_life' && i.period === String(year))).toBe(true);
  });

  it('narrows to a subtree, keeps to the reach of the permission, and refuses bad input', async () => {
    const one = await compliance(secretary, `&orgUnitId=${cell('第一').id}`);
    expect(new Set(one.map((i) => i.orgUnitId))).toEqual(new Set([cell('第一').id]));
    // The secretary's grant is the branch: the 党组's democratic life meeting is outside it.
    expect((await compliance(secretary)).some((i) => i.type === 'democratic_life')).toBe(false);
    expect((await staff.request({ method: 'GET', url: `/api/compliance?year=${String(year)}` })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/compliance?year=${String(year)}` })).statusCode).toBe(401);
    for (const q of ['', 'year=abc', 'year=1900', `year=${String(year)}&orgUnitId=1`])
      expect((await leader.request({ method: 'GET', url: `/api/compliance?${q}` })).statusCode, q).toBe(400);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}leader`);
    expect(
      (await other.request({ method: 'GET', url: `/api/compliance?year=${String(year)}&orgUnitId=${branch().id}` }))
        .statusCode,
    ).toBe(404);
  });

  it('counts a meeting once its minutes are recorded, in its Shanghai period', async () => {
    const period = periodOf(new Date(), 'quarterly');
    const before = (await compliance(leader)).find((i) => i.type === 'branch_general' && i.period === period)!.held;
    const created = (
      await secretary.request({
        method: 'POST',
        url: '/api/meetings',
        payload: {
          type: 'branch_general',
          orgUnitId: branch().id,
          topic: '测试',
          startsAt: new Date().toISOString(),
          place: '会议室',
        },
      })
    ).json();
    await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${created.id}/minutes`,
      payload: { minutes: '<p>记录</p>' },
    });
    const after = (await compliance(leader)).find((i) => i.type === 'branch_general' && i.period === period)!.held;
    expect(after).toBe(before + 1);
  });
});

describe('frequency settings', () => {
  it('a court changes a frequency for one organisation, audited; null restores the default', async () => {
    const set = await secretary.request({
      method: 'PUT',
      url: '/api/compliance/settings',
      payload: { orgUnitId: branch().id, type: 'lecture', frequency: 'monthly' },
    });
    expect(set.statusCode).toBe(200);
    expect(
      set.json().items.find((i: Item & { isDefault: boolean }) => i.type === 'lecture' && i.orgUnitId === branch().id),
    ).toMatchObject({ frequency: 'monthly', isDefault: false });
    expect((await compliance(leader)).filter((i) => i.type === 'lecture')).toHaveLength(12);
    await secretary.request({
      method: 'PUT',
      url: '/api/compliance/settings',
      payload: { orgUnitId: branch().id, type: 'lecture', frequency: null },
    });
    expect((await compliance(leader)).filter((i) => i.type === 'lecture')).toHaveLength(4);
    expect(
      (
        await leader.request({
          method: 'PUT',
          url: '/api/compliance/settings',
          payload: { orgUnitId: branch().id, type: 'lecture', frequency: 'monthly' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await secretary.request({
          method: 'PUT',
          url: '/api/compliance/settings',
          payload: { orgUnitId: branch().id, type: 'lecture', frequency: 'weekly' },
        })
      ).statusCode,
    ).toBe(400);
    const group = orgUnits.find((u) => u.kind === 'party_group')!;
    expect(
      (
        await secretary.request({
          method: 'PUT',
          url: '/api/compliance/settings',
          payload: { orgUnitId: group.id, type: 'lecture', frequency: 'yearly' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('exemptions', () => {
  it('lists, adds and removes exemptions from the expected count', async () => {
    const list = (await secretary.request({ method: 'GET', url: '/api/meeting-exemptions' })).json();
    expect(list.items).toHaveLength(2);
    const people = (
      await secretary.request({ method: 'GET', url: `/api/members?orgUnitId=${cell('第三').id}&pageSize=1` })
    ).json();
    const personId = people.items[0].id;
    const added = await secretary.request({
      method: 'POST',
      url: '/api/meeting-exemptions',
      payload: { personId, reason: '长期借调外地', startsOn: today },
    });
    expect(added.statusCode).toBe(201);
    const id = added.json().items.find((e: { personId: string }) => e.personId === personId).id;
    const planned = (
      await secretary.request({
        method: 'POST',
        url: '/api/meetings',
        payload: {
          type: 'cell',
          orgUnitId: cell('第三').id,
          topic: '学习',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          place: '会议室',
        },
      })
    ).json();
    expect(planned.attendees.find((a: { personId: string }) => a.personId === personId)).toMatchObject({
      exempt: true,
      reason: '长期借调外地',
    });
    expect(
      (
        await secretary.request({
          method: 'POST',
          url: '/api/meeting-exemptions',
          payload: { personId, reason: '', startsOn: today },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await secretary.request({ method: 'DELETE', url: `/api/meeting-exemptions/${id}` })).json().items,
    ).toHaveLength(2);
    expect((await member.request({ method: 'GET', url: '/api/meeting-exemptions' })).statusCode).toBe(403);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    const otherPerson = (await other.request({ method: 'GET', url: '/api/members?pageSize=1' })).json().items[0].id;
    expect(
      (
        await secretary.request({
          method: 'POST',
          url: '/api/meeting-exemptions',
          payload: { personId: otherPerson, reason: 'x', startsOn: today },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await other.request({ method: 'DELETE', url: `/api/meeting-exemptions/${list.items[0].id as string}` }))
        .statusCode,
    ).toBe(404);
  });
});

describe('GET /api/reminders', () => {
  it('tells the secretary what is due, overdue and who is drifting away', async () => {
    const items = (await secretary.request({ method: 'GET', url: '/api/reminders' })).json().items as {
      kind: string;
      title: string;
    }[];
    const kinds = new Set(items.map((i) => i.kind));
    expect(kinds.has('meetingToHold')).toBe(true);
    expect(kinds.has('absentMember')).toBe(true);
    expect(items.find((i) => i.kind === 'absentMember')!.title).toMatch(/已连续[4-9]个月/);
    if (Number(today.slice(8, 10)) > 13 || month > 1) expect(kinds.has('minutesOverdue')).toBe(true);
    expect(kinds.has('taskDue')).toBe(true);
  });

  it('tells a member of the notices to read, and answers everyone signed in', async () => {
    const items = (await member.request({ method: 'GET', url: '/api/reminders' })).json().items as { kind: string }[];
    if (month < 12) expect(items.some((i) => i.kind === 'meetingToAttend')).toBe(true);
    expect(items.some((i) => i.kind === 'absentMember')).toBe(false);
    expect((await staff.request({ method: 'GET', url: '/api/reminders' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/reminders' })).statusCode).toBe(401);
  });
});
