import { accessThrough, type AttachmentHolder } from '../files/index.ts';
import { findDutyReportsHoldingFile } from './duty-report-files.repo.ts';

/** A 述职述廉 report's attachment: its reporter, and whoever reads the reports of the reporter's organisation. */
export const dutyReportAttachments: AttachmentHolder = {
  table: 'duty_reports',
  async access(ctx, fileId) {
    return accessThrough(
      await findDutyReportsHoldingFile(ctx.db, ctx.tenantId, fileId),
      async (r) => r.personId === ctx.personId || (await ctx.can('evaluations.read', r.orgUnitId)),
    );
  },
};
