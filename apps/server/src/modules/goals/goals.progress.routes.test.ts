import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

/**
 * The four-level flow through HTTP: the leader sets a 党组 goal and decomposes it to the branch,
 * the secretary decomposes it to the cells and one cell's goal to its members, a member reports
 * progress with evidence, and only the level above may accept it.
 */
let ctx: TestContext;
let leader: Session;
let secretary: Session;
let clerk: Session;
let member: Session;
let staff: Session;
type Unit = { id: string; kind: string; name: string };
let units: Unit[];
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const YEAR = 2027;

beforeAll(async () => {
  ctx = await createTestContext();
  leader = await ctx.login('leader');
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  member = await ctx.login('member');
  staff = await ctx.login('staff');
  units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
});
afterAll(async () => {
  await ctx.close();
});

const unitOf = (kind: string, nameIncludes = '') =>
  units.find((u) => u.kind === kind && u.name.includes(nameIncludes))!;
const levelOf = async (s: Session, parentId: string | null, year = YEAR) =>
  (
    await s.request({
      method: 'GET',
      url: `/api/goals?year=${String(year)}${parentId ? `&parentId=${parentId}` : ''}`,
    })
  ).json().items;
/** The goal as its level of the year's tree lists it, found through its path. */
const goalIn = async (s: Session, id: string, year = YEAR) => {
  const path = (await s.request({ method: 'GET', url: `/api/goals/${id}/path` })).json().items as { id: string }[];
  expect(path.at(-1)?.id).toBe(id);
  return (await levelOf(s, path.at(-2)?.id ?? null, year)).find((g: { id: string }) => g.id === id);
};

