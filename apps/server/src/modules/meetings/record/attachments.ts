import { accessThrough, type AttachmentHolder } from '../../files/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadMeeting } from '../meeting-access.ts';
import * as repo from './record.repo.ts';

/** A meeting's photos and attachments: readable by whoever may see the meeting (meeting-access.ts). */
export const meetingAttachments: AttachmentHolder = {
  table: 'meeting_files',
  async access(ctx, fileId) {
    return accessThrough(await repo.findMeetingsHoldingFile(ctx.db, ctx.tenantId, fileId), async (meetingId) => {
      try {
        return (await loadMeeting(ctx, meetingId)).canRead;
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
        throw error;
      }
    });
  },
};
