/**
 * 民主评议党员 through HTTP (issue 13): contracts, anonymity (nothing links a ballot to its voter, not
 * in the schema, the answers, the audit log or the request log), exactly one ballot per voter under
 * concurrency, tallies only after closing with the minimum, access and another court.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../platform/config.ts';
import { DEMO_TWO_FACTOR_SECRET } from '../../seed/demo-two-factor.ts';
import { OTHER_COURT, TEST_TWO_FACTOR_KEY } from '../../test/fixtures.ts';
import { cookieFrom, createTestContext, totpCode, type Session, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let member: Session;
let leader: Session;
let staff: Session;
let auditor: Session;
let branchId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  [secretary, clerk, member, leader, staff, auditor] = (await Promise.all(
    ['secretary', 'clerk', 'member', 'leader', 'staff', 'auditor'].map((u) => ctx.login(u)),
  )) as [Session, Session, Session, Session, Session, Session];
  const units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
  branchId = units.find((u: { kind: string }) => u.kind === 'branch').id;
});
afterAll(async () => {
  await ctx.close();
});

async function rows<T>(query: string): Promise<T[]> {
  const result: unknown = await ctx.database.db.execute(query);
  return (result as { rows: T[] }).rows;
}

const ROUND = { orgUnitId: '', coveredYear: 2025, pool: 'all_staff', points: ['duties', 'integrity'] };
const post = (who: Session, url: string, payload?: object) =>
  who.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload }) });

async function createRound(body: Record<string, unknown>) {
  const res = await post(secretary, '/api/evaluations/rounds', { ...ROUND, orgUnitId: branchId, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; step: string; subjects: { id: string; personId: string; name: string }[] }>();
}

/** A complete ballot giving every member `grade` on every point of the round. */
async function ballotOf(_who: Session, roundId: string, grade = 'qualified') {
  const round = (await secretary.request({ method: 'GET', url: `/api/evaluations/rounds/${roundId}` })).json();
  const points = [...round.points, 'overall'];
  return {
    marks: round.subjects.map((s: { id: string }) => ({
      subjectId: s.id,
      grades: Object.fromEntries(points.map((p: string) => [p, grade])),
    })),
  };
}
const cast = async (who: Session, roundId: string, grade?: string) =>
  post(who, `/api/evaluations/rounds/${roundId}/ballots`, await ballotOf(who, roundId, grade));

describe('the ballots table', () => {
  it('has no column that could name a person, account, session, address or time, and no sequence', async () => {
    const columns = await rows<{ column_name: string; column_default: string | null; data_type: string }>(
      `select column_name, column_default, data_type from information_schema.columns where table_name = 'evaluation_ballots'`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(['id', 'round_id', 'tenant_id']);
    for (const c of columns) {
      expect(c.column_name).not.toMatch(
        /person|user|account|voter|session|ip|addr|time|date|created|seq|serial|order/i,
      );
      expect(c.column_default ?? '').not.toMatch(/nextval|now|clock|timestamp/i);
      expect(c.data_type).toBe('uuid');
    }
    const marks = await rows<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'evaluation_ballot_marks'`,
    );
    expect(marks.map((c) => c.column_name).sort()).toEqual(['ballot_id', 'grade', 'point', 'subject_id', 'tenant_id']);
    const voters = await rows<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'evaluation_voters'`,
    );
    expect(voters.map((c) => c.column_name).sort()).toEqual(['person_id', 'round_id', 'tenant_id']);
  });
});

