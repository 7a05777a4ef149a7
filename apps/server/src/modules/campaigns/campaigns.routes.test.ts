import { addDays, courtToday } from '@qizhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let member: Session;
let leader: Session;
let staff: Session;
let memberId: string;
let branchId: string;
let units: { id: string; kind: string; name: string; parentId: string | null }[];
const NOBODY = '00000000-0000-4000-8000-000000000000';
const today = courtToday();

beforeAll(async () => {
  ctx = await createTestContext();
  [secretary, clerk, member, leader, staff] = (await Promise.all(
    ['secretary', 'clerk', 'member', 'leader', 'staff'].map((u) => ctx.login(u)),
  )) as [Session, Session, Session, Session, Session];
  memberId = (await member.request({ method: 'GET', url: '/api/members/me' })).json().id;
  const tree = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json();
  units = tree.items ?? tree;
  branchId = units.find((u) => u.kind === 'branch')!.id;
});
afterAll(async () => {
  await ctx.close();
});

const campaign = (over: Record<string, unknown> = {}) => ({
  title: '学习贯彻主题教育',
  goals: '学思想、强党性、重实践、建新功',
  courtTypes: ['learning', 'clean'],
  orgUnitId: branchId,
  phases: [
    { name: '学习教育', startsOn: addDays(today, -10), endsOn: addDays(today, 10) },
    { name: '整改落实', startsOn: addDays(today, 11), endsOn: addDays(today, 40) },
  ],
  ...over,
});

/** The xmin of a row is the transaction that wrote it: the change and its audit row share one. */
async function sameTransaction(table: string, where: string, entityId: string, action: string) {
  type Row = { row_tx: string | null; audit_tx: string | null };
  const raw = (await ctx.database.db.execute<Row>(
    `select (select xmin::text from ${table} where ${where} limit 1) as row_tx,
            (select xmin::text from audit_log where entity_id = '${entityId}' and action = '${action}' order by id desc limit 1) as audit_tx`,
  )) as { rows: Row[] };
  const r = raw.rows[0]!;
  expect(r.audit_tx, `${action} audit row`).not.toBeNull();
  expect(r.row_tx).toBe(r.audit_tx);
}

