import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWindowIndex, courtToday } from '@qizhi/domain';
import { meetings } from '../../../db/schema/index.ts';
import { createTestContext, type Session, type TestContext } from '../../../test/harness.ts';
import { OTHER_COURT } from '../../../test/fixtures.ts';
import { signInCodeFor } from '../../../platform/sign-in-code.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let member: Session;
let staff: Session;
let orgUnits: { id: string; kind: string; name: string }[];
let me: { personId: string };
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  member = await ctx.login('member');
  staff = await ctx.login('staff');
  orgUnits = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
  me = (await member.request({ method: 'GET', url: '/api/auth/me' })).json().user;
});
afterAll(async () => {
  await ctx.close();
});

const branch = () => orgUnits.find((u) => u.kind === 'branch')!;
const cell = (prefix: string) => orgUnits.find((u) => u.kind === 'cell' && u.name.startsWith(prefix))!;
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

async function plan(session: Session, body: Record<string, unknown>) {
  return session.request({
    method: 'POST',
    url: '/api/meetings',
    payload: {
      type: 'branch_general',
      orgUnitId: branch().id,
      topic: '测试会议',
      startsAt: inMinutes(5),
      place: '党员活动室',
      ...body,
    },
  });
}

async function secretOf(id: string): Promise<string> {
  const [row] = await ctx.database.db.select().from(meetings).where(eq(meetings.id, id));
  return row!.signInSecret;
}

describe('GET /api/meetings', () => {
  it('lists the seeded year, filtered and paged, and refuses bad queries', async () => {
    const all = (await secretary.request({ method: 'GET', url: '/api/meetings?pageSize=200' })).json();
    expect(all.total).toBeGreaterThan(40);
    expect(all.items[0]).toMatchObject({
      id: expect.any(String),
      type: expect.any(String),
      orgUnitId: expect.any(String),
      startsAt: expect.any(String),
      status: expect.any(String),
    });
    const cells = (
      await secretary.request({ method: 'GET', url: `/api/meetings?type=cell&orgUnitId=${cell('第一').id}` })
    ).json();
    expect(
      cells.items.every(
        (m: { type: string; orgUnitId: string }) => m.type === 'cell' && m.orgUnitId === cell('第一').id,
      ),
    ).toBe(true);
    const year = courtToday().slice(0, 4);
    const jan = (
      await secretary.request({ method: 'GET', url: `/api/meetings?from=${year}-01-01&to=${year}-01-31&pageSize=100` })
    ).json();
    expect(jan.items.every((m: { startsAt: string }) => courtToday(new Date(m.startsAt)).slice(5, 7) === '01')).toBe(
      true,
    );
    expect(jan.total).toBeGreaterThan(3);
    for (const q of ['type=meeting', 'from=2026-13-01', 'pageSize=1000', 'orgUnitId=x', 'colour=red'])
      expect((await secretary.request({ method: 'GET', url: `/api/meetings?${q}` })).statusCode, q).toBe(400);
  });

  it('answers 401 without a session and 403 without the permission', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/meetings' })).statusCode).toBe(401);
    expect((await staff.request({ method: 'GET', url: '/api/meetings' })).statusCode).toBe(403);
    expect((await member.request({ method: 'POST', url: '/api/meetings', payload: {} })).statusCode).toBe(403);
  });
});

