/** Who came: the host's attendance entry, sign-in by code from a phone, a member's request for leave. */
import { ATTENDANCE_STATE_LABELS, type AttendanceRequest, type FieldIssue, type SignInCode } from '@qizhi/domain';
import { writeAudit } from '../../../platform/audit.ts';
import { AppError, validationFailed } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { assertEditable, loadManagedMeeting, loadMeeting } from '../meeting-access.ts';
import { getMeeting } from '../meeting-detail.ts';
import * as meetingsRepo from '../meetings.repo.ts';
import * as repo from './record.repo.ts';
import { assertRecordOpen } from './record-time.ts';
import { currentSignInCode, verifySignInCode } from '../../../platform/sign-in-code.ts';
import { syncMeetingAttendanceGoals } from '../../goals/index.ts';

/** Each person once; leave needs its reason. */
function attendanceIssues(input: AttendanceRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.forEach((e, i) => {
    if (seen.has(e.personId)) issues.push({ path: `${String(i)}.personId`, message: '同一人登记了两次' });
    seen.add(e.personId);
    if (e.state === 'leave' && !e.reason) issues.push({ path: `${String(i)}.reason`, message: '请假须填写原因' });
  });
  return issues;
}

/**
 * The host records attendance by hand: present, on leave (the host's entry approves the leave and
 * its reason) or absent. A person not yet on the list (a guest, a talk's partner) is added; whether
 * they count is decided by entitlementOf, never here. Before the start only leave may be entered.
 */
export async function recordAttendance(ctx: RequestContext, id: string, input: AttendanceRequest) {
  const { row } = await loadManagedMeeting(ctx, id);
  assertEditable(row);
  if (input.some((e) => e.state !== 'leave')) assertRecordOpen(row.meeting.startsAt);
  const tenantId = ctx.tenantId;
  const issues = attendanceIssues(input);
  const ids = [...new Set(input.map((e) => e.personId))];
  const found = new Map((await meetingsRepo.findPeopleByIds(ctx.db, tenantId, ids)).map((p) => [p.id, p]));
  input.forEach((e, i) => {
    if (!found.has(e.personId)) issues.push({ path: `${String(i)}.personId`, message: '人员不存在' });
  });
  if (issues.length > 0) throw validationFailed(issues);
  const before = new Map(
    (await meetingsRepo.findAttendees(ctx.db, tenantId, [id])).map((a) => [a.attendee.personId, a]),
  );
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    for (const e of input) {
      const prev = before.get(e.personId)?.attendee;
      const values = {
        state: e.state,
        reason: e.state === 'present' ? null : (e.reason ?? null),
        leaveApproved: e.state === 'leave',
        // A sign-in by code stays as it was; the host only fills in those who did not sign in.
        signedInAt: e.state === 'present' ? (prev?.signedInAt ?? now) : null,
        signInMethod: e.state === 'present' ? (prev?.signInMethod ?? ('manual' as const)) : null,
      };
      if (prev) await repo.updateAttendee(tx, tenantId, id, e.personId, values);
      else await repo.insertAttendee(tx, { tenantId, meetingId: id, personId: e.personId, ...values });
    }
    const changed = input.filter((e) => before.get(e.personId)?.attendee.state !== e.state);
    // Goals counted from meeting attendance (全年参加组织生活不少于N次) follow, in this transaction.
    if (changed.length > 0)
      await syncMeetingAttendanceGoals(
        tx,
        tenantId,
        row.meeting.startsAt,
        changed.map((e) => e.personId),
      );
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.attendance',
      entity: 'meeting',
      entityId: id,
      summary: `登记出席情况：「${row.meeting.topic}」（${String(input.length)}人，变更${String(changed.length)}人）`,
      before: Object.fromEntries(changed.map((e) => [e.personId, before.get(e.personId)?.attendee.state ?? null])),
      after: Object.fromEntries(
        changed.map((e) => [e.personId, `${ATTENDANCE_STATE_LABELS[e.state]}${e.reason ? `：${e.reason}` : ''}`]),
      ),
    });
  });
  const detail = await getMeeting(ctx, id);
  return { attendees: detail.attendees, summary: detail.summary };
}

export async function getSignInCode(ctx: RequestContext, id: string, origin: string): Promise<SignInCode> {
  const { row } = await loadManagedMeeting(ctx, id);
  assertEditable(row);
  const m = row.meeting;
  const c = currentSignInCode(m.signInSecret, m.id, m.startsAt, new Date());
  return {
    code: c.code,
    url: `${origin}/meetings/${m.id}/sign-in?code=${c.code}`,
    windowEndsAt: c.windowEndsAt.toISOString(),
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    state: c.state,
  };
}

/** The signed-in attendee of a meeting whose record is still open. */
async function loadOwnAttendance(ctx: RequestContext, id: string) {
  const access = await loadMeeting(ctx, id);
  if (!access.attendee) throw new AppError('NOT_AN_ATTENDEE');
  assertEditable(access.row);
  return { meeting: access.row.meeting, attendee: access.attendee };
}

/** A member signs in from a phone with the code the host shows; only on the list, only in the window. */
export async function signIn(ctx: RequestContext, id: string, code: string, now = new Date()) {
  const { meeting: m, attendee } = await loadOwnAttendance(ctx, id);
  const state = currentSignInCode(m.signInSecret, m.id, m.startsAt, now).state;
  if (state !== 'open') {
    throw new AppError(
      'SIGN_IN_CLOSED',
      state === 'notYet' ? '签到尚未开始（会议开始前20分钟开放）' : '签到已结束（会议开始后30分钟截止）',
    );
  }
  if (!verifySignInCode(m.signInSecret, m.id, code, now)) throw new AppError('SIGN_IN_CODE_INVALID');
  if (attendee.state === 'present' && attendee.signedInAt) {
    return { signedInAt: attendee.signedInAt.toISOString(), meetingTopic: m.topic };
  }
  await ctx.db.transaction(async (tx) => {
    const values = { state: 'present' as const, signedInAt: now, signInMethod: 'code' as const, leaveApproved: false };
    await repo.updateAttendee(tx, m.tenantId, id, attendee.personId, values);
    await syncMeetingAttendanceGoals(tx, m.tenantId, m.startsAt, [attendee.personId]);
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.sign_in',
      entity: 'meeting',
      entityId: id,
      summary: `扫码签到：「${m.topic}」`,
    });
  });
  return { signedInAt: now.toISOString(), meetingTopic: m.topic };
}

/** A member asks for leave; the host's attendance entry approves it. */
export async function requestLeave(ctx: RequestContext, id: string, reason: string) {
  const { meeting: m, attendee } = await loadOwnAttendance(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const values = { state: 'leave' as const, reason, leaveApproved: false, signedInAt: null, signInMethod: null };
    await repo.updateAttendee(tx, ctx.tenantId, id, attendee.personId, values);
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.leave_request',
      entity: 'meeting',
      entityId: id,
      summary: `请假：「${m.topic}」（${reason}）`,
    });
  });
  return getMeeting(ctx, id);
}
