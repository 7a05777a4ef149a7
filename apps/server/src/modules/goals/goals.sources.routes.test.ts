import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

/**
 * Goals counted by the system (issue 12, rules.md policy limits): the demo member's 学时 goal reads the
 * ledger and the 组织生活 goal reads meeting attendance; neither can be reported by hand; the level
 * above chooses the source in the goal form or when decomposing to members.
 */
let ctx: TestContext;
let secretary: Session;
let member: Session;
let staff: Session;
let me: string;
interface MineItem {
  id: string;
  title: string;
  currentValue: number | null;
  progressSource: string;
  indicatorKind: string;
  unit: string;
}
const YEAR = 2026;
const mine = async (): Promise<MineItem[]> =>
  (await member.request({ method: 'GET', url: `/api/goals/mine?year=${String(YEAR)}` })).json().items;
const mineTitled = async (title: string) => (await mine()).find((g) => g.title === title)!;

beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  member = await ctx.login('member');
  staff = await ctx.login('staff');
  me = (await member.request({ method: 'GET', url: '/api/auth/me' })).json().user.personId;
});
afterAll(async () => {
  await ctx.close();
});

describe('goals counted from the ledger and from meeting attendance', () => {
  it('the demo member’s 学时 goal reads the ledger, the 组织生活 goal the meetings attended; no report button', async () => {
    const study = await mineTitled('年度学习教育不少于32学时');
    expect(study.progressSource).toBe('study_hours');
    const ledger = (await member.request({ method: 'GET', url: `/api/study/hours/me?year=${String(YEAR)}` })).json();
    expect(study.currentValue).toBe(ledger.earned);
    const life = await mineTitled('按时参加组织生活');
    expect(life.progressSource).toBe('meeting_attendance');
    expect(life.currentValue).not.toBeNull();
    for (const g of [study, life]) {
      const detail = (await member.request({ method: 'GET', url: `/api/goals/${g.id}` })).json();
      expect(detail.canReport).toBe(false);
      expect(detail.progressSource).toBe(g.progressSource);
    }
  });

  it('refuses a typed report on a counted goal (409 GOAL_PROGRESS_AUTOMATIC), 401 without a session', async () => {
    const study = await mineTitled('年度学习教育不少于32学时');
    const url = `/api/goals/${study.id}/progress`;
    expect((await ctx.app.inject({ method: 'POST', url, payload: { value: 40 } })).statusCode).toBe(401);
    const res = await member.request({ method: 'POST', url, payload: { value: 40, note: '' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('GOAL_PROGRESS_AUTOMATIC');
    expect(res.json().error.message).toContain('进度来自学时台账');
  });

  it('attendance marked at a meeting moves the 组织生活 goal in the same request; absence and a cancellation undo it', async () => {
    const before = (await mineTitled('按时参加组织生活')).currentValue!;
    const units = (await secretary.request({ method: 'GET', url: '/api/org-units' })).json().items;
    const branch = units.find((u: { kind: string }) => u.kind === 'branch');
    const created = await secretary.request({
      method: 'POST',
      url: '/api/meetings',
      payload: {
        type: 'branch_general',
        orgUnitId: branch.id,
        topic: '出勤计入目标',
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        place: '党员活动室',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const mark = (state: string) =>
      secretary.request({
        method: 'PUT',
        url: `/api/meetings/${id}/attendance`,
        payload: [{ personId: me, state, ...(state === 'leave' ? { reason: '出庭' } : {}) }],
      });
    expect((await mark('present')).statusCode).toBe(200);
    expect((await mineTitled('按时参加组织生活')).currentValue).toBe(before + 1);
    expect((await mark('leave')).statusCode).toBe(200);
    expect((await mineTitled('按时参加组织生活')).currentValue).toBe(before);
    expect((await mark('present')).statusCode).toBe(200);
    expect((await mineTitled('按时参加组织生活')).currentValue).toBe(before + 1);
    const cancelled = await secretary.request({ method: 'POST', url: `/api/meetings/${id}/cancel` });
    expect(cancelled.statusCode).toBe(200);
    expect((await mineTitled('按时参加组织生活')).currentValue).toBe(before);
  });

  it('the level above moves a member’s goal to a counted source (400 where it cannot, 403 for the member)', async () => {
    const goal = await mineTitled('与党小组长或支部委员谈心谈话');
    const url = `/api/goals/${goal.id}`;
    expect(
      (await ctx.app.inject({ method: 'PATCH', url, payload: { progressSource: 'meeting_attendance' } })).statusCode,
    ).toBe(401);
    const own = await member.request({ method: 'PATCH', url, payload: { progressSource: 'meeting_attendance' } });
    expect([403, 404]).toContain(own.statusCode);
    const unknown = await secretary.request({ method: 'PATCH', url, payload: { progressSource: 'typed' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].path).toBe('progressSource');
    const milestone = await secretary.request({
      method: 'PATCH',
      url,
      payload: { progressSource: 'study_hours', indicatorKind: 'milestone' },
    });
    expect(milestone.statusCode).toBe(400);
    expect(milestone.json().error.details.issues[0]).toMatchObject({
      path: 'progressSource',
      message: '从学时台账自动统计的目标应为“数量”类指标',
    });

    const counted = await secretary.request({
      method: 'PATCH',
      url,
      payload: { progressSource: 'meeting_attendance' },
    });
    expect(counted.statusCode).toBe(200);
    expect(counted.json()).toMatchObject({ progressSource: 'meeting_attendance' });
    const life = await mineTitled('按时参加组织生活');
    expect((await mineTitled('与党小组长或支部委员谈心谈话')).currentValue).toBe(life.currentValue);
    expect((await member.request({ method: 'GET', url: `/api/goals/${goal.id}` })).json().canReport).toBe(false);

    // Back to typed reports: nothing counted stands as if accepted, and the member may report again.
    const back = await secretary.request({ method: 'PATCH', url, payload: { progressSource: 'report' } });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ progressSource: 'report', currentValue: null });
    expect((await member.request({ method: 'GET', url: `/api/goals/${goal.id}` })).json().canReport).toBe(true);
  });

  it('an organisation’s goal is never counted from one person’s records', async () => {
    const top = (await secretary.request({ method: 'GET', url: `/api/goals?year=${String(YEAR)}` })).json().items;
    const orgGoal = top.find((g: { indicatorKind: string }) => g.indicatorKind === 'count') ?? top[0];
    const res = await secretary.request({
      method: 'PATCH',
      url: `/api/goals/${orgGoal.id}`,
      payload: { progressSource: 'study_hours' },
    });
    expect([400, 403]).toContain(res.statusCode);
    if (res.statusCode === 400) expect(res.json().error.details.issues[0].path).toBe('progressSource');
  });

  it('creating a top goal with a counted source is refused (400); a report goal is created as before', async () => {
    const units = (await secretary.request({ method: 'GET', url: '/api/org-units' })).json().items;
    const branch = units.find((u: { kind: string }) => u.kind === 'branch');
    const body = {
      year: 2027,
      level: 'branch',
      title: '全年参加组织生活',
      dimension: 'regulated',
      indicatorKind: 'count',
      targetValue: 12,
      unit: '次',
      owner: { kind: 'org_unit', id: branch.id },
    };
    const refused = await secretary.request({
      method: 'POST',
      url: '/api/goals',
      payload: { ...body, progressSource: 'meeting_attendance' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({
      path: 'progressSource',
      message: '只有党员本人的目标可以从会议出勤自动统计进度',
    });
    const created = await secretary.request({ method: 'POST', url: '/api/goals', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json().progressSource).toBe('report');

    // Decomposed to the branch's cells with a counted source: refused, the owners are organisations.
    const toCells = await secretary.request({
      method: 'POST',
      url: `/api/goals/${created.json().id as string}/decompose`,
      payload: {
        owners: units
          .filter((u: { kind: string }) => u.kind === 'cell')
          .map((u: { id: string }) => ({ kind: 'org_unit', id: u.id })),
        progressSource: 'meeting_attendance',
      },
    });
    expect(toCells.statusCode).toBe(400);
    expect(toCells.json().error.details.issues[0].path).toBe('progressSource');
  });

  it('decomposed to members with the attendance source, each member’s goal is counted at once', async () => {
    const units = (await secretary.request({ method: 'GET', url: '/api/org-units' })).json().items;
    const branch = units.find((u: { kind: string }) => u.kind === 'branch');
    const root = await secretary.request({
      method: 'POST',
      url: '/api/goals',
      payload: {
        year: 2027,
        level: 'branch',
        title: '党员全年参加组织生活不少于12次',
        dimension: 'regulated',
        indicatorKind: 'count',
        targetValue: 12,
        unit: '次',
        owner: { kind: 'org_unit', id: branch.id },
      },
    });
    const cells = units.filter((u: { kind: string }) => u.kind === 'cell');
    const cellGoals = await secretary.request({
      method: 'POST',
      url: `/api/goals/${root.json().id as string}/decompose`,
      payload: { owners: cells.map((u: { id: string }) => ({ kind: 'org_unit', id: u.id })) },
    });
    expect(cellGoals.statusCode).toBe(201);
    const anyCell = cellGoals.json().items[0];
    const members = await secretary.request({
      method: 'GET',
      url: `/api/members?orgUnitId=${anyCell.ownerId as string}&pageSize=200`,
    });
    expect(members.statusCode).toBe(200);
    const people = (members.json().items as { id: string; status: string }[]).filter((p) => p.status === 'full');
    expect(people.length).toBeGreaterThan(0);
    const toMembers = await secretary.request({
      method: 'POST',
      url: `/api/goals/${anyCell.id as string}/decompose`,
      payload: {
        owners: people.slice(0, 3).map((p) => ({ kind: 'person', id: p.id })),
        progressSource: 'meeting_attendance',
      },
    });
    expect(toMembers.statusCode).toBe(201);
    for (const g of toMembers.json().items) {
      expect(g).toMatchObject({ progressSource: 'meeting_attendance', currentValue: 0, unit: '次' });
    }
  });

  it('another court cannot reach the goal; staff without goals.read is not told it exists', async () => {
    const study = await mineTitled('年度学习教育不少于32学时');
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}secretary`);
    const res = await other.request({
      method: 'PATCH',
      url: `/api/goals/${study.id}`,
      payload: { progressSource: 'report' },
    });
    expect(res.statusCode).toBe(404);
    const hidden = await staff.request({ method: 'GET', url: `/api/goals/${study.id}` });
    expect([403, 404]).toContain(hidden.statusCode);
  });
});
