import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonthsToMonth, courtInstant, courtToday } from '@qizhi/domain';
import { queueReminders } from '../notifications/index.ts';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';
import { demoLastPaidMonth } from '../../seed/demo-dues.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let member: Session;
let leader: Session;
let staff: Session;
let branchId: string;
let memberId: string;
const thisMonth = courtToday().slice(0, 7);

beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  member = await ctx.login('member');
  leader = await ctx.login('leader');
  staff = await ctx.login('staff');
  const units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
  branchId = units.find((u: { kind: string }) => u.kind === 'branch').id;
  memberId = (await member.request({ method: 'GET', url: '/api/members/me' })).json().id;
});
afterAll(async () => {
  await ctx.close();
});

interface SheetItem {
  personId: string;
  name: string;
  due: string;
  paid: string;
  arrearsMonths: number;
  arrearsLevel: string;
  hasBase: boolean;
}
const sheet = async (who: Session, month: string) =>
  who.request({ method: 'GET', url: `/api/dues/sheet?orgUnitId=${branchId}&month=${month}` });

describe('POST /api/dues/preview', () => {
  const preview = (payload: unknown, who: Session = member) =>
    who.request({ method: 'POST', url: '/api/dues/preview', payload: payload as Record<string, unknown> });
  it.each([
    ['in_service', '3000', 0.005, '15.00'],
    ['in_service', '3000.01', 0.01, '30.00'],
    ['in_service', 5000, 0.01, '50.00'],
    ['in_service', '5000.01', 0.015, '75.00'],
    ['in_service', 10000, 0.015, '150.00'],
    ['in_service', 10000.01, 0.02, '200.00'],
    ['retired', '5000', 0.005, '25.00'],
    ['retired', '5000.01', 0.01, '50.00'],
    ['fixed', '0', null, '0.20'],
  ])('%s base %s → %s, %s yuan', async (category, base, rate, amount) => {
    const res = await preview({ category, base });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rate, amount });
  });
  it('takes the rounding setting, or the one asked for', async () => {
    expect((await preview({ category: 'in_service', base: '4321.50' })).json().amount).toBe('43.22');
    expect((await preview({ category: 'in_service', base: '4321.50', rounding: 'down' })).json().amount).toBe('43.21');
    expect((await preview({ category: 'fixed' })).json().amount).toBe('0.20');
  });
  it('answers 401 without a session and 400 for what is not an amount, in Chinese', async () => {
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/dues/preview', payload: { category: 'fixed' } })).statusCode,
    ).toBe(401);
    for (const payload of [
      { category: 'student', base: 1 },
      { category: 'in_service', base: '-1' },
      { category: 'in_service', base: '1.234' },
      { category: 'in_service', base: 'abc' },
      { category: 'in_service' },
      { category: 'in_service', base: 1, extra: 1 },
    ]) {
      const res = await preview(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toMatch(/^[^A-Za-z]/);
    }
  });
});

