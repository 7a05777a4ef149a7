import { courtToday } from '@qizhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let member: Session;
let leader: Session;
let staff: Session;
let memberId: string;
let branchId: string;
const NOBODY = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ctx = await createTestContext();
  [secretary, clerk, member, leader, staff] = (await Promise.all(
    ['secretary', 'clerk', 'member', 'leader', 'staff'].map((u) => ctx.login(u)),
  )) as [Session, Session, Session, Session, Session];
  memberId = (await member.request({ method: 'GET', url: '/api/members/me' })).json().id;
  const tree = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json();
  const units = (tree.items ?? tree) as { id: string; kind: string }[];
  branchId = units.find((u) => u.kind === 'branch')!.id;
});
afterAll(async () => {
  await ctx.close();
});

/** Started five minutes ago: sign-in is open and attendance may be recorded. */
const soon = () => new Date(Date.now() - 5 * 60_000).toISOString();
const session = (over: Record<string, unknown> = {}) => ({
  title: '专题业务培训',
  kind: 'business_training',
  topic: '民事诉讼证据规则',
  place: '三楼会议室',
  hours: 2,
  startsAt: soon(),
  ...over,
});

describe('every study route asks for sign-in and refuses what it may not do', () => {
  it('401 without a session, 403 for a member writing', async () => {
    const routes: [string, string, unknown][] = [
      ['GET', '/api/study/sessions', undefined],
      ['POST', '/api/study/sessions', session()],
      ['GET', `/api/study/sessions/${NOBODY}`, undefined],
      ['PATCH', `/api/study/sessions/${NOBODY}`, { title: 'x' }],
      ['PUT', `/api/study/sessions/${NOBODY}/attendance`, []],
      ['GET', `/api/study/sessions/${NOBODY}/sign-in-code`, undefined],
      ['POST', `/api/study/sessions/${NOBODY}/sign-in`, { code: '123456' }],
      ['GET', '/api/study/programmes', undefined],
      ['POST', '/api/study/programmes', {}],
      ['GET', '/api/study/hours', undefined],
      ['GET', '/api/study/hours.xlsx', undefined],
      ['GET', '/api/study/hours/me', undefined],
      ['GET', `/api/study/hours/${NOBODY}`, undefined],
      ['GET', `/api/study/hours/${NOBODY}/ledger.xlsx`, undefined],
      ['GET', '/api/study/calendar/2026', undefined],
      ['PUT', '/api/study/calendar/2026', { days: [] }],
    ];
    for (const [method, url, payload] of routes) {
      const res = await ctx.app.inject({ method: method as 'GET', url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    for (const [method, url, payload] of routes.filter(([m, u]) => m !== 'GET' && !u.endsWith('/sign-in'))) {
      const res = await member.request({ method: method, url, payload: payload as object });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await member.request({ method: 'GET', url: '/api/study/hours.xlsx' })).statusCode).toBe(403);
    expect(
      (await member.request({ method: 'GET', url: `/api/study/sessions/${NOBODY}/sign-in-code` })).statusCode,
    ).toBe(403);
  });

  it('400 for what a person can type wrong, with the field named', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/study/sessions', session({ hours: 0.3 }), 'hours'],
      ['POST', '/api/study/sessions', session({ hours: -1 }), 'hours'],
      ['POST', '/api/study/sessions', session({ title: '' }), 'title'],
      ['POST', '/api/study/sessions', session({ courtTypes: ['brave'] }), 'courtTypes.0'],
      [
        'POST',
        '/api/study/sessions',
        session({ links: [{ title: '链接', url: 'javascript:alert(1)' }] }),
        'links.0.url',
      ],
      ['POST', '/api/study/sessions', session({ fileIds: [NOBODY] }), 'fileIds'],
      ['POST', '/api/study/sessions', session({ orgUnitId: NOBODY }), 'orgUnitId'],
      [
        'POST',
        '/api/study/sessions',
        session({ startsAt: '2026-12-01T10:00:00+08:00', endsAt: '2026-12-01T09:00:00+08:00' }),
        'endsAt',
      ],
      ['GET', '/api/study/sessions?from=2026-02-31', undefined, 'querystring.from'],
      ['GET', '/api/study/sessions?from=2026-05-01&to=2026-04-01', undefined, 'to'],
      ['GET', '/api/study/sessions?from=2025-01-01&to=2026-12-31', undefined, 'to'],
      ['GET', '/api/study/hours?year=26', undefined, 'querystring.year'],
      [
        'PUT',
        '/api/study/calendar/2026',
        { days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] },
        'days.0.day',
      ],
      ['PUT', '/api/study/calendar/2026', { days: [{ day: '2026-01-01', kind: 'rest', name: '元旦' }] }, 'days.0.kind'],
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
        url,
      ).toContain(path);
    }
  });
});

