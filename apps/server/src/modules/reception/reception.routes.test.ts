import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { courtToday } from '@qizhi/domain';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let clerk: Session;
let secretary: Session;
let leader: Session;
let member: Session;
let staff: Session;
let other: Session;
const ID_NUMBER = '14102619900307108X';
const PHONE = '13912345678';

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.login('clerk');
  secretary = await ctx.login('secretary');
  leader = await ctx.login('leader');
  member = await ctx.login('member');
  staff = await ctx.login('staff');
  other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
});
afterAll(async () => {
  await ctx.close();
});

const STAFF_ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/reception/rota?year=2026'],
  ['GET', '/api/reception/rota/leaders'],
  ['POST', '/api/reception/rota/generate', { year: 2027, leaderPersonIds: [], weekday: 3, time: 'x', place: 'y' }],
  ['POST', '/api/reception/rota/swap', { weekA: '2026-03-02', weekB: '2026-03-09', note: '调换' }],
  ['GET', '/api/reception/visits'],
  ['GET', '/api/reception/visits/stats'],
  ['POST', '/api/reception/visits', {}],
  ['GET', '/api/reception/pledges'],
  ['POST', '/api/reception/pledges', {}],
  ['GET', '/api/inquiries/stats'],
];

describe('access', () => {
  it('401 without a session; 403 for roles without reception permissions; the inquiry routes for every staff member', async () => {
    for (const [method, url] of STAFF_ROUTES)
      expect((await ctx.app.inject({ method: method as 'GET', url })).statusCode, url).toBe(401);
    for (const [method, url, payload] of STAFF_ROUTES) {
      const res = await member.request({ method: method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, url).toBe(403);
    }
    expect((await leader.request({ method: 'GET', url: '/api/reception/visits' })).statusCode).toBe(200);
    expect((await leader.request({ method: 'POST', url: '/api/reception/visits', payload: {} })).statusCode).toBe(403);
    expect((await staff.request({ method: 'GET', url: '/api/inquiries' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/inquiries', payload: {} })).statusCode).toBe(401);
  });
});

describe('the rota', () => {
  it('the demo year: one leader a week with a swap and a substitution on record', async () => {
    const rota = (await leader.request({ method: 'GET', url: '/api/reception/rota?year=2026' })).json();
    expect(rota.items).toHaveLength(53);
    const changed = rota.items.filter((w: { changeNote: string | null }) => w.changeNote);
    const kinds = changed.map((w: { changeNote: string }) => w.changeNote.slice(0, 2)) as string[];
    expect(kinds.filter((k) => k === '调换')).toHaveLength(2);
    expect(kinds.filter((k) => k === '替班')).toHaveLength(1);
    expect(rota.items.find((w: { weekStart: string }) => w.weekStart === '2026-10-05').receptionOn).toBe('2026-10-08');
  });

  it('generates a year, swaps two weeks, substitutes one; refuses people of another court', async () => {
    const leaders = (await clerk.request({ method: 'GET', url: '/api/reception/rota/leaders' })).json().items;
    expect(leaders.length).toBeGreaterThanOrEqual(4);
    const ids = leaders.slice(0, 3).map((l: { personId: string }) => l.personId);
    const body = { year: 2028, leaderPersonIds: ids, weekday: 2, time: '上午9:00-12:00', place: '接待室' };
    const made = await clerk.request({ method: 'POST', url: '/api/reception/rota/generate', payload: body });
    expect(made.statusCode).toBe(200);
    expect(made.json().items).toHaveLength(52);
    expect(
      made
        .json()
        .items.slice(0, 3)
        .map((w: { personId: string }) => w.personId),
    ).toEqual(ids);

    const swapped = await clerk.request({
      method: 'POST',
      url: '/api/reception/rota/swap',
      payload: { weekA: '2028-01-03', weekB: '2028-01-12', note: '外出开会' },
    });
    expect(
      swapped
        .json()
        .items.slice(0, 2)
        .map((w: { personId: string }) => w.personId),
    ).toEqual([ids[1], ids[0]]);
    const week3 = swapped.json().items[2];
    const sub = await clerk.request({
      method: 'POST',
      url: `/api/reception/rota/${week3.id as string}/substitute`,
      payload: { personId: ids[0], note: '出差' },
    });
    expect(sub.json().items[2]).toMatchObject({ personId: ids[0], originalPersonId: ids[2], changeNote: '替班：出差' });

    const otherLeaders = (await other.request({ method: 'GET', url: '/api/reception/rota/leaders' })).json().items;
    const foreign = await clerk.request({
      method: 'POST',
      url: '/api/reception/rota/generate',
      payload: { ...body, leaderPersonIds: [otherLeaders[0].personId] },
    });
    expect(foreign.statusCode).toBe(400);
    for (const bad of [
      { ...body, weekday: 6 },
      { ...body, leaderPersonIds: [] },
      { ...body, place: '' },
    ])
      expect(
        (await clerk.request({ method: 'POST', url: '/api/reception/rota/generate', payload: bad })).statusCode,
      ).toBe(400);
    expect(
      (
        await other.request({
          method: 'POST',
          url: `/api/reception/rota/${week3.id as string}/substitute`,
          payload: { personId: otherLeaders[0].personId, note: '越界' },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('visits', () => {
  it('runs the clocks on the court’s own working calendar (工作日历), the one study recurrence reads', async () => {
    const depts = (await clerk.request({ method: 'GET', url: '/api/departments' })).json().items;
    const created = await clerk.request({
      method: 'POST',
      url: '/api/reception/visits',
      payload: {
        receivedOn: '2026-03-05',
        visitorName: '李文',
        matter: '咨询立案材料',
        category: 'complaint',
        answer: '已登记',
        needsHandling: true,
        handlingDepartmentId: depts[0].id,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    // 15 days after Thursday 5 March is Friday 20 March, a working day.
    expect(created.json().clocks.accept.due).toBe('2026-03-20');
    const year = (await clerk.request({ method: 'GET', url: '/api/study/calendar/2026' })).json();
    const put = (days: unknown[]) =>
      clerk.request({ method: 'PUT', url: '/api/study/calendar/2026', payload: { days } });
    expect((await put([...year.days, { day: '2026-03-20', kind: 'holiday', name: '本院调整' }])).statusCode).toBe(200);
    const visits = (
      await clerk.request({ method: 'GET', url: '/api/reception/visits?year=2026&pageSize=100&month=3' })
    ).json();
    const moved = visits.items.find((v: { id: string }) => v.id === created.json().id);
    expect(moved.clocks.accept.due).toBe('2026-03-23'); // the court made the 20th a rest day: the next Monday
    expect((await put(year.days)).statusCode).toBe(200);
  });

  it('records a visit with the visitor’s numbers, answers them masked, and runs the clocks', async () => {
    const depts = (await clerk.request({ method: 'GET', url: '/api/departments' })).json().items;
    const receivedOn = courtToday();
    const payload = {
      receivedOn,
      visitorName: '张建军',
      visitorPhone: PHONE,
      visitorIdNumber: ID_NUMBER,
      matter: '反映执行案件进展缓慢',
      category: 'complaint',
      caseNumber: '（2026）晋1026执123号',
      answer: '已登记，转执行局办理',
      needsHandling: true,
      handlingDepartmentId: depts[0].id,
    };
    const res = await clerk.request({ method: 'POST', url: '/api/reception/visits', payload });
    expect(res.statusCode).toBe(201);
    const visit = res.json();
    expect(visit.visitorPhone).toBe('139****5678');
    expect(visit.visitorIdNumber).toBe('1410************8X');
    expect(visit.clocks.accept.state).toBe('running');
    expect(visit.clocks.accept.due > receivedOn).toBe(true);
    expect(
      JSON.stringify((await leader.request({ method: 'GET', url: '/api/reception/visits' })).json()),
    ).not.toContain(PHONE);
    // The append-only audit log names the visitor as 张某: the name itself is sealed in the visit's row.
    const audit = (await ctx.database.db.execute(
      sql`select summary from audit_log where entity_id = ${visit.id as string} and action = 'reception_visit.create'`,
    )) as { rows: { summary: string }[] };
    expect(audit.rows.map((r) => r.summary)).toEqual([`登记来访：${receivedOn} 投诉（张某）`]);

    const accepted = await clerk.request({
      method: 'PATCH',
      url: `/api/reception/visits/${visit.id as string}`,
      payload: { acceptedOn: receivedOn, extended: true },
    });
    expect(accepted.json().clocks.accept.state).toBe('done');
    const handled = await clerk.request({
      method: 'PATCH',
      url: `/api/reception/visits/${visit.id as string}`,
      payload: { handledOn: receivedOn, feedback: '已执行到位，电话告知来访人' },
    });
    expect(handled.json().clocks.handle.state).toBe('done');

    const bad: Record<string, unknown>[] = [
      { ...payload, visitorIdNumber: '141026199003071081' },
      { ...payload, visitorPhone: '12345' },
      { ...payload, category: 'gossip' },
      { ...payload, handlingDepartmentId: null },
      { ...payload, receivedOn: '2999-01-01' },
      { ...payload, handlingDepartmentId: '00000000-0000-4000-8000-000000000000' },
    ];
    for (const b of bad)
      expect(
        (await clerk.request({ method: 'POST', url: '/api/reception/visits', payload: b })).statusCode,
        JSON.stringify(b),
      ).toBe(400);
    expect(
      (
        await clerk.request({
          method: 'PATCH',
          url: `/api/reception/visits/${visit.id as string}`,
          payload: { acceptedOn: '2000-01-01' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await other.request({
          method: 'PATCH',
          url: `/api/reception/visits/${visit.id as string}`,
          payload: { feedback: '越界' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await other.request({ method: 'GET', url: '/api/reception/visits?pageSize=200' }))
        .json()
        .items.map((v: { id: string }) => v.id),
    ).not.toContain(visit.id);
  });

  it('the demo year has about 600 visits, counted by month and category, with late ones flagged', async () => {
    const stats = (await leader.request({ method: 'GET', url: '/api/reception/visits/stats?year=2025' })).json();
    expect(stats.total).toBeGreaterThan(500);
    expect(stats.total).toBeLessThan(700);
    expect(stats.months.reduce((n: number, m: { visitors: number }) => n + m.visitors, 0)).toBe(stats.total);
    expect(stats.months.some((m: { handled: number; onTime: number }) => m.onTime < m.handled)).toBe(true);
    const xlsx = await leader.request({ method: 'GET', url: '/api/reception/visits/stats.xlsx?year=2025' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await member.request({ method: 'GET', url: '/api/reception/visits/stats.xlsx' })).statusCode).toBe(403);
    const overdue = (
      await leader.request({ method: 'GET', url: '/api/reception/visits?year=2026&overdue=true' })
    ).json();
    expect(
      overdue.items.every((v: { clocks: { accept: { state: string }; handle: { state: string } } }) =>
        [v.clocks.accept.state, v.clocks.handle.state].includes('overdue'),
      ),
    ).toBe(true);
  });
});

describe('first inquiries', () => {
  it('recorded, handed over, closed by the receiver: the first person’s list clears only then', async () => {
    const created = await staff.request({
      method: 'POST',
      url: '/api/inquiries',
      payload: { topic: '咨询诉讼费退费手续', askerPhone: PHONE, outcome: 'open' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json().askerPhone).toBe('139****5678');
    const clerkId = (await clerk.request({ method: 'GET', url: '/api/auth/me' })).json().user.id as string;
    const receivers = (await staff.request({ method: 'GET', url: '/api/inquiries/receivers' })).json().items;
    expect(receivers.map((r: { userId: string }) => r.userId)).toContain(clerkId);
    const handed = await staff.request({
      method: 'POST',
      url: `/api/inquiries/${id}/hand-over`,
      payload: { receiverUserId: clerkId, note: '属退费业务' },
    });
    expect(handed.statusCode).toBe(200);
    expect(handed.json()).toMatchObject({ status: 'handed_over', holderUserId: clerkId });
    expect(handed.json().handOvers).toHaveLength(1);

    const staffOpen = async () =>
      (await staff.request({ method: 'GET', url: '/api/inquiries' })).json().items.map((i: { id: string }) => i.id);
    expect(await staffOpen()).toContain(id);
    expect(
      (await clerk.request({ method: 'GET', url: '/api/inquiries' })).json().items.map((i: { id: string }) => i.id),
    ).toContain(id);
    // The first person no longer holds it: they may not close or hand it on; a stranger does not see it.
    expect(
      (await staff.request({ method: 'POST', url: `/api/inquiries/${id}/close`, payload: { result: '已办' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await member.request({ method: 'POST', url: `/api/inquiries/${id}/close`, payload: { result: '已办' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await other.request({ method: 'POST', url: `/api/inquiries/${id}/close`, payload: { result: '已办' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await clerk.request({ method: 'POST', url: `/api/inquiries/${id}/close`, payload: { result: '' } })).statusCode,
    ).toBe(400);

    const closed = await clerk.request({
      method: 'POST',
      url: `/api/inquiries/${id}/close`,
      payload: { result: '已办理退费并告知' },
    });
    expect(closed.json().status).toBe('closed');
    expect(await staffOpen()).not.toContain(id);
    expect(
      (await clerk.request({ method: 'POST', url: `/api/inquiries/${id}/close`, payload: { result: '再办' } }))
        .statusCode,
    ).toBe(409);
  });

  it('validates: an outside direction needs a place; a receiver must be an account of the court', async () => {
    const bad = [
      { topic: '问路', outcome: 'directed_outside' },
      { topic: '问路', outcome: 'maybe' },
      { topic: '', outcome: 'answered' },
      { topic: '问路', outcome: 'answered', askerPhone: 'abc' },
    ];
    for (const payload of bad)
      expect(
        (await staff.request({ method: 'POST', url: '/api/inquiries', payload })).statusCode,
        JSON.stringify(payload),
      ).toBe(400);
    const answered = await staff.request({
      method: 'POST',
      url: '/api/inquiries',
      payload: { topic: '问立案窗口位置', outcome: 'answered' },
    });
    expect(answered.json().status).toBe('closed');
    const open = (
      await staff.request({ method: 'POST', url: '/api/inquiries', payload: { topic: '咨询调解', outcome: 'open' } })
    ).json();
    const otherUsers = (await other.request({ method: 'GET', url: '/api/inquiries/receivers' })).json().items;
    expect(
      (
        await staff.request({
          method: 'POST',
          url: `/api/inquiries/${open.id as string}/hand-over`,
          payload: { receiverUserId: otherUsers[0].userId },
        })
      ).statusCode,
    ).toBe(400);
    const stats = (await secretary.request({ method: 'GET', url: '/api/inquiries/stats?year=2026' })).json();
    expect(stats.departments.length).toBeGreaterThan(0);
  });
});

describe('pledges', () => {
  it('lists the pledges with what the records measure; edits are for managers', async () => {
    const list = (await leader.request({ method: 'GET', url: '/api/reception/pledges' })).json().items;
    expect(list.length).toBeGreaterThanOrEqual(5);
    const measured = list.find((p: { measure: string | null }) => p.measure === 'visit_handled_on_time');
    expect(measured.measured.count).toBeGreaterThan(0);
    const created = await clerk.request({
      method: 'POST',
      url: '/api/reception/pledges',
      payload: { title: '判决书送达', timeLimit: '宣判后5日内' },
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await clerk.request({ method: 'POST', url: '/api/reception/pledges', payload: { title: '', timeLimit: '' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await other.request({ method: 'DELETE', url: `/api/reception/pledges/${created.json().id as string}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await clerk.request({ method: 'DELETE', url: `/api/reception/pledges/${created.json().id as string}` }))
        .statusCode,
    ).toBe(200);
  });
});

// The scan of every public response is in openness/public-scan.routes.test.ts.
