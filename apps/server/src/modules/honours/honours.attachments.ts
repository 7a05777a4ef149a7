import { accessThrough, type AttachmentHolder } from '../files/index.ts';
import * as repo from './honours.repo.ts';

/** An honour's certificate scan: the honours list is open to everyone of the court, so is its scan. */
export const honourAttachments: AttachmentHolder = {
  table: 'honours',
  async access(ctx, fileId) {
    const count = await repo.countHonoursWithCertificate(ctx.db, ctx.tenantId, fileId);
    return accessThrough(count > 0 ? [count] : [], () => true);
  },
};