describe('programmes over the working calendar', () => {
  it('the secretary makes the Wednesday training for the branch; 国庆 Wednesdays are skipped', async () => {
    const payload = {
      title: '周三专题业务培训',
      kind: 'business_training',
      place: '三楼会议室',
      orgUnitId: branchId,
      hours: 2,
      recurrence: { kind: 'weekly', weekday: 3 },
      from: '2026-09-28',
      to: '2026-10-31',
      startTime: '15:00',
      durationMinutes: 120,
    };
    const res = await secretary.request({ method: 'POST', url: '/api/study/programmes', payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      sessions: 4,
      firstDay: '2026-09-30',
      lastDay: '2026-10-28',
      orgUnitId: branchId,
    });
    // The demo court's own 周三专题业务培训 is for all staff; the branch's are the new programme's.
    const list = (
      await member.request({
        method: 'GET',
        url: `/api/study/sessions?from=2026-09-28&to=2026-10-31&kind=business_training&orgUnitId=${branchId}`,
      })
    ).json();
    expect(list.items.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      '2026-09-30T07:00:00.000Z',
      '2026-10-14T07:00:00.000Z',
      '2026-10-21T07:00:00.000Z',
      '2026-10-28T07:00:00.000Z',
    ]);
    expect(list.items[0]).toMatchObject({ title: '周三专题业务培训', hours: 2, status: 'held' });
    expect(list.total).toBe(4);
    // All staff is a court-wide matter; a year without its calendar is refused, not guessed.
    const allStaff = await secretary.request({
      method: 'POST',
      url: '/api/study/programmes',
      payload: { ...payload, orgUnitId: null },
    });
    expect(allStaff.statusCode).toBe(403);
    const later = await clerk.request({
      method: 'POST',
      url: '/api/study/programmes',
      payload: { ...payload, from: '2028-01-01', to: '2028-02-01' },
    });
    expect(later.statusCode).toBe(409);
    expect(later.json().error).toMatchObject({ code: 'STUDY_CALENDAR_MISSING' });
    expect(later.json().error.message).toContain('2028');
    const morning = await clerk.request({
      method: 'POST',
      url: '/api/study/programmes',
      payload: {
        ...payload,
        title: '晨会集体学习',
        kind: 'morning_study',
        orgUnitId: null,
        hours: 0.5,
        recurrence: { kind: 'workdays' },
        from: '2027-01-01',
        to: '2027-12-31',
        startTime: '08:00',
        durationMinutes: 30,
      },
    });
    expect(morning.statusCode).toBe(201);
    expect(morning.json().firstDay).toBe('2027-01-04');
    expect(morning.json().sessions).toBeGreaterThan(240);
    const programmes = (await member.request({ method: 'GET', url: '/api/study/programmes' })).json().items;
    expect(programmes.map((p: { title: string }) => p.title)).toEqual(
      expect.arrayContaining(['专题讲座', '周三专题业务培训', '晨会集体学习']),
    );
  });
});

