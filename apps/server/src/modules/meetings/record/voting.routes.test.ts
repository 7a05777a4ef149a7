/**
 * Who votes, quorum, results and record time through HTTP (rules.md, "Voting, quorum and
 * resolutions"; issue 9): every refusal with its code and a Chinese message, the demo branch's 应到.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesTemplate } from '@qizhi/domain';
import { auditLog, meetings, meetingVotes } from '../../../db/schema/index.ts';
import { createTestContext, type Session, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let member: Session;
let units: { id: string; kind: string; name: string }[];
beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  member = await ctx.login('member');
  units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
});
afterAll(async () => {
  await ctx.close();
});

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const branch = () => units.find((u) => u.kind === 'branch')!;
const chinese = (message: string) => expect(message).toMatch(/^[^A-Za-z]/);

interface Row {
  personId: string;
  name: string;
  counted: boolean;
  voting: boolean;
  exempt: boolean;
  entitlement: string;
  entitlementReason: string;
  state: string;
}

async function plan(body: Record<string, unknown> = {}) {
  const res = await secretary.request({
    method: 'POST',
    url: '/api/meetings',
    payload: { type: 'branch_general', orgUnitId: branch().id, topic: '表决测试', place: '党员活动室', ...body },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; attendees: Row[]; quorum: { entitled: number; needed: number } }>();
}

/** Marks the first `n` counted members present and every other counted member absent. */
async function attend(id: string, rows: Row[], n: number) {
  const counted = rows.filter((r) => r.counted);
  const payload = counted.map((r, i) => ({ personId: r.personId, state: i < n ? 'present' : 'absent' }));
  const res = await secretary.request({ method: 'PUT', url: `/api/meetings/${id}/attendance`, payload });
  expect(res.statusCode).toBe(200);
  return counted;
}

function vote(id: string, body: Record<string, unknown>, who: Session = secretary) {
  return who.request({
    method: 'POST',
    url: `/api/meetings/${id}/votes`,
    payload: { kind: 'general_resolution', subject: '表决事项', yes: 0, no: 0, abstain: 0, ...body },
  });
}

describe('who is entitled at the demo branch', () => {
  it('counts every full member, retired or serving, less the exempted: 应到 50, quorum 26', async () => {
    const m = await plan({ startsAt: inMinutes(60) });
    expect(m.quorum).toMatchObject({ entitled: 50, needed: 26 });
    const retired = m.attendees.filter((a) => a.entitlementReason.startsWith('退休正式党员'));
    expect(retired.length).toBeGreaterThan(10);
    expect(retired.every((a) => a.voting)).toBe(true);
    const probationary = m.attendees.filter((a) => a.entitlement === 'probationary');
    expect(probationary).toHaveLength(2);
    expect(probationary.every((a) => !a.counted && a.entitlementReason === '预备党员没有表决权')).toBe(true);
    const exempted = m.attendees.filter((a) => a.entitlement === 'exempted');
    expect(exempted).toHaveLength(2);
  });
});

describe('record time', () => {
  it('refuses attendance, minutes and votes before the start, with the court time they open; leave may be entered', async () => {
    const m = await plan({ startsAt: '2099-05-20T15:00:00+08:00' });
    const someone = m.attendees.find((a) => a.counted)!;
    const present = await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${m.id}/attendance`,
      payload: [{ personId: someone.personId, state: 'present' }],
    });
    expect(present.statusCode).toBe(409);
    expect(present.json().error).toMatchObject({ code: 'RECORD_NOT_OPEN' });
    expect(present.json().error.message).toContain('2099-05-20 15:00');
    chinese(present.json().error.message);
    const leave = await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${m.id}/attendance`,
      payload: [{ personId: someone.personId, state: 'leave', reason: '外出开庭' }],
    });
    expect(leave.statusCode).toBe(200);
    const minutes = await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${m.id}/minutes`,
      payload: { minutes: '<p>会议讨论了工作安排</p>' },
    });
    expect(minutes.json().error.code).toBe('RECORD_NOT_OPEN');
    expect((await vote(m.id, { yes: 1 })).json().error.code).toBe('RECORD_NOT_OPEN');
  });

  it('refuses minutes that are the unchanged template', async () => {
    const m = await plan({ startsAt: inMinutes(-1) });
    const template = minutesTemplate({
      topic: '表决测试',
      hostName: null,
      recorderName: null,
      expected: 50,
      attended: 0,
    });
    const res = await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${m.id}/minutes`,
      payload: { minutes: template },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MINUTES_UNCHANGED_TEMPLATE');
    chinese(res.json().error.message);
    const filled = template.replace('<h4>二、讨论发言</h4><p></p>', '<h4>二、讨论发言</h4><p>张三：同意。</p>');
    expect(
      (await secretary.request({ method: 'PUT', url: `/api/meetings/${m.id}/minutes`, payload: { minutes: filled } }))
        .statusCode,
    ).toBe(200);
  });
});

