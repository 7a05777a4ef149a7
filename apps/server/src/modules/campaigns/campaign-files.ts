import { accessThrough, type AttachmentHolder } from '../files/index.ts';
import { findTasksHoldingFile } from './campaigns.repo.ts';
import { mayReadTask } from './tasks.service.ts';

/** Photos of a task's participation reports: readable by whoever may read the task's participants. */
export const campaignAttachments: AttachmentHolder = {
  table: 'campaign_report_files',
  async access(ctx, fileId) {
    return accessThrough(await findTasksHoldingFile(ctx.db, ctx.tenantId, fileId), (taskId) =>
      mayReadTask(ctx, taskId),
    );
  },
};