describe('GET /api/dues/sheet', () => {
  it('lists the branch’s members with due, paid and arrears (seeded up to last month)', async () => {
    const res = await sheet(clerk, demoLastPaidMonth());
    expect(res.statusCode).toBe(200);
    const items: SheetItem[] = res.json().items;
    expect(items.length).toBeGreaterThan(30);
    expect(items.every((i) => /^\d+\.\d{2}$/.test(i.due) && /^\d+\.\d{2}$/.test(i.paid))).toBe(true);
    const flagged = items.filter((i) => i.arrearsMonths >= 3);
    expect(flagged.map((i) => i.arrearsMonths).sort()).toEqual([3, 5]);
    expect(flagged.map((i) => i.arrearsLevel).sort()).toEqual(['serious', 'warning']);
    expect(items.find((i) => i.personId === memberId)).toMatchObject({ arrearsMonths: 0 });
  });
  it('answers 401, 403, 400 and 404, and another court’s branch is not found', async () => {
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/dues/sheet?orgUnitId=${branchId}&month=2026-10` })).statusCode,
    ).toBe(401);
    expect((await sheet(member, '2026-10')).statusCode).toBe(403);
    expect((await sheet(staff, '2026-10')).statusCode).toBe(403);
    expect((await sheet(leader, '2026-10')).statusCode).toBe(200);
    expect((await sheet(clerk, '2026-13')).statusCode).toBe(400);
    expect((await clerk.request({ method: 'GET', url: '/api/dues/sheet?month=2026-10' })).statusCode).toBe(400);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (await clerk.request({ method: 'GET', url: `/api/dues/sheet?orgUnitId=${missing}&month=2026-10` })).statusCode,
    ).toBe(404);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect((await sheet(other, '2026-10')).statusCode).toBe(404);
  });
});

describe('payments', () => {
  it('a clerk enters a month’s payment and the arrears update; twice is refused; at most 6 months at once', async () => {
    const before: SheetItem[] = (await sheet(clerk, thisMonth)).json().items;
    const behind = before
      .filter((i) => i.arrearsMonths > 0 && i.hasBase)
      .sort((a, b) => b.arrearsMonths - a.arrearsMonths)[0]!;
    const n = behind.arrearsMonths;
    const fromMonth = addMonthsToMonth(thisMonth, -(n - 1));
    const pay = (payload: Record<string, unknown>, who: Session = clerk) =>
      who.request({
        method: 'POST',
        url: '/api/dues/payments',
        payload: { personId: behind.personId, fromMonth, paidOn: courtToday(), channel: 'wechat', ...payload },
      });
    expect((await pay({ months: 7 })).statusCode).toBe(400);
    expect((await pay({ months: 0 })).statusCode).toBe(400);
    expect((await pay({ months: 1, channel: 'bitcoin' })).statusCode).toBe(400);
    expect((await pay({ months: 1, paidOn: '2999-01-01' })).statusCode).toBe(400);
    expect((await pay({ months: 1 }, member)).statusCode).toBe(403);
    expect((await pay({ months: 1 }, leader)).statusCode).toBe(403);
    const months = Math.min(n, 6);
    const paid = await pay({ fromMonth: addMonthsToMonth(thisMonth, -(months - 1)), months, extra: '10' });
    expect(paid.statusCode).toBe(201);
    expect(paid.json().months).toHaveLength(months);
    const after: SheetItem[] = (await sheet(clerk, thisMonth)).json().items;
    expect(after.find((i) => i.personId === behind.personId)).toMatchObject({ arrearsMonths: 0, paid: behind.due });
    const again = await pay({ fromMonth: thisMonth, months: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUES_ALREADY_PAID');
    const record = (await clerk.request({ method: 'GET', url: `/api/dues/people/${behind.personId}` })).json();
    // Paid up to this month, or (more than 6 months behind) to the month before the gap left.
    expect(record.paidUpTo).toBe(n <= 6 ? thisMonth : addMonthsToMonth(thisMonth, -n));
    expect(record.payments[0]).toMatchObject({ channel: 'wechat' });
    const undo = await clerk.request({ method: 'DELETE', url: `/api/dues/payments/${record.payments[0].id}` });
    expect(undo.statusCode).toBe(200);
    expect(
      (await clerk.request({ method: 'DELETE', url: `/api/dues/payments/${record.payments[0].id}` })).statusCode,
    ).toBe(404);
  });
  it('refuses someone who is not a member, and a person of another court', async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}member`);
    const otherId = (await other.request({ method: 'GET', url: '/api/members/me' })).json().id;
    const payload = { personId: otherId, fromMonth: thisMonth, paidOn: courtToday(), channel: 'cash' };
    expect((await clerk.request({ method: 'POST', url: '/api/dues/payments', payload })).statusCode).toBe(404);
    const staffId = (await staff.request({ method: 'GET', url: '/api/members/me' })).json().id;
    const res = await clerk.request({
      method: 'POST',
      url: '/api/dues/payments',
      payload: { ...payload, personId: staffId },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUES_NOT_A_MEMBER');
  });
});

describe('bases (personal data)', () => {
  it('are full to the dues officer (audited), masked to the secretary and leader, and the member’s own', async () => {
    const set = await clerk.request({
      method: 'POST',
      url: `/api/dues/people/${memberId}/bases`,
      payload: { category: 'in_service', base: '5000.01', fromMonth: thisMonth },
    });
    expect(set.statusCode).toBe(201);
    expect(set.json().bases[0]).toMatchObject({
      base: '5000.01',
      masked: false,
      monthly: '75.00',
      fromMonth: thisMonth,
    });
    for (const who of [secretary, leader]) {
      const seen = (await who.request({ method: 'GET', url: `/api/dues/people/${memberId}` })).json();
      expect(seen.bases.every((b: { masked: boolean; base: string }) => b.masked && !/\d{4}/.test(b.base))).toBe(true);
      expect(JSON.stringify(seen)).not.toContain('5000.01');
    }
    const own = (await member.request({ method: 'GET', url: `/api/dues/people/${memberId}` })).json();
    expect(own.bases[0]).toMatchObject({ base: '5000.01', masked: false });
    const audit = (await ctx.login('auditor')).request({ method: 'GET', url: '/api/audit?action=dues.base_read' });
    expect((await audit).json().items.length).toBeGreaterThanOrEqual(1);
    // The new base applies from its month: this month's due on the sheet is 75.00.
    const row = ((await sheet(clerk, thisMonth)).json().items as SheetItem[]).find((i) => i.personId === memberId);
    expect(row?.due).toBe('75.00');
  });
  it('answer 401, 403, 400 and 404', async () => {
    const url = `/api/dues/people/${memberId}/bases`;
    const payload = { category: 'retired', base: '4000', fromMonth: thisMonth };
    expect((await ctx.app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
    expect((await member.request({ method: 'POST', url, payload })).statusCode).toBe(403);
    expect(
      (await clerk.request({ method: 'POST', url, payload: { ...payload, fromMonth: '2026-1' } })).statusCode,
    ).toBe(400);
    expect(
      (await clerk.request({ method: 'POST', url, payload: { category: 'retired', fromMonth: thisMonth } })).statusCode,
    ).toBe(400);
    const someoneElse = ((await sheet(clerk, thisMonth)).json().items as SheetItem[]).find(
      (i) => i.personId !== memberId,
    )!;
    expect((await member.request({ method: 'GET', url: `/api/dues/people/${someoneElse.personId}` })).statusCode).toBe(
      404,
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await clerk.request({ method: 'GET', url: `/api/dues/people/${missing}` })).statusCode).toBe(404);
    expect((await clerk.request({ method: 'GET', url: '/api/dues/people/nope' })).statusCode).toBe(400);
  });
});

describe('reductions, settings, summary and the remittance sheet', () => {
  it('records an exemption with the branch decision, which clears the month’s due', async () => {
    const items: SheetItem[] = (await sheet(clerk, thisMonth)).json().items;
    const someone = items.find((i) => i.personId !== memberId && i.hasBase)!;
    const url = `/api/dues/people/${someone.personId}/reductions`;
    const payload = {
      fromMonth: thisMonth,
      toMonth: thisMonth,
      amount: '0',
      reason: '家庭困难',
      decision: '支部委员会决定',
      approvedBy: '机关党委批准',
    };
    expect((await clerk.request({ method: 'POST', url, payload: { ...payload, decision: '' } })).statusCode).toBe(400);
    expect((await member.request({ method: 'POST', url, payload })).statusCode).toBe(403);
    expect((await clerk.request({ method: 'POST', url, payload })).statusCode).toBe(201);
    const row = ((await sheet(clerk, thisMonth)).json().items as SheetItem[]).find(
      (i) => i.personId === someone.personId,
    );
    expect(row).toMatchObject({ due: '0.00', arrearsMonths: 0, reduced: true });
  });
  it('changes the rounding court-wide only', async () => {
    expect(
      (await secretary.request({ method: 'PUT', url: '/api/dues/settings', payload: { rounding: 'up' } })).statusCode,
    ).toBe(403);
    expect(
      (await clerk.request({ method: 'PUT', url: '/api/dues/settings', payload: { rounding: 'sideways' } })).statusCode,
    ).toBe(400);
    expect(
      (await clerk.request({ method: 'PUT', url: '/api/dues/settings', payload: { rounding: 'up' } })).json(),
    ).toEqual({ rounding: 'up' });
    expect(
      (
        await member.request({
          method: 'POST',
          url: '/api/dues/preview',
          payload: { category: 'in_service', base: '1234.56' },
        })
      ).json().amount,
    ).toBe('6.18');
    await clerk.request({ method: 'PUT', url: '/api/dues/settings', payload: { rounding: 'half_up' } });
    expect((await member.request({ method: 'GET', url: '/api/dues/settings' })).statusCode).toBe(403);
  });
  it('sums the year by month and exports the month’s remittance sheet', async () => {
    const summary = await leader.request({ method: 'GET', url: `/api/dues/summary?orgUnitId=${branchId}&year=2026` });
    expect(summary.statusCode).toBe(200);
    expect(summary.json().months).toHaveLength(12);
    expect(Number(summary.json().months[0].paid)).toBeGreaterThan(0);
    expect(
      (await leader.request({ method: 'GET', url: `/api/dues/summary?orgUnitId=${branchId}&year=20` })).statusCode,
    ).toBe(400);
    const url = `/api/dues/remittance?orgUnitId=${branchId}&month=2026-10`;
    expect((await leader.request({ method: 'GET', url })).statusCode).toBe(403);
    const xlsx = await clerk.request({ method: 'GET', url });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('reminders', () => {
  it('queues arrears (3/5/6 months) and development deadlines once each on the court’s channels', async () => {
    const set = await clerk.request({
      method: 'PUT',
      url: '/api/notifications/settings',
      payload: { wecomWebhook: 'https://robot.invalid/cgi-bin/webhook/send?key=dues-test' },
    });
    expect(set.statusCode).toBe(200);
    // A fixed day: the seeded activist's next assessment (2026-12-15) is within the week.
    const now = courtInstant('2026-12-10', '10:00');
    expect(await queueReminders(ctx.database.db, now)).toBeGreaterThan(0);
    expect(await queueReminders(ctx.database.db, now)).toBe(0);
    const outbox = (await clerk.request({ method: 'GET', url: '/api/notifications/outbox?pageSize=100' })).json()
      .items as { source: string; title: string }[];
    const arrears = outbox.filter((r) => r.source === 'dues.arrears');
    expect(arrears.length).toBeGreaterThanOrEqual(1);
    expect(arrears[0]!.title).toContain('党费欠缴提醒');
    expect(outbox.some((r) => r.source === 'development.due')).toBe(true);
  });
});
