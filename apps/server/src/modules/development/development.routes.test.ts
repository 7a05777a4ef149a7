import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonthsClamped, addYearsClamped, courtToday } from '@qizhi/domain';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let clerk: Session;
let member: Session;
let leader: Session;
let staff: Session;
let branchId: string;
let activistId: string;
let activistName: string;
const today = courtToday();
const MISSING = '00000000-0000-4000-8000-000000000000';

function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
  clerk = await ctx.login('clerk');
  member = await ctx.login('member');
  leader = await ctx.login('leader');
  staff = await ctx.login('staff');
  const units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
  branchId = units.find((u: { kind: string }) => u.kind === 'branch').id;
  const board = (
    await secretary.request({ method: 'GET', url: `/api/development/board?orgUnitId=${branchId}` })
  ).json();
  const activist = board.items.find((i: { status: string }) => i.status === 'activist');
  activistId = activist.personId;
  activistName = activist.name;
});
afterAll(async () => {
  await ctx.close();
});

const step = (body: Record<string, unknown>, who: Session = secretary, personId = activistId) =>
  who.request({ method: 'POST', url: `/api/development/people/${personId}/steps`, payload: body });

describe('GET /api/development/board and /people/:id', () => {
  it('shows the seeded pipeline: stage, the next step and when', async () => {
    const res = await leader.request({ method: 'GET', url: `/api/development/board?orgUnitId=${branchId}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    const activist = items.find((i: { personId: string }) => i.personId === activistId);
    expect(activist).toMatchObject({ stage: 'activist', lastStep: 5, next: { step: 6, earliest: '2026-06-16' } });
    const applicant = items.find((i: { status: string }) => i.status === 'applicant');
    expect(applicant).toMatchObject({ stage: 'activist', lastStep: 2, next: { step: 3 } });
    const probationary = items.filter((i: { status: string }) => i.status === 'probationary');
    expect(probationary).toHaveLength(2);
    expect(probationary.every((p: { probationEndsOn: string | null }) => p.probationEndsOn !== null)).toBe(true);
  });
  it('answers 401, 403, 400 and 404; another court is unreachable', async () => {
    const url = `/api/development/board?orgUnitId=${branchId}`;
    expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await member.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await clerk.request({ method: 'GET', url: '/api/development/board' })).statusCode).toBe(400);
    expect(
      (await clerk.request({ method: 'GET', url: `/api/development/board?orgUnitId=${MISSING}` })).statusCode,
    ).toBe(404);
    const other = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect((await other.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `/api/development/people/${activistId}` })).statusCode).toBe(404);
    expect((await step({ step: 6, on: today }, other)).statusCode).toBe(404);
  });
  it('a person reads their own path; others’ only with the permission', async () => {
    const url = `/api/development/people/${activistId}`;
    expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await member.request({ method: 'GET', url })).statusCode).toBe(404);
    const seen = await leader.request({ method: 'GET', url });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().steps.map((s: { step: number }) => s.step)).toEqual([1, 2, 3, 4, 5]);
    expect(seen.json().steps[0]).toMatchObject({ step: 1, date: '2025-03-03', on: '2025-03-03' });
    expect(seen.json().steps[0].who).toBeTruthy();
    const staffId = (await staff.request({ method: 'GET', url: '/api/members/me' })).json().id;
    const own = await staff.request({ method: 'GET', url: `/api/development/people/${staffId}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ steps: [], stage: null, next: { step: 1 } });
    expect((await clerk.request({ method: 'GET', url: '/api/development/people/x' })).statusCode).toBe(400);
    expect((await clerk.request({ method: 'GET', url: `/api/development/people/${MISSING}` })).statusCode).toBe(404);
  });
});