describe('votes', () => {
  let id: string;
  let counted: Row[];
  let guest: Row | undefined;
  beforeAll(async () => {
    const m = await plan({ startsAt: inMinutes(-10) });
    id = m.id;
    counted = await attend(id, m.attendees, 26);
    // A non-party staff member sits in: present, never counted.
    const people = (await clerk.request({ method: 'GET', url: '/api/members?status=non_party&pageSize=1' })).json();
    const staffId = people.items[0].id as string;
    await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${id}/attendance`,
      payload: [{ personId: staffId, state: 'present' }],
    });
    const detail = (await secretary.request({ method: 'GET', url: `/api/meetings/${id}` })).json();
    guest = detail.attendees.find((a: Row) => a.personId === staffId);
    expect(detail.quorum).toMatchObject({ entitled: 50, present: 26, needed: 26, reached: true });
  });

  it('shows a guest on the list with why they do not count', () => {
    expect(guest).toMatchObject({ counted: false, voting: false, entitlement: 'notPartyMember' });
  });

  it('passes a general resolution on more than half of 应到, not of those present', async () => {
    const short = (await vote(id, { yes: 25, no: 1 })).json().votes.at(-1);
    expect(short).toMatchObject({ adopted: false, yesNeeded: 26, divisor: { kind: 'expected', value: 50 } });
    expect(short.explanation).toContain('未超过应到会有表决权党员 50 人的半数');
    const enough = (await vote(id, { yes: 26 })).json().votes.at(-1);
    expect(enough).toMatchObject({ adopted: true, totals: { yes: 26, no: 0, abstain: 0 } });
  });

  it('counts a written opinion handed in before the meeting in an admission vote', async () => {
    const absent = counted.at(-1)!;
    const res = await vote(id, {
      kind: 'admission',
      subject: '接收预备党员',
      yes: 25,
      writtenOpinions: [{ personId: absent.personId, stance: 'yes', submittedAt: inMinutes(-60) }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().votes.at(-1)).toMatchObject({
      kind: 'admission',
      adopted: true,
      yes: 25,
      written: { yes: 1, count: 1 },
      totals: { yes: 26 },
      divisor: { kind: 'expected', value: 50 },
      yesNeeded: 26,
    });
    expect(res.json().votes.at(-1).explanation).toContain('含书面意见 1 份');
  });

  it('refuses written opinions the rule does not count, each with its reason', async () => {
    const absent = counted.at(-1)!;
    const presentOne = counted[0]!;
    const cases = [
      {
        kind: 'general_resolution',
        personId: absent.personId,
        at: inMinutes(-60),
        says: '只在接收预备党员、预备党员转正',
      },
      { kind: 'admission', personId: absent.personId, at: inMinutes(-1), says: '会议召开前提交' },
      { kind: 'admission', personId: presentOne.personId, at: inMinutes(-60), says: '已到会' },
      { kind: 'admission', personId: guest!.personId, at: inMinutes(-60), says: '没有表决权' },
    ];
    for (const c of cases) {
      const opinion = { personId: c.personId, stance: 'yes', submittedAt: c.at };
      const res = await vote(id, { kind: c.kind, yes: 20, writtenOpinions: [opinion] });
      expect(res.statusCode, c.says).toBe(400);
      expect(res.json().error.code).toBe('WRITTEN_OPINION_NOT_COUNTED');
      expect(res.json().error.message).toContain(c.says);
      chinese(res.json().error.message);
    }
  });

  it('refuses counts beyond those present, in Chinese without a field code', async () => {
    const res = await vote(id, { yes: 27 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VOTE_COUNTS_INVALID' });
    expect(res.json().error.message).toContain('不能多于实到会有表决权党员');
    chinese(res.json().error.message);
  });

  it('refuses an election without more than four fifths present', async () => {
    const res = await vote(id, { kind: 'election', subject: '选举支部委员会', yes: 26 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('QUORUM_NOT_REACHED');
    expect(res.json().error.message).toContain('五分之四（需 41 人）');
  });

  it('refuses a vote from a member who does not manage the meeting', async () => {
    expect((await vote(id, { yes: 1 }, member)).statusCode).toBe(403);
  });
});

describe('where a vote may be taken', () => {
  it('refuses admission and confirmation at a 党小组会 and a 主题党日, naming the rule', async () => {
    const cell = units.find((u) => u.kind === 'cell')!;
    const atCell = await plan({ type: 'cell', orgUnitId: cell.id, startsAt: inMinutes(-5) });
    const res = await vote(atCell.id, { kind: 'admission', subject: '接收预备党员', yes: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VOTE_NOT_ALLOWED_AT_MEETING');
    expect(res.json().error.message).toBe(
      '接收预备党员须由支部党员大会讨论决定（《中国共产党发展党员工作细则》第二十八条），党小组会不能表决',
    );
    const day = await plan({ type: 'theme_day', startsAt: inMinutes(-5) });
    const confirm = await vote(day.id, { kind: 'confirmation', subject: '预备党员转正', yes: 1 });
    expect(confirm.json().error.code).toBe('VOTE_NOT_ALLOWED_AT_MEETING');
    expect(confirm.json().error.message).toContain('第三十三条');
  });
});

describe('leave and discipline', () => {
  it('a member’s own leave request is not 请假 until the host approves it', async () => {
    const m = await plan({ startsAt: inMinutes(120) });
    const res = await member.request({
      method: 'POST',
      url: `/api/meetings/${m.id}/leave`,
      payload: { reason: '出庭' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ leave: 0, leaveRequested: 1 });
  });

  it('records 留党察看 with its dates, audited, and the member has no vote meanwhile', async () => {
    const m = await plan({ startsAt: inMinutes(-2) });
    const target = m.attendees.find((a) => a.entitlement === 'entitled')!;
    const bad = await clerk.request({
      method: 'PATCH',
      url: `/api/members/${target.personId}`,
      payload: { probationFrom: '2026-03-01', probationTo: '2025-03-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({
      path: 'probationTo',
      message: '留党察看结束日期不能早于开始日期',
    });
    const tooLong = await clerk.request({
      method: 'PATCH',
      url: `/api/members/${target.personId}`,
      payload: { probationFrom: '2025-01-01', probationTo: '2027-06-01' },
    });
    expect(tooLong.statusCode).toBe(400);
    const from = '2025-01-01';
    const ok = await clerk.request({
      method: 'PATCH',
      url: `/api/members/${target.personId}`,
      payload: { probationFrom: from },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ probationFrom: from, probationTo: null });
    const row = (await secretary.request({ method: 'GET', url: `/api/meetings/${m.id}` }))
      .json()
      .attendees.find((a: Row) => a.personId === target.personId);
    expect(row).toMatchObject({ counted: false, voting: false, entitlement: 'probationInParty' });
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, target.personId), eq(auditLog.action, 'person.update')))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(audit?.after).toMatchObject({ probationFrom: from });
    await clerk.request({ method: 'PATCH', url: `/api/members/${target.personId}`, payload: { probationFrom: null } });
  });
});

describe('records made under the earlier rule', () => {
  it('keeps a closed meeting’s recorded counts and vote, and shows read-only what today’s rule says', async () => {
    const list = (
      await secretary.request({ method: 'GET', url: '/api/meetings?type=branch_general&status=closed&pageSize=50' })
    ).json();
    const withVote = [];
    for (const item of list.items as { id: string }[]) {
      const d = (await secretary.request({ method: 'GET', url: `/api/meetings/${item.id}` })).json();
      if (d.votes.length > 0) withVote.push(d);
    }
    const closed = withVote[0];
    expect(closed, 'a closed branch general meeting with a vote in the demo year').toBeDefined();
    // The seed records by today's rule: nothing to say.
    expect(closed.countsNote).toBeNull();
    expect(closed.votes[0].todayRule).toBeNull();
    // As migration 0008 leaves an older record: 应到 without the retired members, the result against those present.
    await ctx.database.db
      .update(meetings)
      .set({ recordedExpected: 34, recordedAttended: 30 })
      .where(eq(meetings.id, closed.id));
    await ctx.database.db
      .update(meetingVotes)
      .set({ divisor: null, entitled: 34, present: 30, yes: 16, yesNeeded: 16, adopted: true })
      .where(eq(meetingVotes.meetingId, closed.id));
    const after = (await secretary.request({ method: 'GET', url: `/api/meetings/${closed.id}` })).json();
    expect(after).toMatchObject({ expected: 34, attended: 30 });
    expect(after.countsNote).toContain('归档时记录应到34人、实到30人；按现行规则应到');
    expect(after.votes[0]).toMatchObject({ adopted: true, entitled: 34, yes: 16, divisor: { kind: 'present' } });
    expect(after.votes[0].explanation).toBe('按原规则记录：赞成 16 票，需 16 票，通过');
    expect(after.votes[0].todayRule).toMatchObject({ adopted: false });
    expect(after.votes[0].todayRule.explanation).toContain('原记录未改动');
    const listed = (await secretary.request({ method: 'GET', url: '/api/meetings?status=closed&pageSize=200' })).json();
    expect(listed.items.find((m: { id: string }) => m.id === closed.id)).toMatchObject({ expected: 34, attended: 30 });
  });
});
