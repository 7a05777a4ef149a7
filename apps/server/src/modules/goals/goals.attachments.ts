import { accessThrough, type AttachmentHolder } from '../files/index.ts';
import { isOwnGoal, loadChain, mayReview } from './goals.access.ts';
import * as repo from './goals.repo.ts';

/**
 * A progress report's evidence: readable by its reporter, by whoever may read the goal (goals.read, or
 * the member whose goal it is — as the goal's detail) and by the level above that reviews it.
 */
export const goalReportAttachments: AttachmentHolder = {
  table: 'goal_report_files',
  async access(ctx, fileId) {
    return accessThrough(await repo.findReportsHoldingFile(ctx.db, ctx.tenantId, fileId), async (report) => {
      if (report.reportedByUserId === ctx.user.id || ctx.has('goals.read')) return true;
      const chain = await loadChain(ctx.db, ctx.tenantId, report.goalId);
      return chain !== undefined && (isOwnGoal(ctx, chain) || (await mayReview(ctx, chain)));
    });
  },
};
