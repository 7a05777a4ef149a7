/**
 * 更正表决: the only way a recorded vote changes. A reason is required; the result is computed again
 * (voteResultOf) from the counts recorded at the vote — 应到, 实到 and the written opinions counted
 * then — with the corrected yes, no and abstain; the vote as it stood is kept in the meeting's
 * revisions, and the change is audited, in one transaction. Open or closed meetings alike: a closed
 * meeting's record is otherwise locked, and an open meeting's votes have no other way to change.
 */
import {
  findVoteCountProblem,
  RESOLUTION_KIND_LABELS,
  voteResultOf,
  type MeetingDetail,
  type VoteCorrectionRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { loadManagedMeeting } from '../meeting-access.ts';
import { getMeeting } from '../meeting-detail.ts';
import * as meetingsRepo from '../meetings.repo.ts';
import { writtenCounts } from '../vote-outcome.ts';
import * as repo from './closing.repo.ts';
import { snapshotOf } from './closing.service.ts';

export async function correctVote(
  ctx: RequestContext,
  id: string,
  voteId: string,
  input: VoteCorrectionRequest,
): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(ctx, id);
  const m = row.meeting;
  if (m.status === 'cancelled') throw new AppError('MEETING_CANCELLED');
  const vote = await repo.findVote(ctx.db, ctx.tenantId, id, voteId);
  if (!vote) throw notFound('表决');

  const { reason, subject = vote.subject, yes, no, abstain } = input;
  if (subject === vote.subject && yes === vote.yes && no === vote.no && abstain === vote.abstain)
    throw validationFailed([{ path: 'yes', message: '更正内容与原记录相同' }]);
  const counts = {
    kind: vote.kind,
    meetingType: m.type,
    expected: vote.entitled,
    present: vote.present,
    yes,
    no,
    abstain,
    written: writtenCounts(vote.written),
  };
  const problem = findVoteCountProblem(counts);
  if (problem) throw new AppError('VOTE_COUNTS_INVALID', problem, { issues: [{ path: 'yes', message: problem }] });
  const result = voteResultOf(counts);
  const before = {
    voteId,
    subject: vote.subject,
    yes: vote.yes,
    no: vote.no,
    abstain: vote.abstain,
    adopted: vote.adopted,
  };
  const after = { subject, yes, no, abstain, adopted: result.adopted };
  const revision = m.revision + 1;
  const outcome = (adopted: boolean) => (adopted ? '通过' : '未通过');

  await ctx.db.transaction(async (tx) => {
    await repo.insertRevision(tx, {
      tenantId: m.tenantId,
      meetingId: id,
      revision,
      reason,
      previous: { ...snapshotOf(m), vote: before },
      createdByUserId: ctx.actor.userId,
      createdByName: ctx.actor.name,
    });
    await repo.updateVote(tx, ctx.tenantId, voteId, {
      ...after,
      yesNeeded: result.needed,
      divisor: result.divisor.kind,
    });
    await meetingsRepo.updateMeeting(tx, m.tenantId, id, { revision });
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.vote_correct',
      entity: 'meeting',
      entityId: id,
      summary:
        `更正「${m.topic}」的${RESOLUTION_KIND_LABELS[vote.kind]}「${vote.subject}」（第${String(revision)}次更正：${reason}）：` +
        `赞成${String(vote.yes)}、反对${String(vote.no)}、弃权${String(vote.abstain)}（${outcome(vote.adopted)}）→ ` +
        `赞成${String(yes)}、反对${String(no)}、弃权${String(abstain)}（${outcome(result.adopted)}）`,
      before,
      after: { ...after, reason },
    });
  });
  return getMeeting(ctx, id);
}
