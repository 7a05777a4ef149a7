/** Closing locks a meeting's record; after that only an audited revision changes it. */
import type { MeetingDetail, RevisionRequest } from '@qizhi/domain';
import type { MeetingSnapshot } from '../../../db/schema/index.ts';
import { diffFields, writeAudit } from '../../../platform/audit.ts';
import { AppError, validationFailed } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { assertEditable, loadManagedMeeting, loadMeeting } from '../meeting-access.ts';
import { countMeetings } from '../entitlement.ts';
import { getMeeting } from '../meeting-detail.ts';
import { setMeetingStatus } from '../meeting-status.ts';
import * as meetingsRepo from '../meetings.repo.ts';
import { sanitizeMinutes } from '../minutes-html.ts';
import * as repo from './closing.repo.ts';

/**
 * Closing locks the record: minutes written and the attendance of everyone counted settled. The
 * 应到 and 实到 of that moment are kept with the meeting, so a later change of rule shows beside
 * them instead of rewriting them.
 */
export async function closeMeeting(ctx: RequestContext, id: string): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(ctx, id);
  assertEditable(row);
  if (!row.meeting.minutes) throw new AppError('MINUTES_REQUIRED');
  const count = (await countMeetings(ctx.db, ctx.tenantId, [row.meeting])).get(id)!;
  const pending = count.joined.filter((a, i) => a.attendee.state === 'pending' && count.tally.rows[i]?.counts);
  if (pending.length > 0) {
    const names = pending.slice(0, 5).map((p) => p.name);
    throw new AppError(
      'ATTENDANCE_INCOMPLETE',
      `还有${String(pending.length)}人未登记出席情况（${names.join('、')}${pending.length > 5 ? '等' : ''}），请先登记`,
    );
  }
  const recorded = { recordedExpected: count.summary.expected, recordedAttended: count.summary.attended };
  await setMeetingStatus(
    ctx,
    row,
    { status: 'closed', closedAt: new Date(), ...recorded },
    'meeting.close',
    '会议归档锁定',
  );
  return getMeeting(ctx, id);
}

export function snapshotOf(m: meetingsRepo.MeetingRow): MeetingSnapshot {
  return { topic: m.topic, place: m.place, agenda: m.agenda, minutes: m.minutes, resolutions: m.resolutions };
}

/** A correction to a closed meeting: the version before it is kept whole, the change is audited. */
export async function reviseMeeting(ctx: RequestContext, id: string, input: RevisionRequest): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(ctx, id);
  const m = row.meeting;
  if (m.status !== 'closed') throw new AppError('MEETING_NOT_CLOSED');
  const { reason, ...changes } = input;
  const values = {
    ...changes,
    minutes: changes.minutes === undefined ? undefined : sanitizeMinutes(changes.minutes),
  };
  const diff = diffFields(snapshotOf(m) as unknown as Record<string, unknown>, values);
  if (!diff) throw validationFailed([{ path: '', message: '更正内容与原记录相同' }]);
  const revision = m.revision + 1;
  await ctx.db.transaction(async (tx) => {
    await repo.insertRevision(tx, {
      tenantId: m.tenantId,
      meetingId: id,
      revision,
      reason,
      previous: snapshotOf(m),
      createdByUserId: ctx.actor.userId,
      createdByName: ctx.actor.name,
    });
    await meetingsRepo.updateMeeting(tx, m.tenantId, id, { ...values, revision });
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.revise',
      entity: 'meeting',
      entityId: id,
      summary: `更正已归档会议「${m.topic}」（第${String(revision)}次更正：${reason}）`,
      before: diff.before,
      after: { ...diff.after, reason },
    });
  });
  return getMeeting(ctx, id);
}

export async function listRevisions(ctx: RequestContext, id: string) {
  await loadMeeting(ctx, id);
  const rows = await repo.findRevisions(ctx.db, ctx.tenantId, id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      revision: r.revision,
      reason: r.reason,
      previous: r.previous,
      createdAt: r.createdAt.toISOString(),
      createdByName: r.createdByName,
    })),
  };
}
