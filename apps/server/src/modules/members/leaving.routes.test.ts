import { sql } from 'drizzle-orm';
import { courtToday } from '@qizhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { TEST_PASSWORD } from '../../test/fixtures.ts';

let ctx: TestContext;
let clerk: Session;
let secretary: Session;
let memberPersonId: string;
let branchId: string;
const today = courtToday();
const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.login('clerk');
  secretary = await ctx.login('secretary');
  memberPersonId = (await (await ctx.login('member')).request({ method: 'GET', url: '/api/members/me' })).json().id;
  const units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
  branchId = units.find((u: { kind: string }) => u.kind === 'branch').id;
});
afterAll(async () => {
  await ctx.close();
});

const leave = (session: Session, id: string, payload: object) =>
  session.request({ method: 'POST', url: `/api/members/${id}/leaving`, payload });
const signIn = (username: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });

describe('POST /api/members/:id/leaving refuses', () => {
  it('401 without a session, 403 without roster edits (the 系统管理员 and a member included)', async () => {
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: `/api/members/${memberPersonId}/leaving`,
      payload: { leftOn: today, reason: 'resigned' },
    });
    expect(anonymous.statusCode).toBe(401);
    for (const username of ['admin', 'auditor', 'member', 'staff']) {
      const res = await leave(await ctx.login(username), memberPersonId, { leftOn: today, reason: 'resigned' });
      expect(res.statusCode, username).toBe(403);
    }
  });

  it('400 naming the field: a missing or unknown reason, a bad date, a day after today, unknown fields', async () => {
    const cases: [object, string][] = [
      [{ leftOn: today }, 'reason'],
      [{ leftOn: today, reason: 'fired' }, 'reason'],
      [{ leftOn: '2026-02-30', reason: 'resigned' }, 'leftOn'],
      [{ leftOn: tomorrow, reason: 'resigned' }, 'leftOn'],
      [{ leftOn: '1900-01-01', reason: 'deceased' }, 'leftOn'],
      [{ leftOn: today, reason: 'resigned', note: 'x'.repeat(201) }, 'note'],
      [{ leftOn: today, reason: 'resigned', deleteAccount: true }, ''],
    ];
    for (const [payload, field] of cases) {
      const res = await leave(clerk, memberPersonId, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const issues = res.json().error.details.issues as { path: string; message: string }[];
      if (field) expect(issues.map((i) => i.path).join(','), JSON.stringify(payload)).toContain(field);
      expect(issues[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // Refused means nothing happened: the member still signs in.
    expect((await signIn('member')).statusCode).toBe(200);
  });

  it('404 for an unknown person and for a person of another court, both ways', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await leave(clerk, unknown, { leftOn: today, reason: 'resigned' })).statusCode).toBe(404);
    expect((await leave(clerk, 'not-an-id', { leftOn: today, reason: 'resigned' })).statusCode).toBe(400);
    const other = await ctx.login('fs-clerk');
    expect((await leave(other, memberPersonId, { leftOn: today, reason: 'resigned' })).statusCode).toBe(404);
    const foreign = (await other.request({ method: 'GET', url: '/api/members?pageSize=1' })).json().items[0].id;
    expect((await leave(clerk, foreign, { leftOn: today, reason: 'resigned' })).statusCode).toBe(404);
  });
});

