import { eq, sql } from 'drizzle-orm';
import { people } from '../../db/schema/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonthsClamped, courtToday } from '@qizhi/domain';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT, TEST_PASSWORD } from '../../test/fixtures.ts';
import { transferReminders } from './transfers-reminders.ts';

let ctx: TestContext;
let clerk: Session;
let secretary: Session;
let leader: Session;
let member: Session;
let memberId: string;
let cells: { id: string; name: string; kind: string }[];
let partyGroupId: string;
let others: { id: string; name: string; orgUnitId: string }[];
const today = courtToday();

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.login('clerk');
  secretary = await ctx.login('secretary');
  leader = await ctx.login('leader');
  member = await ctx.login('member');
  memberId = (await member.request({ method: 'GET', url: '/api/members/me' })).json().id;
  const units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
  cells = units.filter((u: { kind: string }) => u.kind === 'cell');
  partyGroupId = units.find((u: { kind: string }) => u.kind === 'party_group').id;
  const page = (await clerk.request({ method: 'GET', url: '/api/members?status=full&pageSize=100' })).json();
  others = page.items.filter(
    (p: { id: string; orgUnitId: string | null }) =>
      p.id !== memberId && p.orgUnitId && cells.some((c) => c.id === p.orgUnitId),
  );
});
afterAll(async () => {
  await ctx.close();
});

const out = (who: Session, payload: Record<string, unknown>) =>
  who.request({ method: 'POST', url: '/api/transfers/out', payload });
const into = (who: Session, payload: Record<string, unknown>) =>
  who.request({ method: 'POST', url: '/api/transfers/in', payload });
const personOf = async (id: string) => (await clerk.request({ method: 'GET', url: `/api/members/${id}` })).json();
const otherCellThan = (orgUnitId: string) => cells.find((c) => c.id !== orgUnitId)!;

describe('access', () => {
  it('401 without a session on every route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/transfers'],
      ['GET', `/api/transfers/${id}`],
      ['GET', `/api/transfers/check/${id}`],
      ['GET', `/api/transfers/people/${id}`],
      ['POST', '/api/transfers/out'],
      ['POST', '/api/transfers/in'],
      ['POST', `/api/transfers/${id}/receipt`],
    ] as const)
      expect((await ctx.app.inject({ method, url, payload: {} })).statusCode, url).toBe(401);
  });
  it('403 to those without the permission; the leader reads but does not issue', async () => {
    for (const username of ['admin', 'auditor', 'member', 'staff']) {
      const who = await ctx.login(username);
      expect((await who.request({ method: 'GET', url: '/api/transfers' })).statusCode, username).toBe(403);
      expect((await out(who, { personId: memberId, issuedOn: today, toName: '某单位' })).statusCode, username).toBe(
        403,
      );
      expect((await who.request({ method: 'GET', url: `/api/transfers/check/${memberId}` })).statusCode).toBe(403);
    }
    expect((await leader.request({ method: 'GET', url: '/api/transfers' })).statusCode).toBe(200);
    expect((await out(leader, { personId: memberId, issuedOn: today, toName: '某单位' })).statusCode).toBe(403);
  });
  it('400 in Chinese for a malformed letter', async () => {
    const base = { personId: memberId, issuedOn: today, acknowledgeArrears: true };
    for (const payload of [
      { ...base },
      { ...base, toName: '某单位', toOrgUnitId: cells[0]!.id },
      { ...base, toName: '某单位', validMonths: 4 },
      { ...base, toName: '某单位', validMonths: 0 },
      { ...base, toName: '某单位', issuedOn: '2026-02-30' },
      { ...base, toName: '某单位', issuedOn: addDays(today, 1) },
      { ...base, toName: '   ' },
      { ...base, toName: '某单位', extra: 1 },
      { ...base, toOrgUnitId: (await personOf(memberId)).orgUnitId },
    ]) {
      const res = await out(clerk, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toMatch(/^[^A-Za-z]/);
    }
    expect((await clerk.request({ method: 'GET', url: '/api/transfers?status=late' })).statusCode).toBe(400);
  });
  it('another court reaches nothing of this one', async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect((await out(other, { personId: memberId, issuedOn: today, toName: '某单位' })).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `/api/transfers/check/${memberId}` })).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `/api/transfers/people/${memberId}` })).statusCode).toBe(404);
    const list = (await other.request({ method: 'GET', url: '/api/transfers' })).json();
    expect(list.items.some((i: { personId: string }) => i.personId === memberId)).toBe(false);
  });
});

