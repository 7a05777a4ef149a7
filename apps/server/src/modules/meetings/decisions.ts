/**
 * What another capability may learn of a meeting that decided something for it (民主评议's
 * 党员大会, 述职述廉's meeting): the meeting as the caller may see it and, if asked, one of its votes.
 */
import { meetingNamed } from '@qizhi/domain';
import { notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { loadMeeting } from './meeting-access.ts';
import * as repo from './meetings.repo.ts';

export interface DecidingMeeting {
  id: string;
  orgUnitId: string;
  type: repo.MeetingRow['type'];
  status: repo.MeetingRow['status'];
  coveredYear: number | null;
  title: string;
  vote: { id: string; kind: string; subject: string; adopted: boolean } | null;
}

/** The meeting (404 when the caller cannot see it) and the vote of it named by `voteId` (404 if not its). */
export async function findDecidingMeeting(
  ctx: RequestContext,
  meetingId: string,
  voteId?: string,
): Promise<DecidingMeeting> {
  const { row } = await loadMeeting(ctx, meetingId);
  const m = row.meeting;
  let vote: DecidingMeeting['vote'] = null;
  if (voteId) {
    const found = (await repo.findVotes(ctx.db, ctx.tenantId, meetingId)).find((v) => v.id === voteId);
    if (!found) throw notFound('表决');
    vote = { id: found.id, kind: found.kind, subject: found.subject, adopted: found.adopted };
  }
  return {
    id: m.id,
    orgUnitId: m.orgUnitId,
    type: m.type,
    status: m.status,
    coveredYear: m.coveredYear,
    title: meetingNamed(m.type, m.topic),
    vote,
  };
}