describe('a person who leaves', () => {
  it('leaves the current roster, its counts and new meetings, keeps their history, and their account is disabled', async () => {
    const count = async (query: string) =>
      (await clerk.request({ method: 'GET', url: `/api/members?pageSize=1${query}` })).json().total as number;
    const stats = async () => (await clerk.request({ method: 'GET', url: '/api/members/stats' })).json();
    const before = { roster: await count(''), left: await count('&standing=left'), stats: await stats() };
    expect(before.left).toBe(0);
    const memberSession = await ctx.login('member');

    // A meeting held before, and one planned after: the held one keeps them, the planned one drops them.
    const meeting = async (topic: string, startsAt: Date) => {
      const res = await secretary.request({
        method: 'POST',
        url: '/api/meetings',
        payload: {
          type: 'branch_general',
          orgUnitId: branchId,
          topic,
          startsAt: startsAt.toISOString(),
          place: '活动室',
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const attendeesOf = async (id: string) =>
      (
        (await secretary.request({ method: 'GET', url: `/api/meetings/${id}` })).json().attendees as {
          personId: string;
        }[]
      ).map((a) => a.personId);
    const past = await meeting('离开前的党员大会', new Date(Date.now() - 3_600_000));
    const upcoming = await meeting('离开后的党员大会', new Date(Date.now() + 7 * 86_400_000));
    expect(await attendeesOf(past)).toContain(memberPersonId);
    expect(await attendeesOf(upcoming)).toContain(memberPersonId);

    const res = await leave(clerk, memberPersonId, { leftOn: today, reason: 'transferred_out', note: '调往市中院' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ leftOn: today, leftReason: 'transferred_out', leftNote: '调往市中院' });

    // The account: disabled with the reason, its session ended, sign-in refused — and still there.
    expect((await memberSession.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const refused = await signIn('member');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ACCOUNT_DISABLED');
    const admin = await ctx.login('admin');
    const account = (await admin.request({ method: 'GET', url: '/api/users?q=member' })).json().items[0];
    expect(account).toMatchObject({ username: 'member', disabled: true, disabledReason: '调出' });

    // Out of the current roster and its statistics; listed under 已离开.
    expect(await count('')).toBe(before.roster - 1);
    const left = (await clerk.request({ method: 'GET', url: '/api/members?standing=left' })).json();
    expect(left.items.map((m: { id: string }) => m.id)).toEqual([memberPersonId]);
    expect(left.items[0]).toMatchObject({ leftOn: today, leftReason: 'transferred_out' });
    const after = await stats();
    expect(after.totalStaff).toBe(before.stats.totalStaff - 1);
    expect(after.partyMembers).toBe(before.stats.partyMembers - 1);
    expect((await clerk.request({ method: 'GET', url: '/api/members?standing=everyone' })).statusCode).toBe(400);
    // The person's own record still opens.
    expect((await clerk.request({ method: 'GET', url: `/api/members/${memberPersonId}` })).json().leftOn).toBe(today);

    // Meetings: history kept, the lists of meetings not yet held and new ones leave them out.
    expect(await attendeesOf(past)).toContain(memberPersonId);
    expect(await attendeesOf(upcoming)).not.toContain(memberPersonId);
    expect(await attendeesOf(await meeting('新的党员大会', new Date(Date.now() + 86_400_000)))).not.toContain(
      memberPersonId,
    );

    // No new account for them, and the picker no longer offers them.
    const bulk = (
      await admin.request({ method: 'POST', url: '/api/users/bulk', payload: { personIds: [memberPersonId] } })
    ).json();
    expect(bulk.created).toEqual([]);
    expect(bulk.skipped[0].reason).toContain('离开本院（调出）');
    const choices = (await admin.request({ method: 'GET', url: '/api/users/person-choices' })).json().items;
    expect(choices.map((c: { id: string }) => c.id)).not.toContain(memberPersonId);

    // Audited: the leaving and the account, in one go.
    const auditor = await ctx.login('auditor');
    const log = (await auditor.request({ method: 'GET', url: '/api/audit?pageSize=10' })).json().items as {
      action: string;
      summary: string;
    }[];
    const leaving = log.find((e) => e.action === 'person.leave')!;
    expect(leaving.summary).toContain('调出');
    expect(leaving.summary).toContain('账号 member 已停用');
    expect(log.some((e) => e.action === 'user.disable' && e.summary.includes('调出'))).toBe(true);

    // Once only.
    const again = await leave(clerk, memberPersonId, { leftOn: today, reason: 'deceased' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PERSON_ALREADY_LEFT');
  });

  it('a person without an account leaves all the same', async () => {
    const someone = (await clerk.request({ method: 'GET', url: '/api/members?status=non_party&pageSize=100' }))
      .json()
      .items.find((m: { id: string }) => m.id !== memberPersonId);
    expect((await clerk.request({ method: 'GET', url: `/api/members/${someone.id}` })).json().hasAccount).toBe(false);
    const res = await leave(clerk, someone.id, { leftOn: '2026-01-05', reason: 'resigned' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ leftOn: '2026-01-05', leftReason: 'resigned', leftNote: null });
  });
});

describe('the roster page stays an index read', () => {
  it('reads the current roster in order from people_roster_idx, whose predicate is left_on is null', async () => {
    const found = await ctx.database.db.execute(sql`select tenant_id from users where username = 'clerk'`);
    const tenantId = (found as { rows: { tenant_id: string }[] }).rows[0]!.tenant_id;
    await ctx.database.db.execute(sql`analyze people`);
    const plan = await ctx.database.db.transaction(async (tx) => {
      // The demo court is small enough for a sequential scan; this asks whether the index can serve.
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(sql`explain select p.id, p.name, p.phone, p.left_on from people p
        where p.tenant_id = ${tenantId} and p.left_on is null
        order by p.status_rank, p.retired, p.name collate "C", p.id limit 20`);
    });
    const text = JSON.stringify(plan);
    expect(text).toContain('Index Only Scan using people_roster_idx');
    expect(text).not.toContain('Sort Key');
  });
});
