import { accessThrough, type AttachmentHolder } from '../files/index.ts';
import { findItemsHoldingFile } from './culture-wall.repo.ts';

/**
 * A poster's picture through /api/files: once published, anyone of the court signed in; a draft's,
 * only those who keep the culture wall. Without signing in, a picture is reached only as a published
 * poster playing on a screen (`/display/<screen>/items/<item>/image`), never by the file's id.
 */
export const cultureWallImages: AttachmentHolder = {
  table: 'culture_items',
  async access(ctx, fileId) {
    return accessThrough(
      await findItemsHoldingFile(ctx.db, ctx.tenantId, fileId),
      (i) => i.status === 'published' || ctx.has('culture.manage'),
    );
  },
};
