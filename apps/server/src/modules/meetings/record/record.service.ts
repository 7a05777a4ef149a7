/** The record of a meeting: minutes, votes, follow-up tasks and attachments. */
import { isUnchangedTemplate, type MinutesRequest, type TaskRequest } from '@qizhi/domain';
import { writeAudit } from '../../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { assertEditable, loadManagedMeeting, loadMeeting } from '../meeting-access.ts';
import { getMeeting } from '../meeting-detail.ts';
import * as meetingsRepo from '../meetings.repo.ts';
import { isBlankMinutes, minutesToPlainText, sanitizeMinutes } from '../minutes-html.ts';
import { assertRecordOpen } from './record-time.ts';
import { mayAttach } from '../../files/index.ts';
import * as repo from './record.repo.ts';

/** A meeting the signed-in person manages and whose record is still open. */
async function loadOpenRecord(ctx: RequestContext, id: string) {
  const access = await loadManagedMeeting(ctx, id);
  assertEditable(access.row);
  return access;
}

export async function recordMinutes(ctx: RequestContext, id: string, input: MinutesRequest) {
  const m = (await loadOpenRecord(ctx, id)).row.meeting;
  assertRecordOpen(m.startsAt);
  const minutes = sanitizeMinutes(input.minutes);
  if (isBlankMinutes(minutes)) throw validationFailed([{ path: 'minutes', message: '请填写会议记录' }]);
  if (isUnchangedTemplate(minutesToPlainText(minutes).split('\n'), m.topic)) {
    throw new AppError('MINUTES_UNCHANGED_TEMPLATE', undefined, {
      issues: [{ path: 'minutes', message: '会议记录仍是模板，请填写会议的实际内容' }],
    });
  }
  await ctx.db.transaction(async (tx) => {
    await meetingsRepo.updateMeeting(tx, m.tenantId, id, {
      minutes,
      resolutions: input.resolutions,
      minutesRecordedAt: m.minutesRecordedAt ?? new Date(),
      status: m.status === 'planned' || m.status === 'notified' ? 'held' : m.status,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.minutes',
      entity: 'meeting',
      entityId: id,
      summary: `${m.minutes ? '修改' : '填写'}会议记录：「${m.topic}」`,
      before: m.minutes ? { minutes: m.minutes, resolutions: m.resolutions } : undefined,
      after: { minutes, resolutions: input.resolutions },
    });
  });
  return getMeeting(ctx, id);
}

export async function addTask(ctx: RequestContext, id: string, input: TaskRequest) {
  await loadOpenRecord(ctx, id);
  const [owner] = await meetingsRepo.findPeopleByIds(ctx.db, ctx.tenantId, [input.ownerPersonId]);
  if (!owner) throw validationFailed([{ path: 'ownerPersonId', message: '所选责任人不存在' }]);
  await ctx.db.transaction(async (tx) => {
    const taskId = await repo.insertTask(tx, { tenantId: ctx.tenantId, meetingId: id, ...input });
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.task_create',
      entity: 'meeting_task',
      entityId: taskId,
      summary: `布置后续任务：${input.title}（${owner.name}，${input.dueOn}前）`,
      after: input,
    });
  });
  return getMeeting(ctx, id);
}

/** Follow-up work goes on after the record is locked, so a task can be finished after closing. */
export async function completeTask(ctx: RequestContext, id: string, taskId: string) {
  const access = await loadMeeting(ctx, id);
  const task = await repo.findTask(ctx.db, ctx.tenantId, id, taskId);
  if (!task) throw notFound('任务');
  if (!access.canManage && task.ownerPersonId !== ctx.personId)
    throw new AppError('FORBIDDEN', '只有责任人或会议管理人员可以办结任务');
  if (!task.doneAt) {
    await ctx.db.transaction(async (tx) => {
      await repo.markTaskDone(tx, task.tenantId, taskId);
      await writeAudit(tx, ctx.actor, {
        action: 'meeting.task_done',
        entity: 'meeting_task',
        entityId: taskId,
        summary: `办结任务：${task.title}`,
      });
    });
  }
  return getMeeting(ctx, id);
}

export async function attachFile(ctx: RequestContext, id: string, input: { fileId: string; kind: 'photo' | 'file' }) {
  await loadOpenRecord(ctx, id);
  const file = await repo.findFile(ctx.db, ctx.tenantId, input.fileId);
  if (!file) throw validationFailed([{ path: 'fileId', message: '文件不存在，请先上传' }]);
  // Only a file one uploaded oneself: an id seen elsewhere (the audit log, another record) is no way to a file.
  if (!(await mayAttach(ctx, [file.id])))
    throw validationFailed([{ path: 'fileId', message: '只能附加本人上传的文件，请重新上传' }]);
  if (input.kind === 'photo' && !file.mime.startsWith('image/'))
    throw validationFailed([{ path: 'kind', message: '照片须为图片文件' }]);
  await ctx.db.transaction(async (tx) => {
    await repo.attachFile(tx, { tenantId: ctx.tenantId, meetingId: id, fileId: file.id, kind: input.kind });
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.file_attach',
      entity: 'meeting',
      entityId: id,
      summary: `上传会议${input.kind === 'photo' ? '照片' : '附件'}：${file.name}`,
    });
  });
  return getMeeting(ctx, id);
}

export async function detachFile(ctx: RequestContext, id: string, fileId: string) {
  const { row } = await loadOpenRecord(ctx, id);
  const removed = await ctx.db.transaction(async (tx) => {
    const gone = await repo.detachFile(tx, ctx.tenantId, id, fileId);
    if (gone > 0)
      await writeAudit(tx, ctx.actor, {
        action: 'meeting.file_detach',
        entity: 'meeting',
        entityId: id,
        summary: `移除会议附件：「${row.meeting.topic}」`,
      });
    return gone;
  });
  if (removed === 0) throw notFound('附件');
  return getMeeting(ctx, id);
}
