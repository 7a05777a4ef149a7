import { accessThrough, type AttachmentHolder } from '../files/index.ts';
import { findDisclosuresHoldingFile } from './disclosure-files.repo.ts';

/**
 * A disclosure's attachment: once published, everyone of the court (as the list); before that, those
 * who write or approve disclosures.
 */
export const disclosureAttachments: AttachmentHolder = {
  table: 'disclosures',
  async access(ctx, fileId) {
    return accessThrough(
      await findDisclosuresHoldingFile(ctx.db, ctx.tenantId, fileId),
      (d) => d.status === 'published' || ctx.has('openness.manage') || ctx.has('openness.approve'),
    );
  },
};