describe('planning', () => {
  it('plans a branch general meeting with the expected members, exemptions apart', async () => {
    const res = await plan(secretary, { topic: '学习贯彻党的二十届四中全会精神' });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ type: 'branch_general', status: 'planned', orgUnitId: branch().id });
    expect(m.attendees.length).toBe(54);
    expect(m.summary.exempt).toBe(2);
    // 54 on the list: 52 full members (retired ones included) less the 2 exempted vote, 应到会有表决权 50;
    // the 2 probationary members are expected at the meeting too (应到 52) but never in the quorum.
    expect(m.summary).toMatchObject({ expected: 52, notCounted: 0 });
    expect(m.quorum).toMatchObject({ entitled: 50, needed: 26 });
    // The exemption's reason is given with why the member is not counted.
    expect(
      m.attendees
        .filter((a: { exempt: boolean }) => a.exempt)
        .every((a: { entitlementReason: string }) => a.entitlementReason.includes('年老体弱')),
    ).toBe(true);
    // Every 正式党员 votes, retired or serving (issue 9; it was 34 when retired members were left out):
    // 应到 50, the quorum needs 26 of them.
    expect(m.quorum).toMatchObject({ applies: true, entitled: 50, needed: 26, reached: false });
  });

  it('refuses what a user can get wrong with 400 and a field', async () => {
    const missing = await secretary.request({ method: 'POST', url: '/api/meetings', payload: { type: 'cell' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('topic');
    const wrongLevel = await plan(secretary, { type: 'cell' });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().error.code).toBe('MEETING_TYPE_NOT_ALLOWED');
    const backwards = await plan(secretary, { endsAt: inMinutes(-60) });
    expect(backwards.json().error.details.issues[0].path).toBe('endsAt');
    expect((await plan(secretary, { startsAt: '明天下午' })).statusCode).toBe(400);
    expect((await plan(secretary, { type: 'party' })).statusCode).toBe(400);
  });

  it('a cell leader manages only their own cell', async () => {
    const secadmin = await ctx.login('secadmin');
    const users = (await secadmin.request({ method: 'GET', url: '/api/users?q=member' })).json();
    const memberUser = users.items.find((u: { username: string }) => u.username === 'member');
    const granted = await secadmin.request({
      method: 'PUT',
      url: `/api/users/${memberUser.id}/roles`,
      payload: {
        roles: [
          { role: 'cell_leader', orgUnitId: cell('第一').id },
          { role: 'member', orgUnitId: null },
        ],
      },
    });
    expect(granted.statusCode).toBe(200);
    const leader = await ctx.login('member');
    const own = await plan(leader, { type: 'cell', orgUnitId: cell('第一').id, topic: '学习党章' });
    expect(own.statusCode).toBe(201);
    expect(own.json().attendees.length).toBe(14);
    expect((await plan(leader, { type: 'cell', orgUnitId: cell('第二').id })).statusCode).toBe(403);
    const branchMeeting = (await plan(secretary, {})).json();
    // On the list of the branch meeting, so it is visible; but it is not the cell leader's to change.
    expect((await leader.request({ method: 'GET', url: `/api/meetings/${branchMeeting.id}` })).statusCode).toBe(200);
    expect(
      (await leader.request({ method: 'PATCH', url: `/api/meetings/${branchMeeting.id}`, payload: { place: 'x' } }))
        .statusCode,
    ).toBe(403);
    const list = (await leader.request({ method: 'GET', url: '/api/meetings?pageSize=200' })).json();
    expect(list.items.every((m: { orgUnitId: string }) => m.orgUnitId === cell('第一').id)).toBe(true);
    await secadmin.request({
      method: 'PUT',
      url: `/api/users/${memberUser.id}/roles`,
      payload: { roles: [{ role: 'member', orgUnitId: null }] },
    });
    // Changing roles ends the user's sessions.
    member = await ctx.login('member');
  });
});

