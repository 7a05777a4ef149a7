import { accessThrough, type AttachmentHolder } from '../files/index.ts';
import * as repo from './development.repo.ts';
import { reachablePerson } from './development.service.ts';

/**
 * A development step's documents (申请书, 谈话记录, 志愿书 …): readable by whoever may read the person's
 * path — the person, or a holder of development.read for their organisation.
 */
export const developmentAttachments: AttachmentHolder = {
  table: 'development_steps',
  async access(ctx, fileId) {
    return accessThrough(await repo.findPeopleHoldingFile(ctx.db, ctx.tenantId, fileId), async ({ personId }) => {
      try {
        await reachablePerson(ctx, 'development.read', personId, { self: true });
        return true;
      } catch {
        return false;
      }
    });
  },
};