describe('every campaign route asks for sign-in and refuses what it may not do', () => {
  it('401 without a session; 403 for a member planning', async () => {
    const routes: [string, string, unknown][] = [
      ['GET', '/api/campaigns', undefined],
      ['POST', '/api/campaigns', campaign()],
      ['GET', '/api/campaigns/dimensions', undefined],
      ['GET', '/api/campaigns/tasks/mine', undefined],
      ['GET', `/api/campaigns/tasks/${NOBODY}`, undefined],
      ['PUT', `/api/campaigns/tasks/${NOBODY}/report`, { done: true, summary: '已完成' }],
      ['GET', `/api/campaigns/${NOBODY}`, undefined],
      ['PATCH', `/api/campaigns/${NOBODY}`, { title: '改' }],
      ['POST', `/api/campaigns/${NOBODY}/phases`, { name: '阶段', startsOn: today, endsOn: today }],
      ['POST', `/api/campaigns/${NOBODY}/tasks`, {}],
    ];
    for (const [method, url, payload] of routes) {
      const res = await ctx.app.inject({ method: method as 'GET', url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    const planning = routes.filter(([m, u]) => m !== 'GET' && !u.includes('/tasks/'));
    for (const [method, url, payload] of [...planning, ['GET', '/api/campaigns/dimensions', undefined] as const]) {
      const res = await member.request({ method, url, ...(payload ? { payload: payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await staff.request({ method: 'POST', url: '/api/campaigns', payload: campaign() })).statusCode).toBe(403);
    // A branch's secretary plans for the branch, not for the whole court.
    const wide = await secretary.request({
      method: 'POST',
      url: '/api/campaigns',
      payload: campaign({ orgUnitId: null }),
    });
    expect(wide.statusCode).toBe(403);
  });

  it('400 for what a person can type wrong, with the field named', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/campaigns', campaign({ title: '' }), 'title'],
      ['POST', '/api/campaigns', campaign({ courtTypes: [] }), 'courtTypes'],
      ['POST', '/api/campaigns', campaign({ courtTypes: ['brave'] }), 'courtTypes.0'],
      ['POST', '/api/campaigns', campaign({ phases: [] }), 'phases'],
      [
        'POST',
        '/api/campaigns',
        campaign({ phases: [{ name: '学习', startsOn: '2026-02-30', endsOn: today }] }),
        'phases.0.startsOn',
      ],
      [
        'POST',
        '/api/campaigns',
        campaign({ phases: [{ name: '学习', startsOn: today, endsOn: addDays(today, -1) }] }),
        'phases.0.endsOn',
      ],
      ['POST', '/api/campaigns', campaign({ orgUnitId: NOBODY }), 'orgUnitId'],
      ['POST', '/api/campaigns', { ...campaign(), extra: 1 }, ''],
      ['GET', '/api/campaigns?year=26', undefined, 'querystring.year'],
      ['GET', '/api/campaigns/dimensions?year=abc', undefined, 'querystring.year'],
    ];
    for (const [method, url, payload, path] of cases) {
      const res = await clerk.request({
        method: method,
        url,
        ...(payload ? { payload: payload } : {}),
      });
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(
        res.json().error.details.issues.map((i: { path: string }) => i.path),
        JSON.stringify(payload),
      ).toContain(path);
    }
  });
});

describe('a campaign: phases, a task for the branch, a member reports, the branch’s progress rises', () => {
  it('runs end to end, each write with its audit row in the same transaction', async () => {
    const created = await secretary.request({ method: 'POST', url: '/api/campaigns', payload: campaign() });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      title: '学习贯彻主题教育',
      orgUnitName: expect.stringContaining('党支部'),
      state: 'active',
      startsOn: addDays(today, -10),
      endsOn: addDays(today, 40),
      canManage: true,
    });
    expect(c.phases.map((p: { name: string; state: string }) => [p.name, p.state])).toEqual([
      ['学习教育', 'active'],
      ['整改落实', 'upcoming'],
    ]);
    await sameTransaction('campaigns', `id = '${c.id}'`, c.id, 'campaign.create');
    const [study, rectify] = c.phases as { id: string }[];

    // 400s that need the campaign: the assignee and the phase.
    const badTasks: [Record<string, unknown>, string][] = [
      [{ phaseId: study!.id, title: '学习', dueOn: today }, 'orgUnitId'],
      [{ phaseId: study!.id, title: '学习', dueOn: today, orgUnitId: branchId, personId: memberId }, 'orgUnitId'],
      [{ phaseId: NOBODY, title: '学习', dueOn: today, orgUnitId: branchId }, 'phaseId'],
      [
        { phaseId: study!.id, title: '学习', dueOn: today, orgUnitId: units.find((u) => u.kind === 'party_group')!.id },
        'orgUnitId',
      ],
      [{ phaseId: study!.id, title: '', dueOn: today, orgUnitId: branchId }, 'title'],
    ];
    for (const [payload, path] of badTasks) {
      const res = await secretary.request({ method: 'POST', url: `/api/campaigns/${c.id}/tasks`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }

    const withTask = await secretary.request({
      method: 'POST',
      url: `/api/campaigns/${c.id}/tasks`,
      payload: { phaseId: study!.id, title: '集中学习党章党规', dueOn: addDays(today, 5), orgUnitId: branchId },
    });
    expect(withTask.statusCode).toBe(200);
    const task = withTask.json().taskList[0];
    expect(task).toMatchObject({
      assigneeName: expect.stringContaining('党支部'),
      state: 'open',
      courtTypes: ['learning', 'clean'],
    });
    await sameTransaction('campaign_tasks', `id = '${task.id}'`, task.id, 'campaign.task_create');
    const later = await clerk.request({
      method: 'POST',
      url: `/api/campaigns/${c.id}/tasks`,
      payload: {
        phaseId: rectify!.id,
        title: '整改清单',
        dueOn: addDays(today, 30),
        personId: memberId,
        courtTypes: ['regulated'],
      },
    });
    expect(later.statusCode).toBe(200);
    expect(withTask.json().progress).toEqual([
      expect.objectContaining({ orgUnitId: branchId, total: 1, done: 0, share: 0 }),
    ]);

    // The member sees both tasks as theirs and reports the branch's one done, with a photo.
    const mine = (await member.request({ method: 'GET', url: '/api/campaigns/tasks/mine' })).json().items;
    expect(mine.map((t: { title: string }) => t.title)).toEqual(
      expect.arrayContaining(['集中学习党章党规', '整改清单']),
    );
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const upload = await member.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('file', '学习.png', png, 'image/png'),
    });
    expect(upload.statusCode).toBe(201);
    const photoId = upload.json().id;
    const doc = await member.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('file', '说明.txt', Buffer.from('文字'), 'text/plain'),
    });
    const notPhoto = await member.request({
      method: 'PUT',
      url: `/api/campaigns/tasks/${task.id}/report`,
      payload: { done: true, summary: '已学习', fileIds: [doc.json().id] },
    });
    expect(notPhoto.statusCode).toBe(400);
    expect(notPhoto.json().error.details.issues[0].path).toBe('fileIds');
    const empty = await member.request({
      method: 'PUT',
      url: `/api/campaigns/tasks/${task.id}/report`,
      payload: { done: true, summary: ' ' },
    });
    expect(empty.statusCode).toBe(400);
    const reported = await member.request({
      method: 'PUT',
      url: `/api/campaigns/tasks/${task.id}/report`,
      payload: { done: true, summary: '第一党小组集中学习党章，12人参加', fileIds: [photoId] },
    });
    expect(reported.statusCode).toBe(200);
    expect(reported.json()).toMatchObject({
      state: 'done',
      canReport: true,
      myReport: { done: true, photos: [{ id: photoId }] },
    });
    await sameTransaction('campaign_task_reports', `task_id = '${task.id}'`, task.id, 'campaign.task_report');
    // The photo is read through the task: by the officer, not by staff outside the branch.
    expect((await clerk.request({ method: 'GET', url: `/api/files/${photoId}` })).statusCode).toBe(200);
    expect((await staff.request({ method: 'GET', url: `/api/files/${photoId}` })).statusCode).toBe(404);

    // Another person's photo cannot be attached to one's own report.
    const clerkUpload = await clerk.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('file', 'c.png', png, 'image/png'),
    });
    const borrowed = await member.request({
      method: 'PUT',
      url: `/api/campaigns/tasks/${task.id}/report`,
      payload: { done: true, summary: '补充', fileIds: [clerkUpload.json().id] },
    });
    expect(borrowed.statusCode).toBe(400);

    // Not yet started: the 整改落实 task waits for its phase.
    const early = await member.request({
      method: 'PUT',
      url: `/api/campaigns/tasks/${later.json().taskList.find((t: { title: string }) => t.title === '整改清单').id}/report`,
      payload: { done: true, summary: '提前' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CAMPAIGN_PHASE_NOT_STARTED');

    const after = (await leader.request({ method: 'GET', url: `/api/campaigns/${c.id}` })).json();
    expect(after.progress.find((p: { orgUnitId: string }) => p.orgUnitId === branchId)).toMatchObject({
      total: 2,
      done: 1,
      share: 0.5,
    });
    expect(after.canManage).toBe(true);
    expect(after).toMatchObject({ tasks: 2, done: 1 });
    const detail = (await secretary.request({ method: 'GET', url: `/api/campaigns/tasks/${task.id}` })).json();
    expect(detail.participants).toEqual([
      expect.objectContaining({ personId: memberId, summary: '第一党小组集中学习党章，12人参加' }),
    ]);

    // The summary, a phase added, and who may not.
    const summary = await secretary.request({
      method: 'PATCH',
      url: `/api/campaigns/${c.id}`,
      payload: { summary: '支部全体党员参加，建立制度3项' },
    });
    expect(summary.statusCode).toBe(200);
    expect(summary.json().summary).toBe('支部全体党员参加，建立制度3项');
    await sameTransaction('campaigns', `id = '${c.id}'`, c.id, 'campaign.update');
    const phase = await secretary.request({
      method: 'POST',
      url: `/api/campaigns/${c.id}/phases`,
      payload: { name: '总结提升', startsOn: addDays(today, 41), endsOn: addDays(today, 50) },
    });
    expect(phase.json().phases).toHaveLength(3);
    const badPhase = await secretary.request({
      method: 'POST',
      url: `/api/campaigns/${c.id}/phases`,
      payload: { name: '倒置', startsOn: addDays(today, 5), endsOn: today },
    });
    expect(badPhase.statusCode).toBe(400);
    expect(
      (
        await staff.request({
          method: 'PUT',
          url: `/api/campaigns/tasks/${task.id}/report`,
          payload: { done: true, summary: 'x' },
        })
      ).statusCode,
    ).toBe(404);

    // The list and the year by dimension count it.
    const list = (await member.request({ method: 'GET', url: `/api/campaigns?year=${today.slice(0, 4)}` })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const dims = (
      await leader.request({ method: 'GET', url: `/api/campaigns/dimensions?year=${today.slice(0, 4)}` })
    ).json();
    expect(dims.scopeName).toBe('全院');
    const learning = dims.rows.find((r: { courtType: string }) => r.courtType === 'learning');
    expect(learning.campaigns).toBeGreaterThanOrEqual(1);
    expect(learning.tasksDone).toBeGreaterThanOrEqual(1);
    expect(dims.rows.find((r: { courtType: string }) => r.courtType === 'regulated').tasks).toBeGreaterThanOrEqual(1);
    const branchDims = (
      await secretary.request({ method: 'GET', url: `/api/campaigns/dimensions?year=${today.slice(0, 4)}` })
    ).json();
    expect(branchDims.scopeName).toContain('党支部');
  });
});

describe('the reference court’s past campaigns and the year by dimension', () => {
  it('are seeded with phases, tasks done and a summary', async () => {
    const all = (await leader.request({ method: 'GET', url: '/api/campaigns' })).json().items;
    const titles = all.map((c: { title: string }) => c.title);
    for (const t of ['保持党的纯洁性', '群众路线', '学习讨论落实', '三严三实'])
      expect(
        titles.some((x: string) => x.includes(t)),
        t,
      ).toBe(true);
    const past = all.find((c: { title: string }) => c.title.includes('三严三实'));
    expect(past).toMatchObject({ state: 'ended' });
    expect(past.done).toBe(past.tasks);
    const detail = (await member.request({ method: 'GET', url: `/api/campaigns/${past.id}` })).json();
    expect(detail.summary).toBeTruthy();
    expect(detail.phases.every((p: { state: string }) => p.state === 'ended')).toBe(true);
    const y2013 = (await leader.request({ method: 'GET', url: '/api/campaigns?year=2013' })).json().items;
    expect(y2013.some((c: { title: string }) => c.title.includes('群众路线'))).toBe(true);
  });

  it('the leader’s year: study sessions and hours by dimension (the seeded lectures are 学习型)', async () => {
    const dims = (await leader.request({ method: 'GET', url: '/api/campaigns/dimensions?year=2026' })).json();
    expect(dims.rows.map((r: { label: string }) => r.label)).toEqual([
      '学习型',
      '服务型',
      '规范型',
      '清廉型',
      '和谐型',
      '创新型',
    ]);
    const learning = dims.rows[0];
    expect(learning.studySessions).toBeGreaterThanOrEqual(10);
    expect(learning.studyHours).toBeGreaterThan(100);
    expect(dims.rows[1].studySessions).toBe(0);
    // This year's campaign of the court's own: three cells' tasks in three phases and the branch's one, two phases done.
    expect(dims.rows[1]).toMatchObject({ label: '服务型', campaigns: 1, tasks: 10, tasksDone: 6 });
  });
});

describe('another court', () => {
  it('its campaigns and tasks cannot be reached', async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    const theirs = (await other.request({ method: 'GET', url: '/api/campaigns' })).json().items;
    expect(theirs.length).toBeGreaterThan(0);
    const id = theirs[0].id;
    const mine = (await clerk.request({ method: 'GET', url: '/api/campaigns' }))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(mine).not.toContain(id);
    expect((await clerk.request({ method: 'GET', url: `/api/campaigns/${id}` })).statusCode).toBe(404);
    expect(
      (await clerk.request({ method: 'PATCH', url: `/api/campaigns/${id}`, payload: { summary: '改' } })).statusCode,
    ).toBe(404);
    const theirDetail = (await other.request({ method: 'GET', url: `/api/campaigns/${id}` })).json();
    const theirTask = theirDetail.taskList[0].id;
    expect((await member.request({ method: 'GET', url: `/api/campaigns/tasks/${theirTask}` })).statusCode).toBe(404);
    expect(
      (
        await member.request({
          method: 'PUT',
          url: `/api/campaigns/tasks/${theirTask}/report`,
          payload: { done: true, summary: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await clerk.request({
          method: 'POST',
          url: `/api/campaigns/${id}/tasks`,
          payload: { phaseId: theirDetail.phases[0].id, title: 'x', dueOn: today, orgUnitId: branchId },
        })
      ).statusCode,
    ).toBe(404);
    // Their organisation cannot be given a task of ours.
    const ours = (
      await clerk.request({ method: 'POST', url: '/api/campaigns', payload: campaign({ orgUnitId: null }) })
    ).json();
    const theirBranch =
      theirDetail.orgUnitId ?? (await other.request({ method: 'GET', url: '/api/org-units' })).json().items?.[0]?.id;
    const cross = await clerk.request({
      method: 'POST',
      url: `/api/campaigns/${ours.id}/tasks`,
      payload: { phaseId: ours.phases[0].id, title: 'x', dueOn: today, orgUnitId: theirBranch ?? NOBODY },
    });
    expect(cross.statusCode).toBe(400);
  });
});