describe('decomposition and progress through four levels', () => {
  let rootId: string;
  let branchGoalId: string;
  let trialCellGoalId: string;
  let memberGoalId: string;
  let reportId: string;

  it('the leader sets a 党组 goal; the secretary may not decompose or edit it', async () => {
    const created = await leader.request({
      method: 'POST',
      url: '/api/goals',
      payload: {
        year: YEAR,
        level: 'party_group',
        title: '党员年度学习教育达标',
        dimension: 'learning',
        indicatorKind: 'count',
        targetValue: 32,
        unit: '学时',
        weight: 10,
        owner: { kind: 'org_unit', id: unitOf('party_group').id },
        deadline: `${String(YEAR)}-12-31`,
      },
    });
    expect(created.statusCode).toBe(201);
    rootId = created.json().id;
    expect(created.json()).toMatchObject({
      level: 'party_group',
      progress: 0,
      overdue: false,
      ownerName: unitOf('party_group').name,
    });
    const branch = unitOf('branch');
    const bySecretary = await secretary.request({
      method: 'POST',
      url: `/api/goals/${rootId}/decompose`,
      payload: { owners: [{ kind: 'org_unit', id: branch.id }] },
    });
    expect(bySecretary.statusCode).toBe(403);
    expect(
      (await secretary.request({ method: 'PATCH', url: `/api/goals/${rootId}`, payload: { title: '改' } })).statusCode,
    ).toBe(403);
    const byLeader = await leader.request({
      method: 'POST',
      url: `/api/goals/${rootId}/decompose`,
      payload: { owners: [{ kind: 'org_unit', id: branch.id }] },
    });
    expect(byLeader.statusCode).toBe(201);
    const [child] = byLeader.json().items;
    expect(child).toMatchObject({ level: 'branch', weight: 10, targetValue: 32, parentId: rootId });
    branchGoalId = child.id;
  });

  it('the secretary decomposes the branch goal to the four cells, weights preserving the total', async () => {
    const cells = units.filter((u) => u.kind === 'cell');
    const res = await secretary.request({
      method: 'POST',
      url: `/api/goals/${branchGoalId}/decompose`,
      payload: { owners: cells.map((c) => ({ kind: 'org_unit', id: c.id })) },
    });
    expect(res.statusCode).toBe(201);
    const items = res.json().items as { weight: number; level: string; ownerId: string; id: string }[];
    expect(items.map((g) => g.level)).toEqual(['unit', 'unit', 'unit', 'unit']);
    expect(items.reduce((s, g) => s + g.weight, 0)).toBeCloseTo(10, 10);
    trialCellGoalId = items.find((g) => g.ownerId === unitOf('cell', '审判').id)!.id;
    const again = await secretary.request({
      method: 'POST',
      url: `/api/goals/${branchGoalId}/decompose`,
      payload: { owners: [{ kind: 'org_unit', id: cells[0]!.id }] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('GOAL_HAS_CHILDREN');
  });

  it('refuses owners that do not fit the level, duplicates, and weights that do not add up', async () => {
    const members = (
      await secretary.request({ method: 'GET', url: `/api/members?orgUnitId=${unitOf('cell', '审判').id}&pageSize=50` })
    ).json().items;
    const nonParty = (await clerk.request({ method: 'GET', url: '/api/members?status=non_party&pageSize=1' })).json()
      .items[0];
    const cases: [Record<string, unknown>, string][] = [
      [{ owners: [{ kind: 'org_unit', id: unitOf('branch').id }] }, 'owners.0'],
      [{ owners: [{ kind: 'person', id: nonParty.id }] }, 'owners.0'],
      [
        {
          owners: [
            { kind: 'person', id: members[0].id },
            { kind: 'person', id: members[0].id },
          ],
        },
        'owners.1',
      ],
      [
        {
          owners: [
            { kind: 'person', id: members[0].id, weight: 1 },
            { kind: 'person', id: members[1].id },
          ],
        },
        'owners',
      ],
      [
        {
          owners: [
            { kind: 'person', id: members[0].id, weight: 1 },
            { kind: 'person', id: members[1].id, weight: 1 },
          ],
        },
        'owners',
      ],
      [{ owners: [] }, 'owners'],
      [{ owners: [{ kind: 'team', id: members[0].id }] }, 'owners.0.kind'],
    ];
    for (const [payload, path] of cases) {
      const res = await secretary.request({ method: 'POST', url: `/api/goals/${trialCellGoalId}/decompose`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(
        res.json().error.details.issues.map((i: { path: string }) => i.path),
        JSON.stringify(payload),
      ).toContain(path);
    }
  });

  it('decomposes the trial cell goal to its members, given weights preserving the cell total', async () => {
    const cellGoal = await goalIn(secretary, trialCellGoalId);
    const members = (
      await secretary.request({
        method: 'GET',
        url: `/api/members?orgUnitId=${unitOf('cell', '审判').id}&pageSize=50&status=full`,
      })
    ).json().items as { id: string; name: string }[];
    const me = (await member.request({ method: 'GET', url: '/api/members/me' })).json();
    const chosen = [me, ...members.filter((m) => m.id !== me.id).slice(0, 2)];
    const res = await secretary.request({
      method: 'POST',
      url: `/api/goals/${trialCellGoalId}/decompose`,
      payload: {
        owners: chosen.map((m, i) => ({ kind: 'person', id: m.id, weight: i === 0 ? 1.5 : 0.5 })),
      },
    });
    expect(res.statusCode).toBe(201);
    expect(cellGoal.weight).toBe(2.5);
    memberGoalId = res.json().items[0].id;
    expect(res.json().items[0]).toMatchObject({ level: 'member', ownerName: me.name, weight: 1.5 });
    const deeper = await secretary.request({
      method: 'POST',
      url: `/api/goals/${memberGoalId}/decompose`,
      payload: { owners: [{ kind: 'person', id: me.id }] },
    });
    expect(deeper.statusCode).toBe(409);
    expect(deeper.json().error.code).toBe('GOAL_NOT_DECOMPOSABLE');
  });

  it('the member reports progress with evidence; only accepted reports move progress', async () => {
    const mine = (await member.request({ method: 'GET', url: `/api/goals/mine?year=${String(YEAR)}` })).json();
    expect(mine.items.map((g: { id: string }) => g.id)).toContain(memberGoalId);
    const upload = await member.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('file', '学习证明.png', PNG, 'image/png'),
    });
    const res = await member.request({
      method: 'POST',
      url: `/api/goals/${memberGoalId}/progress`,
      payload: { value: 16, note: '上半年完成16学时', fileIds: [upload.json().id] },
    });
    expect(res.statusCode).toBe(201);
    reportId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'pending', value: 16, files: [{ name: '学习证明.png' }] });
    expect((await goalIn(secretary, memberGoalId)).progress).toBe(0);
    expect((await goalIn(secretary, memberGoalId)).pendingReports).toBe(1);
    const detail = (await member.request({ method: 'GET', url: `/api/goals/${memberGoalId}` })).json();
    expect(detail).toMatchObject({ canReport: true, canManage: false, canDecompose: false });
    const cellDetail = (await secretary.request({ method: 'GET', url: `/api/goals/${trialCellGoalId}` })).json();
    expect(cellDetail).toMatchObject({ canReport: false, canManage: true, canDecompose: false });
    const branchDetail = (await secretary.request({ method: 'GET', url: `/api/goals/${branchGoalId}` })).json();
    expect(branchDetail).toMatchObject({ canManage: false, childCount: 4 });
    expect(detail.ancestors.map((a: { level: string }) => a.level)).toEqual(['party_group', 'branch', 'unit']);
  });

  it('the member cannot accept their own report; the secretary (level above) accepts, and the branch total moves', async () => {
    const byMember = await member.request({ method: 'POST', url: `/api/goal-reports/${reportId}/accept`, payload: {} });
    expect(byMember.statusCode).toBe(403);
    const queue = (await secretary.request({ method: 'GET', url: '/api/goal-reports' })).json().items;
    expect(queue.map((r: { id: string }) => r.id)).toContain(reportId);
    const before = await goalIn(secretary, branchGoalId);
    const accepted = await secretary.request({
      method: 'POST',
      url: `/api/goal-reports/${reportId}/accept`,
      payload: { note: '属实' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewNote: '属实' });
    const memberGoal = await goalIn(secretary, memberGoalId);
    expect(memberGoal).toMatchObject({ currentValue: 16, progress: 0.5 });
    // The member's goal carries 1.5 of the cell's 2.5; the cell is a quarter of the branch.
    expect((await goalIn(secretary, trialCellGoalId)).progress).toBe(0.3);
    const after = await goalIn(secretary, branchGoalId);
    expect(before.progress).toBe(0);
    expect(after.progress).toBe(0.075);
    expect((await goalIn(leader, rootId)).progress).toBe(0.075);
    const twice = await secretary.request({ method: 'POST', url: `/api/goal-reports/${reportId}/accept`, payload: {} });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('REPORT_ALREADY_REVIEWED');
  });

  it('a member reports only on their own goals; a decomposed goal takes no reports', async () => {
    const others = (await goalIn(secretary, trialCellGoalId)) as { id: string };
    const siblings = (await levelOf(secretary, others.id)).filter(
      (g: { parentId: string; id: string }) => g.parentId === others.id && g.id !== memberGoalId,
    );
    const foreign = await member.request({
      method: 'POST',
      url: `/api/goals/${siblings[0].id}/progress`,
      payload: { value: 1, note: '' },
    });
    expect(foreign.statusCode).toBe(404);
    const byClerk = await clerk.request({
      method: 'POST',
      url: `/api/goals/${siblings[0].id}/progress`,
      payload: { value: 1, note: '' },
    });
    expect(byClerk.statusCode).toBe(403);
    const onParent = await secretary.request({
      method: 'POST',
      url: `/api/goals/${branchGoalId}/progress`,
      payload: { value: 1, note: '' },
    });
    expect(onParent.statusCode).toBe(409);
    expect(onParent.json().error.code).toBe('GOAL_HAS_CHILDREN');
    for (const payload of [
      { value: -1 },
      { value: 'x' },
      { value: 1, fileIds: ['00000000-0000-4000-8000-000000000000'] },
      { value: 1, extra: 1 },
    ]) {
      const res = await member.request({ method: 'POST', url: `/api/goals/${memberGoalId}/progress`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(
      (await staff.request({ method: 'POST', url: `/api/goals/${memberGoalId}/progress`, payload: { value: 1 } }))
        .statusCode,
    ).toBe(404);
  });

  it('a branch goal is reported by the secretary and accepted by the 党组 only, never by its reporter', async () => {
    const leaf = await leader.request({
      method: 'POST',
      url: '/api/goals',
      payload: {
        year: YEAR,
        parentId: rootId,
        level: 'branch',
        title: '建成党建活动室',
        dimension: 'innovative',
        indicatorKind: 'milestone',
        weight: 0,
        owner: { kind: 'org_unit', id: unitOf('branch').id },
      },
    });
    expect(leaf.statusCode).toBe(201);
    expect(leaf.json()).toMatchObject({ targetValue: 1, unit: '' });
    const half = await secretary.request({
      method: 'POST',
      url: `/api/goals/${leaf.json().id}/progress`,
      payload: { value: 0.5 },
    });
    expect(half.statusCode).toBe(400);
    const report = await secretary.request({
      method: 'POST',
      url: `/api/goals/${leaf.json().id}/progress`,
      payload: { value: 1, note: '已建成' },
    });
    expect(report.statusCode).toBe(201);
    const self = await secretary.request({
      method: 'POST',
      url: `/api/goal-reports/${report.json().id}/accept`,
      payload: {},
    });
    expect(self.statusCode).toBe(403);
    const badReturn = await leader.request({
      method: 'POST',
      url: `/api/goal-reports/${report.json().id}/return`,
      payload: {},
    });
    expect(badReturn.statusCode).toBe(400);
    const returned = await leader.request({
      method: 'POST',
      url: `/api/goal-reports/${report.json().id}/return`,
      payload: { note: '请附照片' },
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewNote: '请附照片' });
    expect((await goalIn(leader, leaf.json().id)).progress).toBe(0);
  });

  it('deletes only a goal without children or reports, and audits every write', async () => {
    expect((await secretary.request({ method: 'DELETE', url: `/api/goals/${trialCellGoalId}` })).statusCode).toBe(409);
    expect((await secretary.request({ method: 'DELETE', url: `/api/goals/${memberGoalId}` })).statusCode).toBe(409);
    const spare = (await levelOf(secretary, trialCellGoalId)).find(
      (g: { parentId: string; id: string }) => g.parentId === trialCellGoalId && g.id !== memberGoalId,
    );
    expect((await member.request({ method: 'DELETE', url: `/api/goals/${spare.id}` })).statusCode).toBe(403);
    expect((await secretary.request({ method: 'DELETE', url: `/api/goals/${spare.id}` })).statusCode).toBe(200);
    const auditor = await ctx.login('auditor');
    const actions = (await auditor.request({ method: 'GET', url: '/api/audit?action=goal&pageSize=100' }))
      .json()
      .items.map((e: { action: string }) => e.action);
    for (const a of [
      'goal.create',
      'goal.decompose',
      'goal.report',
      'goal.report_accept',
      'goal.report_return',
      'goal.delete',
    ])
      expect(actions, a).toContain(a);
  });

  it("another court's goals and reports cannot be reached", async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}secretary`);
    const otherGoal = (await levelOf(other, null, 2026))[0];
    const otherReport = (await other.request({ method: 'GET', url: '/api/goal-reports' })).json().items[0];
    expect((await secretary.request({ method: 'GET', url: `/api/goals/${otherGoal.id}` })).statusCode).toBe(404);
    expect(
      (await secretary.request({ method: 'PATCH', url: `/api/goals/${otherGoal.id}`, payload: { title: 'x' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await secretary.request({
          method: 'POST',
          url: `/api/goals/${otherGoal.id}/decompose`,
          payload: { owners: [{ kind: 'org_unit', id: unitOf('branch').id }] },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await secretary.request({ method: 'POST', url: `/api/goals/${otherGoal.id}/progress`, payload: { value: 1 } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await secretary.request({ method: 'POST', url: `/api/goal-reports/${otherReport.id}/accept`, payload: {} }))
        .statusCode,
    ).toBe(404);
    expect((await secretary.request({ method: 'DELETE', url: `/api/goals/${otherGoal.id}` })).statusCode).toBe(404);
  });
});
