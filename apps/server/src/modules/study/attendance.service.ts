/** One session: its detail, changes, attendance by hand, and sign-in by the rotating code from a phone. */
import {
  ATTENDANCE_STATE_LABELS,
  type AttendanceRequest,
  type FieldIssue,
  type SignInCode,
  type StudyAttendee,
  type StudySessionDetail,
  type UpdateStudySessionRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit } from '../../platform/audit.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { currentSignInCode, verifySignInCode } from '../../platform/sign-in-code.ts';
import { syncGoalsAfterAttendance } from './ledger.service.ts';
import { checkMaterials, toItem } from './sessions.service.ts';
import { expectedOf, loadSession } from './study-access.ts';
import { mayAttach } from '../files/index.ts';
import * as repo from './study.repo.ts';

type Loaded = Awaited<ReturnType<typeof loadSession>>;

/** Everyone expected, plus anyone recorded who is not (a guest the organiser added). */
async function attendeesOf(ctx: RequestContext, loaded: Loaded): Promise<StudyAttendee[]> {
  const staff = await repo.findServingStaff(ctx.db, ctx.tenantId);
  const expected = expectedOf(loaded.units, staff, loaded.session.orgUnitId);
  const rows = new Map(
    (await repo.findAttendance(ctx.db, ctx.tenantId, loaded.session.id)).map((r) => [r.personId, r]),
  );
  const unitName = new Map(loaded.units.map((u) => [u.id, u.name]));
  const extra = [...rows.keys()].filter((id) => !expected.some((p) => p.id === id));
  const guests = await repo.findPeopleByIds(ctx.db, ctx.tenantId, extra);
  return [...expected, ...guests].map((p) => {
    const r = rows.get(p.id);
    return {
      personId: p.id,
      name: p.name,
      orgUnitName: p.orgUnitId ? (unitName.get(p.orgUnitId) ?? null) : null,
      state: r?.state ?? 'pending',
      reason: r?.reason ?? null,
      signedInAt: r?.signedInAt?.toISOString() ?? null,
      signInMethod: r?.signInMethod ?? null,
    };
  });
}

function summaryOf(attendees: readonly StudyAttendee[]) {
  const count = (s: StudyAttendee['state']) => attendees.filter((a) => a.state === s).length;
  return {
    expected: attendees.length,
    present: count('present'),
    leave: count('leave'),
    absent: count('absent'),
    pending: count('pending'),
  };
}

export async function getSession(ctx: RequestContext, id: string): Promise<StudySessionDetail> {
  const loaded = await loadSession(ctx, id);
  const attendees = await attendeesOf(ctx, loaded);
  const s = loaded.session;
  return {
    ...toItem(loaded),
    topic: s.topic,
    speaker: s.speaker,
    materialsHtml: s.materialsHtml,
    links: s.links,
    files: await repo.findSessionFiles(ctx.db, ctx.tenantId, id),
    canManage: loaded.canManage,
    myAttendance: attendees.find((a) => a.personId === ctx.personId) ?? null,
    // Who else came is for those who run the session; a member sees their own line.
    attendees: loaded.canManage ? attendees : [],
    summary: summaryOf(attendees),
  };
}

async function loadManaged(ctx: RequestContext, id: string) {
  const loaded = await loadSession(ctx, id);
  if (!loaded.canManage) throw new AppError('FORBIDDEN', '只有本次学习的组织者可以进行此操作');
  return loaded;
}

export async function updateSession(ctx: RequestContext, id: string, input: UpdateStudySessionRequest) {
  const loaded = await loadManaged(ctx, id);
  const s = loaded.session;
  const { cancelled, fileIds, materialsHtml: rawHtml, ...rest } = input;
  const materials =
    rawHtml !== undefined || fileIds !== undefined
      ? await checkMaterials(ctx.db, ctx.tenantId, { materialsHtml: rawHtml, fileIds })
      : null;
  // Only one's own uploads (or those the session already has): an id seen elsewhere is no way to a file.
  const kept = fileIds ? (await repo.findSessionFiles(ctx.db, ctx.tenantId, id)).map((f) => f.id) : [];
  if (fileIds && !(await mayAttach(ctx, fileIds, kept)))
    throw validationFailed([{ path: 'fileIds', message: '只能附加本人上传的文件，请重新上传' }]);
  const values = {
    ...rest,
    ...(rawHtml !== undefined ? { materialsHtml: materials!.materialsHtml } : {}),
    ...(cancelled !== undefined ? { cancelledAt: cancelled ? (s.cancelledAt ?? new Date()) : null } : {}),
  };
  await ctx.db.transaction(async (tx) => {
    await repo.updateSession(tx, ctx.tenantId, id, values);
    if (fileIds !== undefined) await repo.replaceSessionFiles(tx, ctx.tenantId, id, materials!.fileIds);
    if (values.hours !== undefined || cancelled !== undefined)
      await syncGoalsAfterAttendance(tx, ctx.tenantId, s.startsAt);
    const diff = diffFields(s, values);
    await writeAudit(tx, ctx.actor, {
      action: 'study.session_update',
      entity: 'study_session',
      entityId: id,
      summary: `${cancelled ? '取消学习' : '修改学习安排'}：「${s.title}」`,
      ...(diff ?? {}),
    });
  });
  return getSession(ctx, id);
}