describe('POST /api/development/people/:id/steps', () => {
  it('answers 401, 403 and 400', async () => {
    const url = `/api/development/people/${activistId}/steps`;
    expect((await ctx.app.inject({ method: 'POST', url, payload: { step: 6, on: today } })).statusCode).toBe(401);
    expect((await step({ step: 6, on: today }, member)).statusCode).toBe(403);
    expect((await step({ step: 6, on: today }, leader)).statusCode).toBe(403);
    for (const payload of [
      { step: 26, on: today },
      { step: 0, on: today },
      { step: 6, on: '2026-02-30' },
      { step: 6 },
      { step: 6, on: today, colour: 'red' },
    ]) {
      const res = await step(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toMatch(/^[^A-Za-z]/);
    }
  });

  it('takes the activist to probationary member with the meeting’s vote; the conversion is due a year later', async () => {
    // Out of order: step 7 before step 6.
    const skipped = await step({ step: 7, on: today });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error).toMatchObject({ code: 'STEP_OUT_OF_ORDER', details: { missing: 6 } });
    // Too early: a year as activist from step 3 (2025-06-16).
    const early = await step({ step: 6, on: '2026-06-15' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'STEP_TOO_EARLY', details: { earliest: '2026-06-16' } });
    expect(early.json().error.message).toContain('2026年6月16日');
    expect((await step({ step: 6, on: '2026-06-16' })).statusCode).toBe(201);
    expect((await step({ step: 6, on: '2026-06-16' })).json().error.code).toBe('STEP_ALREADY_RECORDED');
    const d = (n: number) => shift(today, -30 + n);
    for (const n of [7, 8]) expect((await step({ step: n, on: d(n) })).statusCode, `step ${String(n)}`).toBe(201);
    // Sponsors: two full members.
    expect((await step({ step: 9, on: d(9), personIds: [MISSING] })).statusCode).toBe(400);
    const roster = (await clerk.request({ method: 'GET', url: '/api/members?status=full&pageSize=5' })).json().items;
    const sponsors = roster.slice(0, 2).map((p: { id: string }) => p.id);
    expect((await step({ step: 9, on: d(9), personIds: sponsors })).statusCode).toBe(201);
    expect((await step({ step: 10, on: d(10) })).statusCode).toBe(201);
    // Training: at least 3 days or 24 hours.
    expect((await step({ step: 11, on: d(11) })).statusCode).toBe(400);
    expect((await step({ step: 11, on: d(11), trainingDays: 2, trainingHours: 23 })).json().error.code).toBe(
      'TRAINING_INSUFFICIENT',
    );
    expect((await step({ step: 11, on: d(11), trainingHours: 24 })).statusCode).toBe(201);
    for (const n of [12, 13, 14]) expect((await step({ step: n, on: d(n) })).statusCode).toBe(201);

    // Step 15 needs the branch general meeting's adopted admission vote.
    expect((await step({ step: 15, on: today })).json().error.code).toBe('STEP_VOTE_MISSING');
    const meeting = await secretary.request({
      method: 'POST',
      url: '/api/meetings',
      payload: {
        type: 'branch_general',
        orgUnitId: branchId,
        topic: '讨论接收预备党员',
        place: '党员活动室',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(meeting.statusCode).toBe(201);
    const m = meeting.json();
    const counted = m.attendees.filter((a: { counted: boolean }) => a.counted);
    const attendance = counted.map((a: { personId: string }, i: number) => ({
      personId: a.personId,
      state: i < 30 ? 'present' : 'absent',
    }));
    expect(
      (await secretary.request({ method: 'PUT', url: `/api/meetings/${m.id}/attendance`, payload: attendance }))
        .statusCode,
    ).toBe(200);
    const vote = (yes: number) =>
      secretary.request({
        method: 'POST',
        url: `/api/meetings/${m.id}/votes`,
        payload: { kind: 'admission', subject: `接收${activistName}为预备党员`, yes, no: 30 - yes, abstain: 0 },
      });
    expect((await vote(20)).statusCode).toBe(201);
    const failed = await step({ step: 15, on: today });
    expect(failed.json().error.code).toBe('STEP_VOTE_NOT_ADOPTED');
    const passed = await vote(m.quorum.entitled / 2 + 1);
    expect(passed.statusCode).toBe(201);
    const voteId = passed.json().votes.at(-1).id;
    expect((await step({ step: 15, on: shift(today, -1), voteId })).statusCode).toBe(400);
    const admitted = await step({ step: 15, on: today });
    expect(admitted.statusCode).toBe(201);
    expect(admitted.json().steps.at(-1)).toMatchObject({ step: 15, vote: { id: voteId } });
    expect((await step({ step: 16, on: today })).statusCode).toBe(201);
    const approved = await step({ step: 17, on: today });
    expect(approved.json()).toMatchObject({ status: 'probationary', probationEndsOn: addYearsClamped(today, 1) });
    for (const n of [18, 19, 20, 21]) expect((await step({ step: n, on: today })).statusCode).toBe(201);
    const tooSoon = await step({ step: 22, on: addMonthsClamped(today, 11) });
    expect(tooSoon.json().error).toMatchObject({
      code: 'STEP_TOO_EARLY',
      details: { earliest: addYearsClamped(today, 1) },
    });

    const board = (await leader.request({ method: 'GET', url: `/api/development/board?orgUnitId=${branchId}` })).json();
    expect(board.items.find((i: { personId: string }) => i.personId === activistId)).toMatchObject({
      status: 'probationary',
      stage: 'conversion',
      probationEndsOn: addYearsClamped(today, 1),
      next: { step: 22, earliest: addYearsClamped(today, 1) },
    });
    const person = await clerk.request({ method: 'GET', url: `/api/members/${activistId}` });
    expect(person.json()).toMatchObject({ status: 'probationary', joinedOn: today });
  });

  it('withdraws only the last step; the extension waits for the end of probation', async () => {
    expect(
      (await clerk.request({ method: 'DELETE', url: `/api/development/people/${activistId}/steps/5` })).json().error
        .code,
    ).toBe('STEP_NOT_LAST');
    const undo = await clerk.request({ method: 'DELETE', url: `/api/development/people/${activistId}/steps/21` });
    expect(undo.statusCode).toBe(200);
    expect(undo.json().next.step).toBe(21);
    expect(
      (await member.request({ method: 'DELETE', url: `/api/development/people/${activistId}/steps/20` })).statusCode,
    ).toBe(403);
    const ext = await clerk.request({
      method: 'POST',
      url: `/api/development/people/${activistId}/extension`,
      payload: { months: 6, on: today, reason: '考察期表现不够' },
    });
    expect(ext.statusCode).toBe(409);
    expect(ext.json().error.code).toBe('EXTENSION_NOT_ALLOWED');
    expect(
      (
        await clerk.request({
          method: 'POST',
          url: `/api/development/people/${activistId}/extension`,
          payload: { months: 'six', on: today, reason: 'x' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('records the applicant’s assessments only once designated activist', async () => {
    const board = (await clerk.request({ method: 'GET', url: `/api/development/board?orgUnitId=${branchId}` })).json();
    const applicant = board.items.find((i: { status: string }) => i.status === 'applicant').personId;
    const url = `/api/development/people/${applicant}/assessments`;
    expect((await clerk.request({ method: 'POST', url, payload: { on: today, result: '表现良好' } })).statusCode).toBe(
      409,
    );
    expect((await clerk.request({ method: 'POST', url, payload: { on: today, result: '' } })).statusCode).toBe(400);
    expect((await member.request({ method: 'POST', url, payload: { on: today, result: '表现良好' } })).statusCode).toBe(
      403,
    );
    expect((await step({ step: 3, on: today }, clerk, applicant)).statusCode).toBe(201);
    const res = await clerk.request({ method: 'POST', url, payload: { on: today, result: '表现良好' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'activist',
      next: { step: 4, nextAssessment: addMonthsClamped(today, 6) },
    });
  });

  it('keeps a step’s documents, readable by those who may read the path', async () => {
    const board = (await clerk.request({ method: 'GET', url: `/api/development/board?orgUnitId=${branchId}` })).json();
    const applicant = board.items.find((i: { lastStep: number | null }) => i.lastStep === 3).personId;
    const PDF = Buffer.from('%PDF-1.4\n%filing form\n');
    const upload = await secretary.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('file', '备案表.pdf', PDF, 'application/pdf'),
    });
    expect(upload.statusCode).toBe(201);
    const fileId = upload.json().id;
    // Only the uploader attaches a file.
    expect((await step({ step: 4, on: today, fileIds: [fileId] }, clerk, applicant)).statusCode).toBe(400);
    const filed = await step({ step: 4, on: today, fileIds: [fileId] }, secretary, applicant);
    expect(filed.statusCode).toBe(201);
    expect(filed.json().steps.at(-1).files).toEqual([expect.objectContaining({ id: fileId, name: '备案表.pdf' })]);
    expect((await leader.request({ method: 'GET', url: `/api/files/${fileId}` })).statusCode).toBe(200);
    expect((await member.request({ method: 'GET', url: `/api/files/${fileId}` })).statusCode).not.toBe(200);
  });
});