describe('within the court', () => {
  it('shows paid-up month and arrears before the letter, flags arrears, then moves the member with history', async () => {
    const before = await personOf(memberId);
    const check = (await secretary.request({ method: 'GET', url: `/api/transfers/check/${memberId}` })).json();
    const dues = (await clerk.request({ method: 'GET', url: `/api/dues/people/${memberId}` })).json();
    expect(check).toMatchObject({ personId: memberId, orgUnitId: before.orgUnitId, paidUpTo: dues.paidUpTo });
    expect(check.arrearsMonths).toBe(dues.arrearsMonths);

    const to = otherCellThan(before.orgUnitId);
    const payload = { personId: memberId, issuedOn: today, toOrgUnitId: to.id, validMonths: 2 };
    if (check.arrearsMonths > 0) {
      const refused = await out(secretary, payload);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'TRANSFER_DUES_ARREARS',
        details: { paidUpTo: check.paidUpTo, arrearsMonths: check.arrearsMonths },
      });
    }
    const res = await out(secretary, { ...payload, acknowledgeArrears: true });
    expect(res.statusCode).toBe(200);
    const letter = res.json();
    expect(letter).toMatchObject({
      direction: 'out',
      internal: true,
      fromOrgUnitId: before.orgUnitId,
      toOrgUnitId: to.id,
      toName: to.name,
      validUntil: addMonthsClamped(today, 2),
      duesPaidUpTo: check.paidUpTo,
      status: 'awaiting',
    });
    expect(letter.letterNo).toMatch(new RegExp(`^${today.slice(0, 4)}-\\d{3}$`));

    const after = await personOf(memberId);
    expect(after.orgUnitId).toBe(to.id);
    expect(after.leftOn).toBeNull();
    const history = (await member.request({ method: 'GET', url: `/api/transfers/people/${memberId}` })).json();
    expect(history.items.map((i: { id: string }) => i.id)).toContain(letter.id);
    const audit = (
      await (await ctx.login('auditor')).request({ method: 'GET', url: '/api/audit?action=transfer.out' })
    ).json().items as { entityId: string }[];
    expect(audit.some((a) => a.entityId === letter.id)).toBe(true);
    // The number is the court's: a second letter with it is refused.
    const again = await out(clerk, {
      personId: others[0]!.id,
      issuedOn: today,
      toOrgUnitId: otherCellThan(others[0]!.orgUnitId).id,
      letterNo: letter.letterNo,
      acknowledgeArrears: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TRANSFER_LETTER_NO_TAKEN');
  });

  it('a secretary transfers only into organisations they are responsible for', async () => {
    const res = await out(secretary, {
      personId: others[1]!.id,
      issuedOn: today,
      toOrgUnitId: partyGroupId,
      acknowledgeArrears: true,
    });
    expect(res.statusCode).toBe(403);
  });

  it('writes the letter, the move and the audit row in one transaction', async () => {
    const person = others[2]!;
    await ctx.database.db.execute(
      sql.raw(`
      CREATE FUNCTION transfers_test_refuse() RETURNS trigger AS $$
      BEGIN IF NEW.action LIKE 'transfer.%' THEN RAISE EXCEPTION 'audit refused for the test'; END IF; RETURN NEW; END;
      $$ LANGUAGE plpgsql`),
    );
    await ctx.database.db.execute(
      sql.raw(
        `CREATE TRIGGER transfers_test_refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION transfers_test_refuse()`,
      ),
    );
    try {
      const res = await out(clerk, {
        personId: person.id,
        issuedOn: today,
        toOrgUnitId: otherCellThan(person.orgUnitId).id,
        acknowledgeArrears: true,
      });
      expect(res.statusCode).toBe(500);
      const away = await out(clerk, {
        personId: person.id,
        issuedOn: today,
        toName: '某县法院机关党支部',
        acknowledgeArrears: true,
      });
      expect(away.statusCode).toBe(500);
    } finally {
      await ctx.database.db.execute(sql.raw(`DROP TRIGGER transfers_test_refuse ON audit_log`));
      await ctx.database.db.execute(sql.raw(`DROP FUNCTION transfers_test_refuse()`));
    }
    const after = await personOf(person.id);
    expect(after.orgUnitId).toBe(person.orgUnitId);
    expect(after.leftOn).toBeNull();
    const history = (await clerk.request({ method: 'GET', url: `/api/transfers/people/${person.id}` })).json();
    expect(history.items).toEqual([]);
  });
});

