import {
  GOAL_PROGRESS_SOURCE_NOTES,
  type GoalReport,
  type GoalReportStatus,
  type ProgressReportRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { isOwnGoal, loadChain, loadChains, mayReport, mayReview } from './goals.access.ts';
import { toGoalReports } from './goals.mapping.ts';
import { mayAttach } from '../files/index.ts';
import * as repo from './goals.repo.ts';

/**
 * 进度报告: the owner reports the value reached, with a note and evidence; it moves the goal only
 * once the level above accepts it. A goal already decomposed takes its progress from its children.
 */
export async function reportProgress(
  ctx: RequestContext,
  goalId: string,
  input: ProgressReportRequest,
): Promise<GoalReport> {
  const { db, tenantId, actor } = ctx;
  const chain = await loadChain(db, tenantId, goalId);
  if (!chain) throw notFound('目标');
  const goal = chain[0]!;
  // Someone who may neither read goals nor owns this one is not told it exists.
  if (!isOwnGoal(ctx, chain) && !ctx.has('goals.read')) throw notFound('目标');
  if (!(await mayReport(ctx, chain))) {
    throw new AppError(
      'FORBIDDEN',
      goal.ownerKind === 'person' ? '只能报告本人目标的进度' : '只有该组织的负责人可以报告此目标的进度',
    );
  }
  if ((await repo.countChildren(db, tenantId, goalId)) > 0) throw new AppError('GOAL_HAS_CHILDREN');
  const row = (await repo.findGoal(db, tenantId, goalId))!;
  // Data already held is never asked for again (rules.md, policy limits).
  if (row.progressSource !== 'report')
    throw new AppError(
      'GOAL_PROGRESS_AUTOMATIC',
      `${GOAL_PROGRESS_SOURCE_NOTES[row.progressSource]}，由系统自动统计，无需填报`,
    );
  if (row.indicatorKind === 'milestone' && input.value !== 0 && input.value !== 1)
    throw validationFailed([{ path: 'value', message: '“是否完成”类指标的完成值应为1（已完成）或0（未完成）' }]);
  const fileIds = [...new Set(input.fileIds)];
  const known = await repo.findFilesByIds(db, tenantId, fileIds);
  if (known.length !== fileIds.length)
    throw validationFailed([{ path: 'fileIds', message: '佐证材料不存在，请重新上传' }]);
  // Only evidence one uploaded oneself: an id seen elsewhere is no way to a file.
  if (!(await mayAttach(ctx, fileIds)))
    throw validationFailed([{ path: 'fileIds', message: '只能附加本人上传的佐证材料，请重新上传' }]);

  const report = await db.transaction(async (tx) => {
    const created = await repo.insertReport(
      tx,
      {
        tenantId,
        goalId,
        value: input.value,
        note: input.note,
        reportedByUserId: actor.userId,
        reportedByName: actor.name,
      },
      fileIds,
    );
    await writeAudit(tx, actor, {
      action: 'goal.report',
      entity: 'goal_report',
      entityId: created.id,
      summary: `报告目标进度：${row.title}，完成值${String(input.value)}${row.unit}`,
      after: { goalId, value: input.value, note: input.note, fileIds },
    });
    return created;
  });
  return (await toGoalReports(db, tenantId, [(await repo.findReport(db, tenantId, report.id))!]))[0]!;
}

/** Reports the actor may review: for each, the actor manages the level above the goal. */
export async function listReportsToReview(ctx: RequestContext, status: GoalReportStatus): Promise<GoalReport[]> {
  const { db, tenantId } = ctx;
  const rows = await repo.findReportsByStatus(db, tenantId, status);
  const chains = await loadChains(
    db,
    tenantId,
    rows.map((r) => r.report.goalId),
  );
  // The scope is resolved once per request, so asking for each report costs nothing more.
  const allowed = await Promise.all(
    rows.map((r) => {
      const chain = chains.get(r.report.goalId);
      return chain ? mayReview(ctx, chain) : Promise.resolve(false);
    }),
  );
  const mine = rows.filter((_, i) => allowed[i]);
  return toGoalReports(db, tenantId, mine);
}

export async function reviewReport(
  ctx: RequestContext,
  reportId: string,
  decision: 'accepted' | 'returned',
  note: string,
): Promise<GoalReport> {
  const { db, tenantId, actor } = ctx;
  const found = await repo.findReport(db, tenantId, reportId);
  if (!found) throw notFound('进度报告');
  const { report } = found;
  const chain = (await loadChain(db, tenantId, report.goalId))!;
  if (!(await mayReview(ctx, chain))) throw new AppError('FORBIDDEN', '进度报告须由上一级党组织审核');
  if (report.reportedByUserId !== null && report.reportedByUserId === actor.userId)
    throw new AppError('FORBIDDEN', '不能审核本人提交的进度报告');
  if (report.status !== 'pending') throw new AppError('REPORT_ALREADY_REVIEWED');

  await db.transaction(async (tx) => {
    const now = new Date();
    const updated = await repo.updateReport(tx, tenantId, reportId, {
      status: decision,
      reviewedByUserId: actor.userId,
      reviewedByName: actor.name,
      reviewedAt: now,
      reviewNote: note || null,
    });
    // Two reviewers at once: the second finds the report no longer pending.
    if (!updated) throw new AppError('REPORT_ALREADY_REVIEWED');
    if (decision === 'accepted') {
      await repo.updateGoal(tx, tenantId, report.goalId, { acceptedValue: report.value, acceptedAt: now });
    }
    await writeAudit(tx, actor, {
      action: decision === 'accepted' ? 'goal.report_accept' : 'goal.report_return',
      entity: 'goal_report',
      entityId: reportId,
      summary: `${decision === 'accepted' ? '采纳' : '退回'}进度报告：${found.goalTitle}（${found.ownerName ?? ''}，完成值${String(report.value)}${found.unit}）${note ? `，意见：${note}` : ''}`,
      before: { status: 'pending' },
      after: { status: decision, note },
    });
  });
  return (await toGoalReports(db, tenantId, [(await repo.findReport(db, tenantId, reportId))!]))[0]!;
}
