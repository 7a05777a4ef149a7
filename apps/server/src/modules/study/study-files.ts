import { accessThrough, type AttachmentHolder } from '../files/index.ts';
import { AppError } from '../../platform/errors.ts';
import { loadSession } from './study-access.ts';
import { findSessionsHoldingFile } from './study-files.repo.ts';

/** A study session's materials: readable by whoever may see the session (study-access.ts). */
export const studyAttachments: AttachmentHolder = {
  table: 'study_session_files',
  async access(ctx, fileId) {
    return accessThrough(await findSessionsHoldingFile(ctx.db, ctx.tenantId, fileId), async (sessionId) => {
      try {
        await loadSession(ctx, sessionId);
        return true;
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
        throw error;
      }
    });
  },
};