describe('out of the court', () => {
  it('issues the letter, marks the member left (调出) and disables their account; the receipt comes back once', async () => {
    const res = await out(clerk, {
      personId: memberId,
      issuedOn: today,
      toName: '浮山县人民法院机关党支部',
      letterNo: 'TEST-OUT-1',
      acknowledgeArrears: true,
    });
    expect(res.statusCode).toBe(200);
    const letter = res.json();
    expect(letter).toMatchObject({
      internal: false,
      toOrgUnitId: null,
      letterNo: 'TEST-OUT-1',
      validDays: expect.any(Number),
    });
    expect(letter.validUntil).toBe(addMonthsClamped(today, 3));
    const person = await personOf(memberId);
    expect(person).toMatchObject({ leftOn: today, leftReason: 'transferred_out' });
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'member', password: TEST_PASSWORD },
    });
    expect(login.statusCode).not.toBe(200);
    // Left: no second letter.
    expect((await out(clerk, { personId: memberId, issuedOn: today, toName: '某单位' })).json().error.code).toBe(
      'PERSON_ALREADY_LEFT',
    );

    const receipt = (payload: Record<string, unknown>, who: Session = clerk) =>
      who.request({ method: 'POST', url: `/api/transfers/${letter.id}/receipt`, payload });
    expect((await receipt({ receiptOn: addDays(today, -1) })).statusCode).toBe(400);
    expect((await receipt({ receiptOn: addDays(today, 1) })).statusCode).toBe(400);
    expect((await receipt({ receiptOn: today }, leader)).statusCode).toBe(403);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect((await receipt({ receiptOn: today }, other)).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `/api/transfers/${letter.id}` })).statusCode).toBe(404);
    const ok = await receipt({ receiptOn: today, note: '已收到回执' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'returned', receiptOn: today });
    expect((await receipt({ receiptOn: today })).json().error.code).toBe('TRANSFER_RECEIPT_RECORDED');
  });

  it('flags a receipt not back past the letter’s validity, in the list and as a reminder', async () => {
    const person = others[3]!;
    const issuedOn = addMonthsClamped(today, -3);
    const res = await out(clerk, {
      personId: person.id,
      issuedOn,
      validMonths: 1,
      toName: '外省某法院机关党委',
      acknowledgeArrears: true,
    });
    expect(res.statusCode).toBe(200);
    const letter = res.json();
    expect(letter.status).toBe('overdue');
    expect(letter.daysOverdue).toBeGreaterThan(0);
    const list = (await clerk.request({ method: 'GET', url: '/api/transfers?status=overdue' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(letter.id);
    expect(list.overdueCount).toBeGreaterThanOrEqual(1);
    expect(list.items.every((i: { status: string }) => i.status === 'overdue')).toBe(true);
    const [row] = await ctx.database.db
      .select({ tenantId: people.tenantId })
      .from(people)
      .where(eq(people.id, person.id));
    const reminders = await transferReminders(ctx.database.db, row!.tenantId);
    expect(reminders.map((r) => r.key)).toContain(`transfer.receipt_overdue:${letter.id}`);
    expect(reminders.find((r) => r.key.endsWith(letter.id))!.body).toContain(letter.letterNo);
  });
});

describe('transfer in', () => {
  it('joins the member to a 党组织 of the court, refuses an expired letter, and shows in the history', async () => {
    const person = others[4]!;
    const to = otherCellThan(person.orgUnitId);
    const base = {
      personId: person.id,
      orgUnitId: to.id,
      fromName: '某市中级人民法院机关党委',
      letterNo: '（2026）第18号',
      issuedOn: addDays(today, -10),
      receivedOn: today,
    };
    expect((await into(clerk, { ...base, receivedOn: addDays(today, -11) })).statusCode).toBe(400);
    expect((await into(clerk, { ...base, fromName: '' })).statusCode).toBe(400);
    const expired = await into(clerk, { ...base, validUntil: addDays(today, -1) });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.code).toBe('TRANSFER_LETTER_EXPIRED');
    expect((await into(leader, base)).statusCode).toBe(403);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect((await into(other, base)).statusCode).toBe(404);

    const res = await into(clerk, { ...base, validUntil: today, duesPaidUpTo: today.slice(0, 7) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ direction: 'in', status: 'received', toOrgUnitId: to.id, receivedOn: today });
    expect(await personOf(person.id)).toMatchObject({ orgUnitId: to.id, transferredInOn: today });
    const history = (await clerk.request({ method: 'GET', url: `/api/transfers/people/${person.id}` })).json();
    expect(history.items).toHaveLength(1);
    // A transfer in has no receipt to record.
    const receipt = await clerk.request({
      method: 'POST',
      url: `/api/transfers/${res.json().id}/receipt`,
      payload: { receiptOn: today },
    });
    expect(receipt.json().error.code).toBe('TRANSFER_NOT_OUTGOING');
  });
});
