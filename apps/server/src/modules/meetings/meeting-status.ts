import type { AuditAction } from '@qizhi/domain';
import type { meetings } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { syncMeetingAttendanceGoals } from '../goals/index.ts';
import type { LoadedMeeting } from './meeting-access.ts';
import * as repo from './meetings.repo.ts';

/** A step in a meeting's life (notified, cancelled, closed), audited with the status before and after. */
export async function setMeetingStatus(
  ctx: RequestContext,
  row: LoadedMeeting,
  values: Partial<typeof meetings.$inferInsert>,
  action: AuditAction,
  summary: string,
): Promise<void> {
  const m = row.meeting;
  await ctx.db.transaction(async (tx) => {
    await repo.updateMeeting(tx, m.tenantId, m.id, values);
    // A cancelled meeting no longer counts toward goals counted from attendance.
    if (values.status === 'cancelled') await syncMeetingAttendanceGoals(tx, m.tenantId, m.startsAt);
    await writeAudit(tx, ctx.actor, {
      action,
      entity: 'meeting',
      entityId: m.id,
      summary: `${summary}：「${m.topic}」`,
      before: { status: m.status },
      after: { status: values.status ?? m.status },
    });
  });
}