describe('a session: sign-in from a phone, attendance by hand, the ledger', () => {
  let id: string;
  it('the clerk plans a session for all staff with materials; the rich text is cleaned', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/study/sessions',
      payload: session({
        materialsHtml: '<p>第一条<script>alert(1)</script><a href="javascript:x">链接</a></p>',
        links: [{ title: '最高法公报', url: 'https://gongbao.court.gov.cn/' }],
        courtTypes: ['learning', 'regulated'],
      }),
    });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json().materialsHtml).not.toContain('script');
    expect(res.json().materialsHtml).not.toContain('javascript');
    expect(res.json()).toMatchObject({
      orgUnitName: '全院干警',
      canManage: true,
      courtTypes: ['learning', 'regulated'],
    });
    expect(res.json().summary.expected).toBeGreaterThan(30);
  });

  it('a member signs in with the current code; outside the window and with a wrong code they are refused clearly', async () => {
    const before = (await member.request({ method: 'GET', url: '/api/study/hours/me' })).json().earned;
    const code = (await clerk.request({ method: 'GET', url: `/api/study/sessions/${id}/sign-in-code` })).json();
    expect(code).toMatchObject({ state: 'open' });
    expect(code.url).toContain(`/study/sessions/${id}/sign-in?code=`);
    const wrong = await member.request({
      method: 'POST',
      url: `/api/study/sessions/${id}/sign-in`,
      payload: { code: code.code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('SIGN_IN_CODE_INVALID');
    const ok = await member.request({
      method: 'POST',
      url: `/api/study/sessions/${id}/sign-in`,
      payload: { code: code.code },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: '专题业务培训', hours: 2 });
    const after = (await member.request({ method: 'GET', url: '/api/study/hours/me' })).json();
    expect(after.earned).toBe(before + 2);
    // The member's goal counted in 学时 follows the ledger; nobody reported it.
    const goals = (await member.request({ method: 'GET', url: '/api/goals/mine?year=2026' })).json().items as {
      title: string;
      currentValue: number | null;
    }[];
    expect(goals.find((g) => g.title === '年度学习教育不少于32学时')?.currentValue).toBe(after.earned);
    expect(after.sessions.some((s: { id: string; state: string }) => s.id === id && s.state === 'present')).toBe(true);

    const tomorrow = await clerk.request({
      method: 'POST',
      url: '/api/study/sessions',
      payload: session({ startsAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    const laterId = tomorrow.json().id;
    const early = await member.request({
      method: 'POST',
      url: `/api/study/sessions/${laterId}/sign-in`,
      payload: { code: '123456' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'SIGN_IN_CLOSED',
      message: '签到尚未开始（学习开始前20分钟开放）',
    });
    const past = await clerk.request({
      method: 'POST',
      url: '/api/study/sessions',
      payload: session({ startsAt: new Date(Date.now() - 2 * 3_600_000).toISOString() }),
    });
    const late = await member.request({
      method: 'POST',
      url: `/api/study/sessions/${past.json().id}/sign-in`,
      payload: { code: '123456' },
    });
    expect(late.json().error).toMatchObject({ code: 'SIGN_IN_CLOSED', message: '签到已结束（学习开始后30分钟截止）' });
  });

  it('someone not expected cannot sign in; the member sees only their own line', async () => {
    const forBranch = await secretary.request({
      method: 'POST',
      url: '/api/study/sessions',
      payload: session({ orgUnitId: branchId }),
    });
    expect(forBranch.statusCode).toBe(201);
    const code = (
      await secretary.request({ method: 'GET', url: `/api/study/sessions/${forBranch.json().id}/sign-in-code` })
    ).json();
    const outsider = await staff.request({
      method: 'POST',
      url: `/api/study/sessions/${forBranch.json().id}/sign-in`,
      payload: { code: code.code },
    });
    expect([403, 404]).toContain(outsider.statusCode);
    const seen = (await member.request({ method: 'GET', url: `/api/study/sessions/${id}` })).json();
    expect(seen.attendees).toEqual([]);
    expect(seen.myAttendance).toMatchObject({ personId: memberId, state: 'present', signInMethod: 'code' });
  });

  it('the organiser records by hand: present, excused with a reason, absent; a code sign-in stays', async () => {
    const detail = (await clerk.request({ method: 'GET', url: `/api/study/sessions/${id}` })).json();
    const others = detail.attendees.filter((a: { personId: string }) => a.personId !== memberId);
    const noReason = await clerk.request({
      method: 'PUT',
      url: `/api/study/sessions/${id}/attendance`,
      payload: [{ personId: others[0].personId, state: 'leave' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].path).toBe('0.reason');
    const stranger = await clerk.request({
      method: 'PUT',
      url: `/api/study/sessions/${id}/attendance`,
      payload: [{ personId: NOBODY, state: 'present' }],
    });
    expect(stranger.statusCode).toBe(400);
    const res = await clerk.request({
      method: 'PUT',
      url: `/api/study/sessions/${id}/attendance`,
      payload: [
        { personId: memberId, state: 'present' },
        { personId: others[0].personId, state: 'present' },
        { personId: others[1].personId, state: 'leave', reason: '外出开庭' },
        { personId: others[2].personId, state: 'absent' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ present: 2, leave: 1, absent: 1 });
    const mine = res.json().attendees.find((a: { personId: string }) => a.personId === memberId);
    expect(mine.signInMethod).toBe('code');
    const excused = (await clerk.request({ method: 'GET', url: `/api/study/hours/${others[1].personId}` })).json();
    expect(excused.sessions.find((s: { id: string }) => s.id === id)).toMatchObject({
      state: 'leave',
      reason: '外出开庭',
    });
  });

  it('a cancelled session counts no hours', async () => {
    const before = (await member.request({ method: 'GET', url: '/api/study/hours/me' })).json().earned;
    const res = await clerk.request({
      method: 'PATCH',
      url: `/api/study/sessions/${id}`,
      payload: { cancelled: true },
    });
    expect(res.json().status).toBe('cancelled');
    expect((await member.request({ method: 'GET', url: '/api/study/hours/me' })).json().earned).toBe(before - 2);
    await clerk.request({ method: 'PATCH', url: `/api/study/sessions/${id}`, payload: { cancelled: false, hours: 3 } });
    expect((await member.request({ method: 'GET', url: '/api/study/hours/me' })).json().earned).toBe(before + 1);
  });
});

describe('the study-hours ledger', () => {
  it('required by role, earned from attendance; a person sees only their own line unless permitted', async () => {
    const own = (await member.request({ method: 'GET', url: '/api/study/hours?year=2026' })).json();
    expect(own.items).toHaveLength(1);
    expect(own.items[0]).toMatchObject({ personId: memberId, required: 32 });
    const all = (await leader.request({ method: 'GET', url: '/api/study/hours?year=2026' })).json();
    expect(all.items.length).toBeGreaterThan(30);
    expect(all.monthsLeft).toBe(12 - Number(courtToday().slice(5, 7)));
    const secretaryLine = all.items.find((i: { role: string }) => i.role === 'committee');
    expect(secretaryLine.required).toBe(56);
    expect(all.items.some((i: { role: string; required: number }) => i.role === 'staff' && i.required === 0)).toBe(
      true,
    );
    const branch = (await secretary.request({ method: 'GET', url: '/api/study/hours?year=2026' })).json();
    expect(branch.items.length).toBeLessThan(all.items.length);
    expect(branch.items.every((i: { orgUnitId: string | null }) => i.orgUnitId !== null)).toBe(true);
    const behind = (await secretary.request({ method: 'GET', url: '/api/study/hours?year=2026&behind=true' })).json();
    expect(behind.items.every((i: { behind: boolean }) => i.behind)).toBe(true);
    // The demo's two members away nearly all year (借调, 病休) are behind whatever the month.
    expect(behind.items.length).toBeGreaterThanOrEqual(2);
    const someoneElse = all.items.find((i: { personId: string }) => i.personId !== memberId).personId;
    expect((await member.request({ method: 'GET', url: `/api/study/hours/${someoneElse}` })).statusCode).toBe(403);
    expect((await leader.request({ method: 'GET', url: `/api/study/hours/${someoneElse}` })).statusCode).toBe(200);
    const xlsx = await secretary.request({ method: 'GET', url: '/api/study/hours.xlsx?year=2026' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const one = await member.request({ method: 'GET', url: `/api/study/hours/${memberId}/ledger.xlsx?year=2026` });
    expect(one.statusCode).toBe(200);
  });

  it('the calendar is kept by court-wide officers', async () => {
    const cal = (await member.request({ method: 'GET', url: '/api/study/calendar/2026' })).json();
    expect(cal.days).toContainEqual({ day: '2026-10-10', kind: 'workday', name: '国庆节' });
    const days = [...cal.days, { day: '2026-12-31', kind: 'holiday', name: '测试' }];
    expect(
      (await secretary.request({ method: 'PUT', url: '/api/study/calendar/2026', payload: { days } })).statusCode,
    ).toBe(403);
    const put = await clerk.request({ method: 'PUT', url: '/api/study/calendar/2026', payload: { days } });
    expect(put.statusCode).toBe(200);
    expect(put.json().days).toHaveLength(cal.days.length + 1);
  });
});

describe('another court', () => {
  it('its sessions, people and ledgers cannot be reached', async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    const theirs = (
      await other.request({ method: 'GET', url: `/api/study/sessions?from=2026-01-01&to=2026-12-31` })
    ).json().items;
    expect(theirs.length).toBeGreaterThan(0);
    const sid = theirs[0].id;
    const mineIds = (await clerk.request({ method: 'GET', url: `/api/study/sessions?from=2026-01-01&to=2026-12-31` }))
      .json()
      .items.map((s: { id: string }) => s.id);
    expect(mineIds).not.toContain(sid);
    expect((await clerk.request({ method: 'GET', url: `/api/study/sessions/${sid}` })).statusCode).toBe(404);
    expect(
      (await clerk.request({ method: 'PATCH', url: `/api/study/sessions/${sid}`, payload: { title: '改' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await clerk.request({ method: 'PUT', url: `/api/study/sessions/${sid}/attendance`, payload: [] })).statusCode,
    ).toBe(404);
    expect(
      (await member.request({ method: 'POST', url: `/api/study/sessions/${sid}/sign-in`, payload: { code: '123456' } }))
        .statusCode,
    ).toBe(404);
    const theirPerson = (await other.request({ method: 'GET', url: '/api/study/hours' })).json().items[0].personId;
    expect((await leader.request({ method: 'GET', url: `/api/study/hours/${theirPerson}` })).statusCode).toBe(404);
    const attend = await clerk.request({
      method: 'POST',
      url: '/api/study/sessions',
      payload: session(),
    });
    const res = await clerk.request({
      method: 'PUT',
      url: `/api/study/sessions/${attend.json().id}/attendance`,
      payload: [{ personId: theirPerson, state: 'present' }],
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('education incentives (法律本科、法考)', () => {
  it('registered by officers with results and rewards; a member sees their own; the year has figures', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/study/incentives' })).statusCode).toBe(401);
    const exam = { personId: memberId, kind: 'legal_exam', year: 2026, result: 'passed', reward: '通报表扬' };
    expect((await member.request({ method: 'POST', url: '/api/study/incentives', payload: exam })).statusCode).toBe(
      403,
    );
    const wrong = await clerk.request({
      method: 'POST',
      url: '/api/study/incentives',
      payload: { ...exam, result: 'graduated' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toBe('result');
    const created = await clerk.request({ method: 'POST', url: '/api/study/incentives', payload: exam });
    expect(created.statusCode).toBe(201);
    const other = (await leader.request({ method: 'GET', url: '/api/study/hours?year=2026' })).json().items[0].personId;
    await clerk.request({
      method: 'POST',
      url: '/api/study/incentives',
      payload: { personId: other, kind: 'law_degree', year: 2026, institution: '山西大学', result: 'enrolled' },
    });
    const figures = (await leader.request({ method: 'GET', url: '/api/study/incentives?year=2026' })).json();
    expect(figures.byYear[0]).toMatchObject({ year: 2026, passed: 1, examAttempts: 1, enrolled: 1, rewarded: 1 });
    const own = (await member.request({ method: 'GET', url: '/api/study/incentives' })).json();
    expect(own.items.every((i: { personId: string }) => i.personId === memberId)).toBe(true);
    const patched = await clerk.request({
      method: 'PATCH',
      url: `/api/study/incentives/${created.json().id}`,
      payload: { reward: '奖励2000元' },
    });
    expect(patched.json()).toMatchObject({ reward: '奖励2000元', result: 'passed' });
    const fs = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    const theirs = (await fs.request({ method: 'GET', url: '/api/study/hours' })).json().items[0].personId;
    const cross = await clerk.request({
      method: 'POST',
      url: '/api/study/incentives',
      payload: { ...exam, personId: theirs },
    });
    expect(cross.statusCode).toBe(400);
    expect(
      (
        await fs.request({
          method: 'PATCH',
          url: `/api/study/incentives/${created.json().id}`,
          payload: { reward: 'x' },
        })
      ).statusCode,
    ).toBe(404);
  });
});
