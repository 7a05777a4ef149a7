import { and, eq, inArray } from 'drizzle-orm';
import {
  ATTENDANCE_STATE_LABELS,
  computeVoteResult,
  findVoteProblem,
  sanitizeMinutesHtml,
  type AttendanceRequest,
  type FieldIssue,
  type MinutesRequest,
  type SignInCode,
  type TaskRequest,
  type VoteRequest,
} from '@qizhi/domain';
import {
  files,
  meetingAttendees,
  meetingFiles,
  meetings,
  meetingTasks,
  meetingVotes,
} from '../../../db/schema/index.ts';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { AuthContext } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../../platform/errors.ts';
import { assertEditable, loadManagedMeeting, loadMeeting } from '../meeting-access.ts';
import { buildMeetingDetail, quorumOf } from '../meeting-detail.ts';
import * as repo from '../meetings.repo.ts';
import { currentSignInCode, verifySignInCode } from './sign-in-code.ts';
import { getMeeting } from '../plan/meetings.service.ts';

function attendeeWhere(tenantId: string, meetingId: string, personId: string) {
  return and(
    eq(meetingAttendees.tenantId, tenantId),
    eq(meetingAttendees.meetingId, meetingId),
    eq(meetingAttendees.personId, personId),
  );
}

/**
 * The host records attendance by hand: present, on leave (the host's entry approves the leave and
 * its reason) or absent. A person not yet on the list (a guest member, a talk's partner) is added.
 */