describe('an all-staff round (民主测评)', () => {
  let id: string;
  it('refuses without a session, without the permission and with bad input', async () => {
    const anon = await ctx.app.inject({ method: 'POST', url: '/api/evaluations/rounds', payload: ROUND });
    expect(anon.statusCode).toBe(401);
    for (const url of ['/api/evaluations/rounds', '/api/evaluations/mine']) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    expect((await post(member, '/api/evaluations/rounds', { ...ROUND, orgUnitId: branchId })).statusCode).toBe(403);
    expect((await post(auditor, '/api/evaluations/rounds', { ...ROUND, orgUnitId: branchId })).statusCode).toBe(403);
    expect((await leader.request({ method: 'GET', url: '/api/evaluations/rounds' })).statusCode).toBe(200);
    for (const [body, field] of [
      [{ coveredYear: 1999 }, 'coveredYear'],
      [{ pool: 'everyone' }, 'pool'],
      [{ points: [] }, 'points'],
      [{ points: ['duties', 'duties'] }, 'points'],
      [{ points: ['speed'] }, 'points.0'],
      [{ orgUnitId: 'x' }, 'orgUnitId'],
      [{ extra: 1 }, ''],
    ] as const) {
      const res = await post(secretary, '/api/evaluations/rounds', { ...ROUND, orgUnitId: branchId, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (field) expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    const units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
    const cell = units.find((u: { kind: string }) => u.kind === 'cell');
    const notBranch = await post(secretary, '/api/evaluations/rounds', { ...ROUND, orgUnitId: cell.id });
    expect(notBranch.statusCode).toBe(400);
    expect(notBranch.json().error.message).toContain('党支部');
  });

  it('creates the round with the branch’s members and opens it to all staff', async () => {
    const round = await createRound({});
    id = round.id;
    expect(round.step).toBe('study');
    expect(round.subjects.length).toBeGreaterThan(40);
    const again = await post(secretary, '/api/evaluations/rounds', { ...ROUND, orgUnitId: branchId });
    expect(again.statusCode).toBe(409);
    // No ballots before the round opens; the voter is told why.
    const early = await cast(staff, id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('VOTING_NOT_OPEN');
    expect((await post(member, `/api/evaluations/rounds/${id}/open`)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url: `/api/evaluations/rounds/${id}/open` })).statusCode).toBe(401);
    const opened = await post(secretary, `/api/evaluations/rounds/${id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().step).toBe('voting');
    const progress = (await secretary.request({ method: 'GET', url: `/api/evaluations/rounds/${id}/progress` })).json();
    expect(progress).toEqual({ eligible: expect.any(Number), voted: 0 });
    expect(progress.eligible).toBeGreaterThan(round.subjects.length); // non-party staff too
  });

  it('takes a non-party staff member’s ballot, refuses a second, and an incomplete one', async () => {
    const mine = (await staff.request({ method: 'GET', url: '/api/evaluations/mine' })).json();
    expect(mine.ballots).toEqual([
      expect.objectContaining({ round: expect.objectContaining({ id }), hasVoted: false }),
    ]);
    const ballot = await ballotOf(staff, id, 'excellent');
    const partial = await post(staff, `/api/evaluations/rounds/${id}/ballots`, { marks: ballot.marks.slice(1) });
    expect(partial.statusCode).toBe(400);
    const wrongGrade = structuredClone(ballot);
    wrongGrade.marks[0].grades.overall = 'good';
    expect((await post(staff, `/api/evaluations/rounds/${id}/ballots`, wrongGrade)).statusCode).toBe(400);
    const noPoint = structuredClone(ballot);
    delete noPoint.marks[0].grades.integrity;
    const refused = await post(staff, `/api/evaluations/rounds/${id}/ballots`, noPoint);
    expect(refused.json().error.details.issues[0].path).toBe('marks.0.grades.integrity');
    expect(
      (await ctx.app.inject({ method: 'POST', url: `/api/evaluations/rounds/${id}/ballots`, payload: ballot }))
        .statusCode,
    ).toBe(401);
    const ok = await post(staff, `/api/evaluations/rounds/${id}/ballots`, ballot);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ ok: true });
    const second = await post(staff, `/api/evaluations/rounds/${id}/ballots`, ballot);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ALREADY_VOTED');
    expect((await staff.request({ method: 'GET', url: '/api/evaluations/mine' })).json().ballots[0].hasVoted).toBe(
      true,
    );
    // Another voter's ballot is still theirs to cast.
    const others = (await member.request({ method: 'GET', url: '/api/evaluations/mine' })).json();
    expect(others.ballots[0].hasVoted).toBe(false);
  });

  it('of 50 concurrent casts by one voter, stores exactly one ballot and refuses 49', async () => {
    const ballot = await ballotOf(member, id);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post(member, `/api/evaluations/rounds/${id}/ballots`, ballot)),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().error.code === 'ALREADY_VOTED')).toBe(
      true,
    );
    const [counts] = await rows<{ ballots: number; voters: number }>(
      `select (select count(*)::int from evaluation_ballots where round_id = '${id}') as ballots,
              (select count(*)::int from evaluation_voters where round_id = '${id}') as voters`,
    );
    expect(counts).toEqual({ ballots: 2, voters: 2 });
    expect(
      (await secretary.request({ method: 'GET', url: `/api/evaluations/rounds/${id}/progress` })).json().voted,
    ).toBe(2);
  });

  it('keeps ballots and voters equal when storing a ballot fails half-way (one transaction)', async () => {
    const ballot = await ballotOf(leader, id);
    // A member id of another round passes the shape check but not the ballot's rule: nothing is stored.
    ballot.marks[0].subjectId = '00000000-0000-4000-8000-000000000000';
    expect((await post(leader, `/api/evaluations/rounds/${id}/ballots`, ballot)).statusCode).toBe(400);
    const [counts] = await rows<{ ballots: number; voters: number }>(
      `select (select count(*)::int from evaluation_ballots where round_id = '${id}') as ballots,
              (select count(*)::int from evaluation_voters where round_id = '${id}') as voters`,
    );
    expect(counts).toEqual({ ballots: 2, voters: 2 });
  });

  it('shows no tally before closing; the audit log says who voted, never what', async () => {
    const early = await secretary.request({ method: 'GET', url: `/api/evaluations/rounds/${id}/tally` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('TALLY_NOT_AVAILABLE');
    expect((await member.request({ method: 'GET', url: `/api/evaluations/rounds/${id}/tally` })).statusCode).toBe(403);
    expect((await auditor.request({ method: 'GET', url: `/api/evaluations/rounds/${id}/tally` })).statusCode).toBe(403);
    expect((await auditor.request({ method: 'GET', url: `/api/evaluations/rounds/${id}/progress` })).statusCode).toBe(
      403,
    );
    const audit = (await auditor.request({ method: 'GET', url: '/api/audit?action=evaluation.vote' })).json().items;
    expect(audit.length).toBe(2);
    const text = JSON.stringify(audit);
    expect(text).not.toMatch(/excellent|qualified|优秀|合格|marks|grades/);
    expect(audit[0].summary).toMatch(/投票$/);
  });

  it('after closing, tallies from 5 ballots: counts and shares per member and point, no ballot anywhere', async () => {
    for (const who of [leader, secretary, clerk]) expect((await cast(who, id, 'qualified')).statusCode).toBe(201);
    // While voting, a ballot shares its transaction id with its voter's mark: exactly what closing reseals.
    const link = `select count(*)::int as n from evaluation_voters v join evaluation_ballots b
      on b.round_id = v.round_id and b.xmin::text = v.xmin::text where v.round_id = '${id}'`;
    expect((await rows<{ n: number }>(link))[0]!.n).toBe(5);
    expect((await post(secretary, `/api/evaluations/rounds/${id}/close`)).json().step).toBe('closed');
    expect((await rows<{ n: number }>(link))[0]!.n).toBe(0);
    const [after] = await rows<{ ballots: number; marks: number }>(
      `select (select count(*)::int from evaluation_ballots where round_id = '${id}') as ballots,
              (select count(*)::int from evaluation_ballot_marks m join evaluation_ballots b on b.id = m.ballot_id
                where b.round_id = '${id}') as marks`,
    );
    expect(after!.ballots).toBe(5);
    expect(after!.marks % 5).toBe(0);
    expect((await cast(leader, id)).json().error.code).toBe('VOTING_NOT_OPEN');
    const tally = await secretary.request({ method: 'GET', url: `/api/evaluations/rounds/${id}/tally` });
    expect(tally.statusCode, tally.body).toBe(200);
    const t = tally.json();
    expect(t.ballots).toBe(5);
    expect(t.subjects[0].points.map((p: { point: string }) => p.point)).toEqual(['duties', 'integrity', 'overall']);
    for (const s of t.subjects)
      for (const p of s.points) {
        expect(p.counts).toEqual({ excellent: 1, qualified: 4, basically_qualified: 0, unqualified: 0 });
        expect(p.shares).toEqual({ excellent: 0.2, qualified: 0.8, basically_qualified: 0, unqualified: 0 });
      }
    expect(tally.body).not.toMatch(/ballotId|voter|personId/);
    const detail = await secretary.request({ method: 'GET', url: `/api/evaluations/rounds/${id}` });
    expect(detail.body).not.toMatch(/ballotId|"marks"|"grades"/);
    expect((await leader.request({ method: 'GET', url: `/api/evaluations/rounds/${id}/tally` })).statusCode).toBe(200);
  });
});

describe('a branch round (党员互评) through to the 党员大会’s decision', () => {
  let id: string;
  let subjects: { id: string; personId: string; name: string }[];
  it('goes study → self-evaluation → voting; a member writes their own self-evaluation', async () => {
    const round = await createRound({
      pool: 'branch_members',
      points: ['duties', 'trial_performance', 'work_style', 'integrity'],
    });
    id = round.id;
    subjects = round.subjects;
    const skipped = await post(secretary, `/api/evaluations/rounds/${id}/open`);
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error.code).toBe('EVALUATION_STEP_INVALID');
    expect((await post(secretary, `/api/evaluations/rounds/${id}/start-self-evaluation`)).json().step).toBe(
      'self_evaluation',
    );
    const self = { grade: 'qualified', text: '一年来认真履行岗位职责……' };
    expect(
      (await staff.request({ method: 'PUT', url: `/api/evaluations/rounds/${id}/self-evaluation`, payload: self }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await member.request({
          method: 'PUT',
          url: `/api/evaluations/rounds/${id}/self-evaluation`,
          payload: { grade: 'good', text: 'x' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await member.request({ method: 'PUT', url: `/api/evaluations/rounds/${id}/self-evaluation`, payload: self }))
        .statusCode,
    ).toBe(200);
    expect(
      (await member.request({ method: 'GET', url: '/api/evaluations/mine' })).json().selfEvaluations[0],
    ).toMatchObject({ grade: 'qualified' });
    expect((await post(secretary, `/api/evaluations/rounds/${id}/open`)).json().step).toBe('voting');
    // Non-party staff are not in a branch round's pool.
    const refused = await staff.request({ method: 'GET', url: `/api/evaluations/rounds/${id}/ballot-form` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('NOT_A_VOTER');
  });

  it('with fewer than 5 ballots the closed round shows no tally', async () => {
    expect((await cast(member, id)).statusCode).toBe(201);
    expect((await cast(secretary, id)).statusCode).toBe(201);
    expect((await post(secretary, `/api/evaluations/rounds/${id}/close`)).statusCode).toBe(200);
    const tally = await secretary.request({ method: 'GET', url: `/api/evaluations/rounds/${id}/tally` });
    expect(tally.statusCode).toBe(409);
    expect(tally.json().error).toMatchObject({ code: 'TALLY_NOT_AVAILABLE' });
    expect(tally.json().error.message).toContain('少于 5 张');
  });

  it('the committee’s proposal keeps 优秀 within ⅓; the 党员大会’s adopted vote decides; 不合格 gets a follow-up', async () => {
    const max = Math.floor(subjects.length / 3);
    const grades = (excellent: number) =>
      subjects.map((s, i) => ({
        subjectId: s.id,
        grade: i < excellent ? 'excellent' : i === subjects.length - 1 ? 'unqualified' : 'qualified',
      }));
    const over = await post(secretary, `/api/evaluations/rounds/${id}/proposals`, { grades: grades(max + 1) });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.code).toBe('EXCELLENT_CAP_EXCEEDED');
    const partial = await post(secretary, `/api/evaluations/rounds/${id}/proposals`, { grades: grades(1).slice(1) });
    expect(partial.statusCode).toBe(400);
    const early = await post(secretary, `/api/evaluations/rounds/${id}/decision`, { meetingId: id, voteId: id });
    expect(early.statusCode).toBe(400);
    expect((await post(member, `/api/evaluations/rounds/${id}/proposals`, { grades: grades(max) })).statusCode).toBe(
      403,
    );
    const proposed = await post(secretary, `/api/evaluations/rounds/${id}/proposals`, { grades: grades(max) });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json().step).toBe('proposed');

    // A 支部党员大会 that started a minute ago, a quorum present, the resolution adopted.
    const meeting = await post(secretary, '/api/meetings', {
      type: 'branch_general',
      orgUnitId: branchId,
      topic: '2025年度民主评议党员',
      place: '党员活动室',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const m = meeting.json();
    const counted = m.attendees.filter((a: { counted: boolean }) => a.counted);
    await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${m.id}/attendance`,
      payload: counted.map((a: { personId: string }) => ({ personId: a.personId, state: 'present' })),
    });
    const recorded = await post(secretary, `/api/meetings/${m.id}/votes`, {
      kind: 'general_resolution',
      subject: '通过2025年度民主评议党员等次',
      yes: counted.length,
      no: 0,
      abstain: 0,
    });
    expect(recorded.statusCode).toBe(201);
    const voteId = recorded.json().votes.at(-1).id;
    expect(
      (await post(secretary, `/api/evaluations/rounds/${id}/decision`, { meetingId: m.id, voteId: id })).statusCode,
    ).toBe(400);
    const decided = await post(secretary, `/api/evaluations/rounds/${id}/decision`, { meetingId: m.id, voteId });
    expect(decided.statusCode, decided.body).toBe(200);
    const d = decided.json();
    expect(d).toMatchObject({ step: 'decided', meetingId: m.id, voteId });
    expect(d.meetingTitle).toContain('支部党员大会');
    const failing = d.subjects.find((s: { finalGrade: string }) => s.finalGrade === 'unqualified');
    expect(failing.followUp).toMatchObject({ measure: 'rectify_within_limit' });
    const follow = await secretary.request({
      method: 'PUT',
      url: `/api/evaluations/rounds/${id}/subjects/${failing.id}/follow-up`,
      payload: { measure: 'rectify_within_limit', dueOn: '2026-06-30', notes: '限期半年改正' },
    });
    expect(follow.statusCode).toBe(200);
    const passing = d.subjects.find((s: { finalGrade: string }) => s.finalGrade === 'qualified');
    expect(
      (
        await secretary.request({
          method: 'PUT',
          url: `/api/evaluations/rounds/${id}/subjects/${passing.id}/follow-up`,
          payload: { measure: 'remove' },
        })
      ).statusCode,
    ).toBe(409);
    expect((await post(secretary, `/api/evaluations/rounds/${id}/publish`)).json().step).toBe('published');
    const memberId = (await member.request({ method: 'GET', url: '/api/members/me' })).json().id;
    const own = d.subjects.find((s: { personId: string }) => s.personId === memberId);
    const mine = (await member.request({ method: 'GET', url: '/api/evaluations/mine' })).json();
    expect(mine.results).toEqual([
      expect.objectContaining({ roundId: id, finalGrade: own.finalGrade, coveredYear: 2025 }),
    ]);
  });
});

describe('another court', () => {
  it('cannot reach this court’s rounds, nor name its branch', async () => {
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}secretary`);
    const [round] = (await secretary.request({ method: 'GET', url: '/api/evaluations/rounds' })).json().items;
    for (const suffix of ['', '/progress', '/tally', '/ballot-form'])
      expect(
        (await other.request({ method: 'GET', url: `/api/evaluations/rounds/${round.id}${suffix}` })).statusCode,
        suffix,
      ).toBe(404);
    for (const suffix of ['/open', '/close', '/publish', '/start-self-evaluation'])
      expect((await post(other, `/api/evaluations/rounds/${round.id}${suffix}`)).statusCode, suffix).toBe(404);
    expect((await post(other, `/api/evaluations/rounds/${round.id}/ballots`, { marks: [] })).statusCode).toBe(400);
    expect(
      (await post(other, `/api/evaluations/rounds/${round.id}/ballots`, await ballotOf(member, round.id))).statusCode,
    ).toBe(404);
    expect((await other.request({ method: 'GET', url: '/api/evaluations/rounds' })).json().items).toEqual([]);
    expect((await post(other, '/api/evaluations/rounds', { ...ROUND, orgUnitId: branchId })).statusCode).toBe(404);
  });
});

describe('the request log', () => {
  it('never holds a ballot’s content, even at debug level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-eval-log-'));
    const config = loadConfig({
      QIZHI_DATA_DIR: dataDir,
      LOG_LEVEL: 'trace',
      QIZHI_LOGIN_RATE_LIMIT: '1000',
      QIZHI_TWO_FACTOR_KEY: TEST_TWO_FACTOR_KEY,
    });
    const logged = await buildApp(
      { config, database: ctx.database, now: () => ctx.clock.now() },
      { logStream: stream },
    );
    try {
      const round = await createRound({ coveredYear: 2024 });
      await post(secretary, `/api/evaluations/rounds/${round.id}/open`);
      const passwordStep = await logged.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'leader', password: 'Qizhi@2026demo' },
      });
      // The leader is an officer: the second factor (双因素登录) with a fresh code of the demo secret.
      ctx.clock.advance(30_000);
      const login = await logged.inject({
        method: 'POST',
        url: '/api/auth/two-factor/verify',
        headers: { cookie: cookieFrom(passwordStep) },
        payload: { code: totpCode(DEMO_TWO_FACTOR_SECRET, ctx.clock.now()) },
      });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const ballot = await ballotOf(leader, round.id, 'basically_qualified');
      const res = await logged.inject({
        method: 'POST',
        url: `/api/evaluations/rounds/${round.id}/ballots`,
        payload: ballot,
        headers: { cookie, 'x-csrf-token': login.json().csrfToken },
      });
      expect(res.statusCode).toBe(201);
      const log = lines.join('');
      expect(log).toContain(`/api/evaluations/rounds/${round.id}/ballots`);
      expect(log).not.toMatch(/basically_qualified|marks|grades/);
      expect(log).not.toContain(ballot.marks[0].subjectId);
    } finally {
      await logged.close().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('述职述廉 reports', () => {
  it('a named reporter submits a sanitised report; the list shows it beside commitment and goals; a meeting is linked', async () => {
    const url = '/api/evaluations/duty-reports';
    expect((await ctx.app.inject({ method: 'GET', url: `${url}?year=2025` })).statusCode).toBe(401);
    expect((await member.request({ method: 'GET', url: `${url}?year=2025` })).statusCode).toBe(403);
    expect((await leader.request({ method: 'GET', url: `${url}?year=1` })).statusCode).toBe(400);
    const body = { year: 2025, content: '<p>一年来履职尽责</p><script>alert(1)</script>' };
    expect(
      (await secretary.request({ method: 'PUT', url: `${url}/mine`, payload: { ...body, year: 'x' } })).statusCode,
    ).toBe(400);
    expect(
      (await secretary.request({ method: 'PUT', url: `${url}/mine`, payload: { ...body, content: '<p> </p>' } }))
        .statusCode,
    ).toBe(400);
    const saved = await secretary.request({ method: 'PUT', url: `${url}/mine`, payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().content).toBe('<p>一年来履职尽责</p>');
    const list = (await leader.request({ method: 'GET', url: `${url}?year=2025` })).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(saved.json().id);
    const named = list.expected.find((e: { personId: string }) => e.personId === saved.json().personId);
    expect(named).toMatchObject({ submitted: true });
    expect(list.expected.length).toBeGreaterThanOrEqual(5);
    const mine = (await secretary.request({ method: 'GET', url: `${url}/mine?year=2025` })).json();
    expect(mine.report).toMatchObject({ id: saved.json().id, goals: expect.any(Array) });

    const meeting = (
      await post(secretary, '/api/meetings', {
        type: 'branch_general',
        orgUnitId: branchId,
        topic: '2025年度述职述廉',
        place: '党员活动室',
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
    ).json();
    const link = (who: Session, meetingId: string | null, id = saved.json().id) =>
      who.request({ method: 'PUT', url: `${url}/${id}/meeting`, payload: { meetingId } });
    expect((await link(member, meeting.id)).statusCode).toBe(403);
    expect((await link(secretary, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(400);
    const linked = await link(secretary, meeting.id);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().meetingId).toBe(meeting.id);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}secretary`);
    expect((await link(other, null)).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `${url}?year=2025` })).json().items).toEqual([]);
  });
});

describe('the court’s 定期考核 for oneself, apart from 民主评议', () => {
  it('answers the signed-in person their own quarterly assessments only', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me/assessments' })).statusCode).toBe(401);
    const own = await member.request({ method: 'GET', url: '/api/me/assessments' });
    expect(own.statusCode).toBe(200);
    expect(
      own.json().items.every((a: { grade: string }) => ['excellent', 'good', 'fair', 'poor'].includes(a.grade)),
    ).toBe(true);
    expect((await auditor.request({ method: 'GET', url: '/api/me/assessments' })).json()).toEqual({ items: [] });
  });
});