describe('the meeting cycle', () => {
  let id: string;
  it('notifies, and the member sees the notice and reads it', async () => {
    // Started five minutes ago: the sign-in window is open and the record may be made (from the start).
    id = (await plan(secretary, { topic: '讨论接收预备党员', startsAt: inMinutes(-5) })).json().id;
    expect((await secretary.request({ method: 'POST', url: `/api/meetings/${id}/notify` })).json().status).toBe(
      'notified',
    );
    const mine = (await member.request({ method: 'GET', url: '/api/meetings/mine' })).json();
    const listed = mine.items.find((m: { id: string }) => m.id === id);
    expect(listed).toMatchObject({ noticeReadAt: null, myState: 'pending', topic: '讨论接收预备党员' });
    // The member's own list is not counted (应到/实到 by the rule cost ~1 ms a meeting); the detail is.
    expect(listed).not.toHaveProperty('expected');
    expect(listed).not.toHaveProperty('attended');
    expect((await member.request({ method: 'POST', url: `/api/meetings/${id}/read` })).statusCode).toBe(200);
    const detail = (await member.request({ method: 'GET', url: `/api/meetings/${id}` })).json();
    expect(detail.myAttendance.noticeReadAt).not.toBeNull();
    expect(detail.canManage).toBe(false);
  });

  it('signs a member in with the current code only', async () => {
    const code = (await secretary.request({ method: 'GET', url: `/api/meetings/${id}/sign-in-code` })).json();
    expect(code).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), state: 'open' });
    expect(code.url).toContain(`/meetings/${id}/sign-in?code=${code.code}`);
    const secret = await secretOf(id);
    const stale = signInCodeFor(secret, id, signInWindowIndex(new Date()) - 2);
    const refused = await member.request({
      method: 'POST',
      url: `/api/meetings/${id}/sign-in`,
      payload: { code: stale },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('SIGN_IN_CODE_INVALID');
    const other = (await plan(secretary, {})).json().id;
    const foreign = (await secretary.request({ method: 'GET', url: `/api/meetings/${other}/sign-in-code` })).json()
      .code;
    if (foreign !== code.code) {
      const res = await member.request({
        method: 'POST',
        url: `/api/meetings/${id}/sign-in`,
        payload: { code: foreign },
      });
      expect(res.json().error.code).toBe('SIGN_IN_CODE_INVALID');
    }
    expect(
      (await member.request({ method: 'POST', url: `/api/meetings/${id}/sign-in`, payload: { code: '12345' } }))
        .statusCode,
    ).toBe(400);
    const fresh = (await secretary.request({ method: 'GET', url: `/api/meetings/${id}/sign-in-code` })).json().code;
    const ok = await member.request({ method: 'POST', url: `/api/meetings/${id}/sign-in`, payload: { code: fresh } });
    expect(ok.statusCode).toBe(200);
    const notOnList = await staff.request({
      method: 'POST',
      url: `/api/meetings/${id}/sign-in`,
      payload: { code: fresh },
    });
    expect(notOnList.statusCode).toBe(404);
    const detail = (await member.request({ method: 'GET', url: `/api/meetings/${id}` })).json();
    expect(detail.myAttendance).toMatchObject({ state: 'present', signInMethod: 'code' });
  });

  it('refuses a sign-in outside the window', async () => {
    const later = (await plan(secretary, { startsAt: inMinutes(60 * 24) })).json().id;
    const code = signInCodeFor(await secretOf(later), later, signInWindowIndex(new Date()));
    const res = await member.request({ method: 'POST', url: `/api/meetings/${later}/sign-in`, payload: { code } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SIGN_IN_CLOSED');
  });

  it('shows the quorum before a vote and computes the result', async () => {
    const before = await secretary.request({
      method: 'POST',
      url: `/api/meetings/${id}/votes`,
      payload: { kind: 'admission', subject: '接收预备党员', yes: 1, no: 0, abstain: 0 },
    });
    expect(before.statusCode).toBe(409);
    expect(before.json().error.code).toBe('QUORUM_NOT_REACHED');
    const detail = (await secretary.request({ method: 'GET', url: `/api/meetings/${id}` })).json();
    const entries = detail.attendees
      .filter((a: { exempt: boolean; state: string }) => !a.exempt && a.state === 'pending')
      .map((a: { personId: string }, i: number) => ({
        personId: a.personId,
        state: i % 10 === 0 ? 'leave' : 'present',
        ...(i % 10 === 0 ? { reason: '外出开庭' } : {}),
      }));
    const noReason = await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${id}/attendance`,
      payload: [{ personId: entries[0].personId, state: 'leave' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].path).toBe('0.reason');
    const marked = await secretary.request({ method: 'PUT', url: `/api/meetings/${id}/attendance`, payload: entries });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().summary).toMatchObject({ expected: 52, pending: 0 });
    const q = (await secretary.request({ method: 'GET', url: `/api/meetings/${id}` })).json().quorum;
    expect(q.reached).toBe(true);
    const tooMany = await secretary.request({
      method: 'POST',
      url: `/api/meetings/${id}/votes`,
      payload: { kind: 'admission', subject: '接收预备党员', yes: q.present, no: 1, abstain: 0 },
    });
    expect(tooMany.statusCode).toBe(400);
    const vote = await secretary.request({
      method: 'POST',
      url: `/api/meetings/${id}/votes`,
      payload: { kind: 'admission', subject: '接收预备党员', yes: q.needed, no: 0, abstain: 0 },
    });
    expect(vote.statusCode).toBe(201);
    expect(vote.json().votes[0]).toMatchObject({ entitled: 50, adopted: true, yesNeeded: 26 });
    const failed = await secretary.request({
      method: 'POST',
      url: `/api/meetings/${id}/votes`,
      payload: { kind: 'admission', subject: '另一项', yes: 17, no: 1, abstain: 0 },
    });
    expect(failed.json().votes[1].adopted).toBe(false);
  });

  it('records sanitized minutes, a task, and closes; then only an audited revision changes it', async () => {
    expect((await secretary.request({ method: 'POST', url: `/api/meetings/${id}/close` })).json().error.code).toBe(
      'MINUTES_REQUIRED',
    );
    const minutes = await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${id}/minutes`,
      payload: {
        minutes: '<p onclick="x()">会议决定<script>alert(1)</script></p><img src=x onerror=alert(1)>',
        resolutions: ['同意接收'],
      },
    });
    expect(minutes.statusCode).toBe(200);
    expect(minutes.json()).toMatchObject({ minutes: '<p>会议决定</p>', status: 'held', resolutions: ['同意接收'] });
    const task = await secretary.request({
      method: 'POST',
      url: `/api/meetings/${id}/tasks`,
      payload: { title: '报上级党组织审批', ownerPersonId: me.personId, dueOn: courtToday() },
    });
    expect(task.statusCode).toBe(201);
    const closed = await secretary.request({ method: 'POST', url: `/api/meetings/${id}/close` });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    for (const [method, url, payload] of [
      ['PATCH', `/api/meetings/${id}`, { place: '改' }],
      ['PUT', `/api/meetings/${id}/minutes`, { minutes: '改', resolutions: [] }],
      ['PUT', `/api/meetings/${id}/attendance`, []],
    ] as const) {
      const res = await secretary.request({ method, url, payload });
      expect(res.statusCode, url).toBe(409);
      expect(res.json().error.code).toBe('MEETING_ALREADY_CLOSED');
    }
    // The owner finishes the follow-up work after the record is locked.
    const taskId = task.json().tasks[0].id;
    expect((await member.request({ method: 'POST', url: `/api/meetings/${id}/tasks/${taskId}/done` })).statusCode).toBe(
      200,
    );
    expect(
      (await secretary.request({ method: 'POST', url: `/api/meetings/${id}/revisions`, payload: { minutes: 'x' } }))
        .statusCode,
    ).toBe(400);
    const revised = await secretary.request({
      method: 'POST',
      url: `/api/meetings/${id}/revisions`,
      payload: { reason: '记录有误', minutes: '<p>会议决定：同意接收</p>' },
    });
    expect(revised.statusCode).toBe(201);
    expect(revised.json()).toMatchObject({ revision: 1, minutes: '<p>会议决定：同意接收</p>', status: 'closed' });
    const history = (await member.request({ method: 'GET', url: `/api/meetings/${id}/revisions` })).json();
    expect(history.items[0]).toMatchObject({
      revision: 1,
      reason: '记录有误',
      previous: { minutes: '<p>会议决定</p>' },
    });
    const auditor = await ctx.login('auditor');
    const audit = (await auditor.request({ method: 'GET', url: '/api/audit?action=meeting.revise' })).json();
    expect(audit.total).toBe(1);
  });

  it('keeps a table pasted from Word in the minutes and drops its scripts, styles and unsafe links', async () => {
    const open = (await plan(secretary, { startsAt: inMinutes(-1) })).json().id;
    const pasted =
      '<p class="MsoNormal" style="font-family:仿宋">表决情况<o:p></o:p></p>' +
      '<table class="MsoTableGrid" border="1" style="border-collapse:collapse"><tbody>' +
      '<tr><td colspan="2" onclick="x()">发展党员</td></tr><tr><td>赞成</td><td>7</td></tr></tbody></table>' +
      '<a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)><script>alert(1)</script>';
    const res = await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${open}/minutes`,
      payload: { minutes: pasted, resolutions: [] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().minutes).toBe(
      '<p>表决情况</p><table><tbody><tr><td colspan="2">发展党员</td></tr><tr><td>赞成</td><td>7</td></tr></tbody></table><a>链接</a>',
    );
  });

  it('a revision is only for closed meetings', async () => {
    const open = (await plan(secretary, {})).json().id;
    const res = await secretary.request({
      method: 'POST',
      url: `/api/meetings/${open}/revisions`,
      payload: { reason: 'x', topic: 'y' },
    });
    expect(res.json().error.code).toBe('MEETING_NOT_CLOSED');
  });
});

describe('ledger', () => {
  it('exports the year as one .xlsx with a title row and a row per meeting, and as JSON for printing', async () => {
    const year = courtToday().slice(0, 4);
    const entries = (
      await secretary.request({
        method: 'GET',
        url: `/api/meetings/ledger/entries?orgUnitId=${branch().id}&year=${year}`,
      })
    ).json();
    expect(entries.entries.length).toBeGreaterThan(40);
    const closedOne = entries.entries.find((e: { status: string }) => e.status === 'closed');
    expect(closedOne.minutes).not.toContain('<');
    const res = await secretary.request({
      method: 'GET',
      url: `/api/meetings/ledger?orgUnitId=${branch().id}&year=${year}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toContain('会议记录台账');
    expect(sheet.getRow(2).getCell(8).value).toBe('应到');
    expect(sheet.rowCount).toBe(entries.entries.length + 2);
    expect((await secretary.request({ method: 'GET', url: `/api/meetings/ledger?year=${year}` })).statusCode).toBe(400);
    expect(
      (await staff.request({ method: 'GET', url: `/api/meetings/ledger?orgUnitId=${branch().id}&year=${year}` }))
        .statusCode,
    ).toBe(403);
  });
});

describe('another court', () => {
  it('cannot reach this court’s meetings', async () => {
    const id = (await plan(secretary, {})).json().id;
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    for (const [method, url, payload] of [
      ['GET', `/api/meetings/${id}`, undefined],
      ['PATCH', `/api/meetings/${id}`, { place: '篡改' }],
      ['PUT', `/api/meetings/${id}/attendance`, []],
      ['POST', `/api/meetings/${id}/close`, undefined],
      ['GET', `/api/meetings/${id}/sign-in-code`, undefined],
      ['GET', `/api/meetings/ledger?orgUnitId=${branch().id}&year=2026`, undefined],
    ] as const) {
      const res = await other.request({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = (await other.request({ method: 'GET', url: `/api/meetings?orgUnitId=${branch().id}` })).json();
    expect(list.total).toBe(0);
    const foreignOrg = await other.request({
      method: 'POST',
      url: '/api/meetings',
      payload: { type: 'branch_general', orgUnitId: branch().id, topic: 'x', startsAt: inMinutes(5), place: 'x' },
    });
    expect(foreignOrg.statusCode).toBe(400);
    const [row] = await ctx.database.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, id)));
    expect(row!.place).toBe('党员活动室');
  });
});