export async function recordAttendance(db: Db, auth: AuthContext, actor: Actor, id: string, input: AttendanceRequest) {
  const { row } = await loadManagedMeeting(db, auth, id);
  assertEditable(row);
  const tenantId = auth.user.tenantId;
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.forEach((e, i) => {
    if (seen.has(e.personId)) issues.push({ path: `${String(i)}.personId`, message: '同一人登记了两次' });
    seen.add(e.personId);
    if (e.state === 'leave' && !e.reason) issues.push({ path: `${String(i)}.reason`, message: '请假须填写原因' });
  });
  const found = new Map((await repo.findPeopleByIds(db, tenantId, [...seen])).map((p) => [p.id, p]));
  input.forEach((e, i) => {
    if (!found.has(e.personId)) issues.push({ path: `${String(i)}.personId`, message: '人员不存在' });
  });
  if (issues.length > 0) throw validationFailed(issues);
  const before = new Map((await repo.findAttendees(db, tenantId, [id])).map((a) => [a.attendee.personId, a]));
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const e of input) {
      const prev = before.get(e.personId)?.attendee;
      const values = {
        state: e.state,
        reason: e.state === 'present' ? (prev?.exempt ? prev.reason : null) : (e.reason ?? null),
        leaveApproved: e.state === 'leave',
        // A sign-in by code stays as it was; the host only fills in those who did not sign in.
        signedInAt: e.state === 'present' ? (prev?.signedInAt ?? now) : null,
        signInMethod: e.state === 'present' ? (prev?.signInMethod ?? ('manual' as const)) : null,
      };
      if (prev)
        await tx
          .update(meetingAttendees)
          .set(values)
          .where(attendeeWhere(tenantId, id, e.personId));
      else {
        const p = found.get(e.personId)!;
        await tx.insert(meetingAttendees).values({
          tenantId,
          meetingId: id,
          personId: e.personId,
          voting: p.status === 'full' && !p.retired,
          ...values,
        });
      }
    }
    const changed = input.filter((e) => before.get(e.personId)?.attendee.state !== e.state);
    await writeAudit(tx, actor, {
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
  const detail = await getMeeting(db, auth, id);
  return { attendees: detail.attendees, summary: detail.summary };
}

export async function getSignInCode(db: Db, auth: AuthContext, id: string, origin: string): Promise<SignInCode> {
  const { row } = await loadManagedMeeting(db, auth, id);
  assertEditable(row);
  const m = row.meeting;
  const now = new Date();
  const c = currentSignInCode(m.signInSecret, m.id, m.startsAt, now);
  return {
    code: c.code,
    url: `${origin}/meetings/${m.id}/sign-in?code=${c.code}`,
    windowEndsAt: c.windowEndsAt.toISOString(),
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    state: c.state,
  };
}

/** A member signs in from a phone with the code the host shows; only on the list, only in the window. */
export async function signIn(db: Db, auth: AuthContext, actor: Actor, id: string, code: string, now = new Date()) {
  const access = await loadMeeting(db, auth, id);
  const m = access.row.meeting;
  if (!access.attendee) throw new AppError('NOT_AN_ATTENDEE');
  assertEditable(access.row);
  const state = currentSignInCode(m.signInSecret, m.id, m.startsAt, now).state;
  if (state !== 'open') {
    throw new AppError(
      'SIGN_IN_CLOSED',
      state === 'notYet' ? '签到尚未开始（会议开始前20分钟开放）' : '签到已结束（会议开始后30分钟截止）',
    );
  }
  if (!verifySignInCode(m.signInSecret, m.id, code, now)) throw new AppError('SIGN_IN_CODE_INVALID');
  if (access.attendee.state === 'present' && access.attendee.signedInAt) {
    return { signedInAt: access.attendee.signedInAt.toISOString(), meetingTopic: m.topic };
  }
  await db.transaction(async (tx) => {
    await tx
      .update(meetingAttendees)
      .set({ state: 'present', signedInAt: now, signInMethod: 'code', leaveApproved: false })
      .where(attendeeWhere(m.tenantId, id, access.attendee!.personId));
    await writeAudit(tx, actor, {
      action: 'meeting.sign_in',
      entity: 'meeting',
      entityId: id,
      summary: `扫码签到：「${m.topic}」`,
    });
  });
  return { signedInAt: now.toISOString(), meetingTopic: m.topic };
}

/** A member asks for leave; the host's attendance entry approves it. */
export async function requestLeave(db: Db, auth: AuthContext, actor: Actor, id: string, reason: string) {
  const access = await loadMeeting(db, auth, id);
  if (!access.attendee) throw new AppError('NOT_AN_ATTENDEE');
  assertEditable(access.row);
  await db.transaction(async (tx) => {
    await tx
      .update(meetingAttendees)
      .set({ state: 'leave', reason, leaveApproved: false, signedInAt: null, signInMethod: null })
      .where(attendeeWhere(auth.user.tenantId, id, access.attendee!.personId));
    await writeAudit(tx, actor, {
      action: 'meeting.leave_request',
      entity: 'meeting',
      entityId: id,
      summary: `请假：「${access.row.meeting.topic}」（${reason}）`,
    });
  });
  return getMeeting(db, auth, id);
}

export async function recordMinutes(db: Db, auth: AuthContext, actor: Actor, id: string, input: MinutesRequest) {
  const { row } = await loadManagedMeeting(db, auth, id);
  assertEditable(row);
  const m = row.meeting;
  const minutes = sanitizeMinutesHtml(input.minutes);
  if (minutes.replace(/<[^>]+>/g, '').trim() === '')
    throw validationFailed([{ path: 'minutes', message: '请填写会议记录' }]);
  await db.transaction(async (tx) => {
    await tx
      .update(meetings)
      .set({
        minutes,
        resolutions: input.resolutions,
        minutesRecordedAt: m.minutesRecordedAt ?? new Date(),
        status: m.status === 'planned' || m.status === 'notified' ? 'held' : m.status,
        updatedAt: new Date(),
      })
      .where(and(eq(meetings.tenantId, m.tenantId), eq(meetings.id, id)));
    await writeAudit(tx, actor, {
      action: 'meeting.minutes',
      entity: 'meeting',
      entityId: id,
      summary: `${m.minutes ? '修改' : '填写'}会议记录：「${m.topic}」`,
      before: m.minutes ? { minutes: m.minutes, resolutions: m.resolutions } : undefined,
      after: { minutes, resolutions: input.resolutions },
    });
  });
  return getMeeting(db, auth, id);
}

/** Counts against the quorum; the result is computed here, never taken from the request. */
export async function recordVote(db: Db, auth: AuthContext, actor: Actor, id: string, input: VoteRequest) {
  const access = await loadManagedMeeting(db, auth, id);
  assertEditable(access.row);
  const detail = await buildMeetingDetail(db, access);
  const quorum = quorumOf(detail.type, detail.attendees);
  if (quorum.applies && !quorum.reached) {
    throw new AppError(
      'QUORUM_NOT_REACHED',
      `应到会有表决权${String(quorum.entitled)}人，实到${String(quorum.present)}人，须至少${String(quorum.needed)}人到会才能表决`,
    );
  }
  const vote = { ...input, entitled: quorum.entitled, present: quorum.present };
  const problem = findVoteProblem(vote);
  if (problem === 'countsExceedPresent')
    throw validationFailed([
      { path: 'yes', message: `赞成、反对、弃权合计不能超过到会有表决权的${String(quorum.present)}人` },
    ]);
  if (problem) throw validationFailed([{ path: 'yes', message: '票数不正确' }]);
  const result = computeVoteResult(vote);
  await db.transaction(async (tx) => {
    await tx.insert(meetingVotes).values({
      tenantId: auth.user.tenantId,
      meetingId: id,
      kind: input.kind,
      subject: input.subject,
      entitled: vote.entitled,
      present: vote.present,
      yes: input.yes,
      no: input.no,
      abstain: input.abstain,
      quorumReached: result.quorum.reached,
      yesNeeded: result.yesNeeded,
      adopted: result.adopted,
    });
    await writeAudit(tx, actor, {
      action: 'meeting.vote',
      entity: 'meeting',
      entityId: id,
      summary: `表决「${input.subject}」：赞成${String(input.yes)}、反对${String(input.no)}、弃权${String(input.abstain)}，${result.adopted ? '通过' : '未通过'}`,
      after: { ...vote, ...result },
    });
  });
  return getMeeting(db, auth, id);
}

export async function addTask(db: Db, auth: AuthContext, actor: Actor, id: string, input: TaskRequest) {
  const { row } = await loadManagedMeeting(db, auth, id);
  assertEditable(row);
  const [owner] = await repo.findPeopleByIds(db, auth.user.tenantId, [input.ownerPersonId]);
  if (!owner) throw validationFailed([{ path: 'ownerPersonId', message: '所选责任人不存在' }]);
  await db.transaction(async (tx) => {
    const [task] = await tx
      .insert(meetingTasks)
      .values({ tenantId: auth.user.tenantId, meetingId: id, ...input })
      .returning({ id: meetingTasks.id });
    await writeAudit(tx, actor, {
      action: 'meeting.task_create',
      entity: 'meeting_task',
      entityId: task!.id,
      summary: `布置后续任务：${input.title}（${owner.name}，${input.dueOn}前）`,
      after: input,
    });
  });
  return getMeeting(db, auth, id);
}

/** Follow-up work goes on after the record is locked, so a task can be finished after closing. */
export async function completeTask(db: Db, auth: AuthContext, actor: Actor, id: string, taskId: string) {
  const access = await loadMeeting(db, auth, id);
  const task = await repo.findTask(db, auth.user.tenantId, id, taskId);
  if (!task) throw notFound('任务');
  if (!access.canManage && task.ownerPersonId !== auth.user.personId)
    throw new AppError('FORBIDDEN', '只有责任人或会议管理人员可以办结任务');
  if (!task.doneAt) {
    await db.transaction(async (tx) => {
      await tx
        .update(meetingTasks)
        .set({ doneAt: new Date() })
        .where(and(eq(meetingTasks.tenantId, task.tenantId), eq(meetingTasks.id, taskId)));
      await writeAudit(tx, actor, {
        action: 'meeting.task_done',
        entity: 'meeting_task',
        entityId: taskId,
        summary: `办结任务：${task.title}`,
      });
    });
  }
  return getMeeting(db, auth, id);
}

export async function attachFile(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: { fileId: string; kind: 'photo' | 'file' },
) {
  const { row } = await loadManagedMeeting(db, auth, id);
  assertEditable(row);
  const tenantId = auth.user.tenantId;
  const [file] = await db
    .select()
    .from(files)
    .where(and(eq(files.tenantId, tenantId), eq(files.id, input.fileId)));
  if (!file) throw validationFailed([{ path: 'fileId', message: '文件不存在，请先上传' }]);
  if (input.kind === 'photo' && !file.mime.startsWith('image/'))
    throw validationFailed([{ path: 'kind', message: '照片须为图片文件' }]);
  await db.transaction(async (tx) => {
    await tx
      .insert(meetingFiles)
      .values({ tenantId, meetingId: id, fileId: file.id, kind: input.kind })
      .onConflictDoNothing();
    await writeAudit(tx, actor, {
      action: 'meeting.file_attach',
      entity: 'meeting',
      entityId: id,
      summary: `上传会议${input.kind === 'photo' ? '照片' : '附件'}：${file.name}`,
    });
  });
  return getMeeting(db, auth, id);
}

export async function detachFile(db: Db, auth: AuthContext, actor: Actor, id: string, fileId: string) {
  const { row } = await loadManagedMeeting(db, auth, id);
  assertEditable(row);
  const tenantId = auth.user.tenantId;
  const removed = await db.transaction(async (tx) => {
    const gone = await tx
      .delete(meetingFiles)
      .where(
        and(
          eq(meetingFiles.tenantId, tenantId),
          eq(meetingFiles.meetingId, id),
          inArray(meetingFiles.fileId, [fileId]),
        ),
      )
      .returning();
    if (gone.length > 0)
      await writeAudit(tx, actor, {
        action: 'meeting.file_detach',
        entity: 'meeting',
        entityId: id,
        summary: `移除会议附件：「${row.meeting.topic}」`,
      });
    return gone.length;
  });
  if (removed === 0) throw notFound('附件');
  return getMeeting(db, auth, id);
}
