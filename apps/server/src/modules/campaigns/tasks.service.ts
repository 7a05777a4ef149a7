/** A member's side of a campaign: their tasks, one task with who took part, reporting participation. */
import {
  courtToday,
  mayReportOn,
  phaseState,
  type MyTaskItem,
  type ReportTaskRequest,
  type TaskAssignee,
  type TaskDetail,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { mayAttach } from '../files/index.ts';
import { chainOf, loadCampaign, ownOrgUnitId } from './campaign-access.ts';
import { toTask } from './campaigns.service.ts';
import * as repo from './campaigns.repo.ts';

function assigneeOf(task: repo.TaskRow): TaskAssignee {
  return task.personId !== null
    ? { orgUnitId: null, personId: task.personId }
    : { orgUnitId: task.orgUnitId!, personId: null };
}

/** The tasks of the signed-in person: their own, and those of the organisations they belong to. */
export async function myTasks(ctx: RequestContext): Promise<{ items: MyTaskItem[] }> {
  if (!ctx.personId) return { items: [] };
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  const chain = chainOf(units, await ownOrgUnitId(ctx));
  const rows = await repo.findTasksFor(ctx.db, ctx.tenantId, ctx.personId, chain);
  const me = await repo.findPeopleByIds(ctx.db, ctx.tenantId, [ctx.personId]);
  const names = new Map(me.map((p) => [p.id, p.name]));
  const today = courtToday();
  // What is still to do first (nearest deadline first), then what is done, latest first.
  const rank = { overdue: 0, open: 1, done: 2 } as const;
  const items = rows.map((r) => ({
    ...toTask(r, units, names, today),
    campaignTitle: r.campaignTitle,
    phaseName: r.phaseName,
    myReport:
      r.myDone === null || r.myReportedAt === null
        ? null
        : { done: r.myDone, reportedAt: r.myReportedAt.toISOString() },
  }));
  items.sort(
    (a, b) =>
      rank[a.state] - rank[b.state] ||
      (a.state === 'done' ? b.dueOn.localeCompare(a.dueOn) : a.dueOn.localeCompare(b.dueOn)),
  );
  return { items };
}

/** A task the person may see: its campaign is visible to them, or it is theirs to report on. */
async function loadTask(ctx: RequestContext, id: string, db: Db = ctx.db) {
  const row = await repo.findTask(db, ctx.tenantId, id);
  if (!row) throw notFound('任务');
  const units = await repo.findOrgUnits(db, ctx.tenantId);
  const chain = chainOf(units, await ownOrgUnitId(ctx, db));
  const canReport = mayReportOn(assigneeOf(row.task), ctx.personId, chain);
  let campaign;
  try {
    campaign = await loadCampaign(ctx, row.task.campaignId, db);
  } catch (error) {
    // Assigned to someone in an organisation the campaign's own does not list among theirs.
    if (!canReport) throw error;
    const c = await repo.findCampaign(db, ctx.tenantId, row.task.campaignId);
    campaign = { campaign: c!, units, canManage: false, canRead: false };
  }
  return { ...campaign, row, units, canReport };
}

export async function getTask(ctx: RequestContext, id: string): Promise<TaskDetail> {
  const { row, units, canReport, campaign, canRead } = await loadTask(ctx, id);
  const phase = (await repo.findPhase(ctx.db, ctx.tenantId, row.task.phaseId))!;
  const reports = await repo.findReports(ctx.db, ctx.tenantId, id);
  const people = row.task.personId ? await repo.findPeopleByIds(ctx.db, ctx.tenantId, [row.task.personId]) : [];
  const today = courtToday();
  const toReport = (r: (typeof reports)[number]) => ({ ...r, reportedAt: r.reportedAt.toISOString() });
  const mine = reports.find((r) => r.personId === ctx.personId);
  return {
    ...toTask(row, units, new Map(people.map((p) => [p.id, p.name])), today),
    campaignTitle: campaign.title,
    phaseName: phase.name,
    phaseState: phaseState(phase, today),
    canReport,
    myReport: mine ? toReport(mine) : null,
    participants: canRead || canReport ? reports.map(toReport) : [],
  };
}

/**
 * Report one's participation: took part (with a short summary) or done, with photos. Open from the
 * phase's first day; reporting again replaces one's own report. A report saying done marks the task done.
 */
export async function reportTask(ctx: RequestContext, id: string, input: ReportTaskRequest): Promise<TaskDetail> {
  const { row, canReport, campaign } = await loadTask(ctx, id);
  if (!canReport || !ctx.personId) throw new AppError('NOT_ASSIGNED_TO_TASK');
  const personId = ctx.personId;
  const phase = (await repo.findPhase(ctx.db, ctx.tenantId, row.task.phaseId))!;
  if (phaseState(phase, courtToday()) === 'upcoming')
    throw new AppError('CAMPAIGN_PHASE_NOT_STARTED', `「${phase.name}」阶段${phase.startsOn}开始，开始后再报告`);
  const fileIds = [...new Set(input.fileIds)];
  const found = await repo.findFilesByIds(ctx.db, ctx.tenantId, fileIds);
  if (found.length !== fileIds.length) throw validationFailed([{ path: 'fileIds', message: '照片不存在，请重新上传' }]);
  if (found.some((f) => !f.mime.startsWith('image/')))
    throw validationFailed([{ path: 'fileIds', message: '只能附加照片（jpg、png、gif、webp）' }]);
  const kept = await repo.findReportFileIds(ctx.db, ctx.tenantId, id, personId);
  if (!(await mayAttach(ctx, fileIds, kept)))
    throw validationFailed([{ path: 'fileIds', message: '只能附加本人上传的照片，请重新上传' }]);
  await ctx.db.transaction(async (tx) => {
    await repo.upsertReport(
      tx,
      { tenantId: ctx.tenantId, taskId: id, personId, done: input.done, summary: input.summary },
      fileIds,
    );
    await writeAudit(tx, ctx.actor, {
      action: 'campaign.task_report',
      entity: 'campaign_task',
      entityId: id,
      summary: `「${campaign.title}」任务「${row.task.title}」：${input.done ? '报告已完成' : '报告参加情况'}（${String(fileIds.length)}张照片）`,
      after: { ...input, fileIds },
    });
  });
  return getTask(ctx, id);
}

/** Whether a person may see a task (for its photos): the same rule as reading it. */
export async function mayReadTask(ctx: RequestContext, id: string): Promise<boolean> {
  try {
    const { canReport, canRead } = await loadTask(ctx, id);
    return canReport || canRead;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}
