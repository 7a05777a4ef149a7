/**
 * Issue 9's organisation rules through HTTP: committees only where a branch is big enough, terms
 * (none for the 党组, 3–5 for 党总支 and 机关党委), annual meetings under the year they cover, the 党组
 * secretary's 党课, the 民主生活会 reported 10–15 days ahead, 谈心谈话 per pair, a cell's drawer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtInstant, courtToday } from '@qizhi/domain';
import { createTestContext, type Session, type TestContext } from '../../../test/harness.ts';
import { OTHER_COURT } from '../../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let leader: Session;
let member: Session;
let staff: Session;
let orgUnits: { id: string; kind: string; name: string; parentId: string | null }[];
const year = Number(courtToday().slice(0, 4));
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  leader = await ctx.login('leader');
  member = await ctx.login('member');
  staff = await ctx.login('staff');
  orgUnits = (await leader.request({ method: 'GET', url: '/api/org-units' })).json().items;
});
afterAll(async () => {
  await ctx.close();
});

const branch = () => orgUnits.find((u) => u.kind === 'branch')!;
const group = () => orgUnits.find((u) => u.kind === 'party_group')!;
interface Item {
  orgUnitId: string;
  type: string;
  period: string;
  required: number;
  held: number;
  note?: string;
}
const board = async (y = year, s = leader) =>
  (await s.request({ method: 'GET', url: `/api/compliance?year=${String(y)}` })).json().items as Item[];
const at = (date: string, time = '15:00') => courtInstant(date, time).toISOString();
const plan = (s: Session, payload: Record<string, unknown>) =>
  s.request({ method: 'POST', url: '/api/meetings', payload: { topic: '测试', place: '会议室', ...payload } });

describe('committees', () => {
  it('asks a branch with a committee for monthly 支委会, and none of a branch too small for one', async () => {
    const items = await board();
    expect(items.filter((i) => i.orgUnitId === branch().id && i.type === 'branch_committee')).toHaveLength(12);
    const created = await secretary.request({
      method: 'POST',
      url: '/api/org-units',
      payload: { kind: 'branch', parentId: group().id, name: '测试小支部', committee: [] },
    });
    expect(created.statusCode).toBe(201);
    const small = created.json();
    const after = await board();
    expect(after.filter((i) => i.orgUnitId === small.id && i.type === 'branch_committee')).toEqual([]);
    expect(after.some((i) => i.orgUnitId === small.id && i.type === 'branch_general')).toBe(true);
  });

  it('tells a branch of fewer than 7 full members with a committee of 3 that it should have none', async () => {
    const people = (await leader.request({ method: 'GET', url: '/api/members?pageSize=3' })).json().items as {
      id: string;
    }[];
    const created = (
      await secretary.request({
        method: 'POST',
        url: '/api/org-units',
        payload: {
          kind: 'branch',
          parentId: group().id,
          name: '测试三人委员会支部',
          secretaryPersonId: people[0]!.id,
          committee: people.slice(1, 3).map((p) => ({ personId: p.id, post: '委员' })),
        },
      })
    ).json();
    expect(created.notices).toContainEqual({
      kind: 'committeeSize',
      message: '正式党员不足7名的党支部不设支部委员会，只设书记1名，必要时设副书记1名，现有3名',
    });
    expect((await board()).filter((i) => i.orgUnitId === created.id && i.type === 'branch_committee')).toEqual([]);
  });
});

describe('terms', () => {
  it('gives the 党组 no term and refuses a setting for it', async () => {
    const set = await secretary.request({
      method: 'PATCH',
      url: `/api/org-units/${group().id}`,
      payload: { termStartedOn: '2020-01-01', termYears: 4 },
    });
    expect(set.statusCode).toBe(400);
    expect(set.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '只有党总支和机关党委的任期可以设置',
    });
    const started = await secretary.request({
      method: 'PATCH',
      url: `/api/org-units/${group().id}`,
      payload: { termStartedOn: '2020-01-01' },
    });
    expect(started.json()).toMatchObject({ termYears: null, termEndsOn: null });
    expect(started.json().notices.map((n: { kind: string }) => n.kind)).not.toContain('reelectionOverdue');
  });

  it('sets a 党总支 term of 3 to 5 years, refusing 2 and 6', async () => {
    const make = (termYears: number) =>
      secretary.request({
        method: 'POST',
        url: '/api/org-units',
        payload: {
          kind: 'general_branch',
          parentId: group().id,
          name: `测试总支${String(termYears)}`,
          termStartedOn: '2024-03-01',
          termYears,
        },
      });
    const five = await make(5);
    expect(five.statusCode).toBe(201);
    expect(five.json()).toMatchObject({ termYears: 5, termYearsSetting: 5, termEndsOn: '2029-03-01' });
    expect((await make(3)).json()).toMatchObject({ termYears: 3, termEndsOn: '2027-03-01' });
    for (const bad of [2, 6]) {
      const refused = await make(bad);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(refused.json())).toContain('任期应为3至5年');
    }
  });
});

describe('annual meetings under the year they cover', () => {
  it('prefills January with the year before, counts it there, and refuses another year', async () => {
    const january = await plan(secretary, {
      type: 'org_life',
      orgUnitId: branch().id,
      startsAt: at(`${String(year)}-01-10`),
    });
    expect(january.statusCode).toBe(201);
    expect(january.json().coveredYear).toBe(year - 1);
    const before = (await board(year - 1)).find((i) => i.orgUnitId === branch().id && i.type === 'org_life')!.held;
    const thisYear = (await board()).find((i) => i.orgUnitId === branch().id && i.type === 'org_life')!.held;
    await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${String(january.json().id)}/minutes`,
      payload: { minutes: '<p>上年度组织生活会：查摆问题，开展批评与自我批评。</p>' },
    });
    expect((await board(year - 1)).find((i) => i.orgUnitId === branch().id && i.type === 'org_life')!.held).toBe(
      before + 1,
    );
    expect((await board()).find((i) => i.orgUnitId === branch().id && i.type === 'org_life')!.held).toBe(thisYear);

    const march = await plan(secretary, {
      type: 'org_life',
      orgUnitId: branch().id,
      startsAt: at(`${String(year)}-03-10`),
    });
    expect(march.json().coveredYear).toBe(year);
    const wrong = await plan(secretary, {
      type: 'org_life',
      orgUnitId: branch().id,
      startsAt: at(`${String(year)}-03-10`),
      coveredYear: year - 2,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `所属年度应为召开当年（${String(year)}年）或上一年（${String(year - 1)}年）`,
    });
    const notAnnual = await plan(secretary, {
      type: 'branch_general',
      orgUnitId: branch().id,
      startsAt: at(`${String(year)}-03-10`),
      coveredYear: year,
    });
    expect(notAnnual.json().error).toMatchObject({ message: '只有组织生活会、民主生活会等年度会议需要填写所属年度' });
    const changed = await secretary.request({
      method: 'PATCH',
      url: `/api/meetings/${String(march.json().id)}`,
      payload: { coveredYear: year - 1 },
    });
    expect(changed.json().coveredYear).toBe(year - 1);
    expect(
      (await plan(member, { type: 'org_life', orgUnitId: branch().id, startsAt: at(`${String(year)}-03-10`) }))
        .statusCode,
    ).toBe(403);
  });
});

describe('the 党组 items', () => {
  it('shows the secretary’s 党课 and the 民主生活会 report, late at 9 days and on time at 12', async () => {
    const items = (await board()).filter((i) => i.orgUnitId === group().id);
    expect(items.find((i) => i.type === 'secretary_lecture')).toMatchObject({ period: String(year), required: 1 });
    const meetingDay = `${String(year + 1)}-12-18`;
    const planned = await plan(clerk, {
      type: 'democratic_life',
      orgUnitId: group().id,
      startsAt: at(meetingDay, '09:00'),
      reportedOn: `${String(year + 1)}-12-09`,
    });
    expect(planned.statusCode).toBe(201);
    expect(planned.json()).toMatchObject({ coveredYear: year + 1, reportedOn: `${String(year + 1)}-12-09` });
    const report = async () =>
      (await board(year + 1)).find((i) => i.orgUnitId === group().id && i.type === 'democratic_life_report')!;
    expect(await report()).toMatchObject({ held: 0, note: expect.stringMatching(/^报告过晚：.*会前9天/) });
    await clerk.request({
      method: 'PATCH',
      url: `/api/meetings/${String(planned.json().id)}`,
      payload: { reportedOn: `${String(year + 1)}-12-06` },
    });
    expect(await report()).toMatchObject({ held: 1, note: expect.stringMatching(/^按时报告：.*会前12天/) });
    const after = await clerk.request({
      method: 'PATCH',
      url: `/api/meetings/${String(planned.json().id)}`,
      payload: { reportedOn: `${String(year + 1)}-12-19` },
    });
    expect(after.statusCode).toBe(400);
    expect(after.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '报告日期不能晚于会议日期' });
    const otherType = await plan(secretary, {
      type: 'org_life',
      orgUnitId: branch().id,
      startsAt: at(`${String(year)}-11-10`),
      reportedOn: `${String(year)}-11-01`,
    });
    expect(otherType.json().error).toMatchObject({ message: '只有民主生活会需要登记向上级报告的日期' });
  });

  it('counts 谈心谈话 per pair and plans a talk with the person talked with', async () => {
    const talk = (await board()).find((i) => i.orgUnitId === branch().id && i.type === 'talk')!;
    expect(talk.required).toBeGreaterThan(10);
    expect(talk.note).toBe(`应谈心谈话${String(talk.required)}对，已谈${String(talk.held)}对`);
    const people = (await leader.request({ method: 'GET', url: '/api/members?pageSize=2' })).json().items as {
      id: string;
    }[];
    const planned = await plan(secretary, {
      type: 'talk',
      orgUnitId: branch().id,
      startsAt: at(`${String(year)}-06-10`),
      talkPersonIds: [people[1]!.id],
    });
    expect(planned.statusCode).toBe(201);
    expect(planned.json().attendees.map((a: { personId: string }) => a.personId)).toEqual([people[1]!.id]);
    const refused = await plan(secretary, {
      type: 'cell',
      orgUnitId: orgUnits.find((u) => u.kind === 'cell')!.id,
      startsAt: at(`${String(year)}-06-10`),
      talkPersonIds: [people[1]!.id],
    });
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '只有谈心谈话需要选择谈话对象' });
  });
});

describe('a cell of the board', () => {
  it('lists only the cell’s organisation and period, with periods and pairs in Chinese', async () => {
    const cell = await leader.request({
      method: 'GET',
      url: `/api/compliance/cell?orgUnitId=${branch().id}&year=${String(year)}&month=12`,
    });
    expect(cell.statusCode).toBe(200);
    const items = cell.json().items as (Item & {
      periodLabel: string;
      meetings: { orgUnitId: string; startsAt: string; type: string }[];
      pairs?: { names: string[]; done: boolean }[];
    })[];
    expect(items.map((i) => i.periodLabel)).toContain(`${String(year)}年第四季度`);
    expect(items.map((i) => i.periodLabel)).toContain(`${String(year)}年12月`);
    for (const i of items) for (const m of i.meetings) expect(m.orgUnitId).toBe(branch().id);
    const monthly = items.find((i) => i.type === 'theme_day')!;
    for (const m of monthly.meetings) expect(courtToday(new Date(m.startsAt)).slice(0, 7)).toBe(`${String(year)}-12`);
    const talk = items.find((i) => i.type === 'talk')!;
    expect(talk.pairs).toHaveLength(talk.required);
    expect(talk.pairs!.filter((p) => p.done)).toHaveLength(talk.held);
  });

  it('refuses without the permission, outside the court and with a bad month', async () => {
    const url = `/api/compliance/cell?orgUnitId=${branch().id}&year=${String(year)}&month=12`;
    expect((await staff.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}leader`);
    expect((await other.request({ method: 'GET', url })).statusCode).toBe(404);
    const bad = await leader.request({ method: 'GET', url: url.replace('month=12', 'month=13') });
    expect(bad.statusCode).toBe(400);
  });
});

describe('reminders', () => {
  it('name periods in Chinese, never as codes', async () => {
    const items = (await clerk.request({ method: 'GET', url: '/api/reminders' })).json().items as {
      kind: string;
      title: string;
      detail: string;
    }[];
    const toHold = items.filter((i) => i.kind === 'meetingToHold');
    expect(toHold.length).toBeGreaterThan(0);
    for (const r of toHold) expect(`${r.title}${r.detail}`).not.toMatch(/\d{4}-(Q\d|\d{2})/);
    expect(toHold.some((r) => r.detail.startsWith(`${String(year)}年`))).toBe(true);
  });
});