function attendanceIssues(input: AttendanceRequest, known: Set<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.forEach((e, i) => {
    if (seen.has(e.personId)) issues.push({ path: `${String(i)}.personId`, message: '同一人登记了两次' });
    seen.add(e.personId);
    if (!known.has(e.personId)) issues.push({ path: `${String(i)}.personId`, message: '人员不存在' });
    if (e.state === 'leave' && !e.reason) issues.push({ path: `${String(i)}.reason`, message: '请假须填写原因' });
  });
  return issues;
}

/** The organiser records by hand: present, excused with a reason (请假), or absent. A code sign-in stays as it was. */
export async function recordAttendance(ctx: RequestContext, id: string, input: AttendanceRequest) {
  const loaded = await loadManaged(ctx, id);
  const s = loaded.session;
  if (s.cancelledAt) throw new AppError('STUDY_SESSION_CANCELLED');
  if (input.some((e) => e.state !== 'leave') && s.startsAt > new Date())
    throw new AppError('RECORD_NOT_OPEN', '学习开始后才能登记出席和缺席（请假可提前登记）');
  const ids = [...new Set(input.map((e) => e.personId))];
  const known = new Set((await repo.findPeopleByIds(ctx.db, ctx.tenantId, ids)).map((p) => p.id));
  const issues = attendanceIssues(input, known);
  if (issues.length > 0) throw validationFailed(issues);
  const before = new Map((await repo.findAttendance(ctx.db, ctx.tenantId, id)).map((r) => [r.personId, r]));
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    for (const e of input) {
      const prev = before.get(e.personId);
      const present = e.state === 'present';
      await repo.upsertAttendance(tx, {
        tenantId: ctx.tenantId,
        sessionId: id,
        personId: e.personId,
        state: e.state,
        reason: present ? null : (e.reason ?? null),
        signedInAt: present ? (prev?.signedInAt ?? now) : null,
        signInMethod: present ? (prev?.signInMethod ?? 'manual') : null,
        startsAt: s.startsAt,
        hours: s.hours,
      });
    }
    await syncGoalsAfterAttendance(tx, ctx.tenantId, s.startsAt, ids);
    const changed = input.filter((e) => before.get(e.personId)?.state !== e.state);
    await writeAudit(tx, ctx.actor, {
      action: 'study.attendance',
      entity: 'study_session',
      entityId: id,
      summary: `登记学习出席情况：「${s.title}」（${String(input.length)}人，变更${String(changed.length)}人）`,
      after: Object.fromEntries(
        changed.map((e) => [e.personId, `${ATTENDANCE_STATE_LABELS[e.state]}${e.reason ? `：${e.reason}` : ''}`]),
      ),
    });
  });
  const attendees = await attendeesOf(ctx, loaded);
  return { attendees, summary: summaryOf(attendees) };
}

export async function getSignInCode(ctx: RequestContext, id: string, origin: string): Promise<SignInCode> {
  const s = (await loadManaged(ctx, id)).session;
  if (s.cancelledAt) throw new AppError('STUDY_SESSION_CANCELLED');
  const c = currentSignInCode(s.signInSecret, s.id, s.startsAt, new Date());
  return {
    code: c.code,
    url: `${origin}/study/sessions/${s.id}/sign-in?code=${c.code}`,
    windowEndsAt: c.windowEndsAt.toISOString(),
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    state: c.state,
  };
}

/** Sign-in from a phone: only the expected, only from 20 minutes before the start to 30 after, only with the current code. */
export async function signIn(ctx: RequestContext, id: string, code: string, now = new Date()) {
  const loaded = await loadSession(ctx, id);
  const s = loaded.session;
  if (s.cancelledAt) throw new AppError('STUDY_SESSION_CANCELLED');
  const me = ctx.personId ? (await attendeesOf(ctx, loaded)).find((a) => a.personId === ctx.personId) : undefined;
  if (!me) throw new AppError('NOT_EXPECTED_AT_STUDY');
  const state = currentSignInCode(s.signInSecret, s.id, s.startsAt, now).state;
  if (state !== 'open')
    throw new AppError(
      'SIGN_IN_CLOSED',
      state === 'notYet' ? '签到尚未开始（学习开始前20分钟开放）' : '签到已结束（学习开始后30分钟截止）',
    );
  if (!verifySignInCode(s.signInSecret, s.id, code, now))
    throw new AppError('SIGN_IN_CODE_INVALID', '签到码不正确或已过期，请扫描组织者出示的最新签到码');
  if (me.state === 'present' && me.signedInAt) return { signedInAt: me.signedInAt, title: s.title, hours: s.hours };
  await ctx.db.transaction(async (tx) => {
    await repo.upsertAttendance(tx, {
      tenantId: ctx.tenantId,
      sessionId: id,
      personId: me.personId,
      state: 'present',
      reason: null,
      signedInAt: now,
      signInMethod: 'code',
      startsAt: s.startsAt,
      hours: s.hours,
    });
    await syncGoalsAfterAttendance(tx, ctx.tenantId, s.startsAt, [me.personId]);
    await writeAudit(tx, ctx.actor, {
      action: 'study.sign_in',
      entity: 'study_session',
      entityId: id,
      summary: `学习签到：「${s.title}」`,
    });
  });
  return { signedInAt: now.toISOString(), title: s.title, hours: s.hours };
}
