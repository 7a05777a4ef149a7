import { accessThrough, type AttachmentHolder } from '../files/index.ts';
import { ruleHoldsFile } from './rule-files.repo.ts';

/** A rule's attachment (current or of an earlier version): the library is open to everyone of the court. */
export const ruleAttachments: AttachmentHolder = {
  table: 'rules',
  async access(ctx, fileId) {
    return accessThrough((await ruleHoldsFile(ctx.db, ctx.tenantId, fileId)) ? [true] : [], () => true);
  },
};
