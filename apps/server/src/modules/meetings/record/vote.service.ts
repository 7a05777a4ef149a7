/**
 * Recording a vote: what it decides (kind), where it may be taken, the written opinions it counts,
 * the quorum and the result — every count from entitlementOf through tallyVote, the result from
 * voteResultOf; nothing of it is taken from the request but the votes cast.
 */
import {
  findVoteCountProblem,
  RESOLUTION_KIND_LABELS,
  tallyVote,
  voteAllowedAt,
  voteResultOf,
  type MeetingDetail,
  type VoteRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { countMeetings } from '../entitlement.ts';
import { assertEditable, loadManagedMeeting } from '../meeting-access.ts';
import { getMeeting } from '../meeting-detail.ts';
import * as repo from './record.repo.ts';
import { assertRecordOpen } from './record-time.ts';

function refuse(
  code: 'VOTE_NOT_ALLOWED_AT_MEETING' | 'VOTE_COUNTS_INVALID' | 'WRITTEN_OPINION_NOT_COUNTED',
  path: string,
  message: string,
): never {
  throw new AppError(code, message, { issues: [{ path, message }] });
}

export async function recordVote(ctx: RequestContext, id: string, input: VoteRequest): Promise<MeetingDetail> {
  const { row } = await loadManagedMeeting(ctx, id);
  assertEditable(row);
  const m = row.meeting;
  assertRecordOpen(m.startsAt);
  const notHere = voteAllowedAt(input.kind, m.type);
  if (notHere) refuse('VOTE_NOT_ALLOWED_AT_MEETING', 'kind', notHere);

  const count = (await countMeetings(ctx.db, ctx.tenantId, [m])).get(id)!;
  const names = new Map(count.joined.map((r) => [r.attendee.personId, r.name]));
  const opinions = new Map<string, VoteRequest['writtenOpinions'][number]>();
  input.writtenOpinions.forEach((o, i) => {
    if (opinions.has(o.personId))
      refuse('WRITTEN_OPINION_NOT_COUNTED', `writtenOpinions.${String(i)}`, '同一人提交了两份书面意见');
    if (!names.has(o.personId))
      refuse('WRITTEN_OPINION_NOT_COUNTED', `writtenOpinions.${String(i)}`, '书面意见提交人不在本次会议的名单中');
    opinions.set(o.personId, o);
  });
  const attendees = count.attendees.map((a) => {
    const o = opinions.get(a.person.id);
    return { ...a, writtenOpinion: o ? { stance: o.stance, submittedAt: new Date(o.submittedAt) } : null };
  });
  const tally = tallyVote(count.voting, input.kind, attendees);
  const refused = tally.refusedOpinions[0];
  if (refused) {
    const i = input.writtenOpinions.findIndex((o) => o.personId === refused.personId);
    refuse(
      'WRITTEN_OPINION_NOT_COUNTED',
      `writtenOpinions.${String(i)}`,
      `${names.get(refused.personId) ?? ''}：${refused.reason}`,
    );
  }

  const counts = { kind: input.kind, meetingType: m.type, expected: tally.expected, present: tally.present };
  const v = { ...counts, yes: input.yes, no: input.no, abstain: input.abstain, written: tally.written };
  const problem = findVoteCountProblem(v);
  if (problem) refuse('VOTE_COUNTS_INVALID', 'yes', problem);
  const result = voteResultOf(v);
  if (!result.quorum.reached) throw new AppError('QUORUM_NOT_REACHED', result.explanation);

  await ctx.db.transaction(async (tx) => {
    await repo.insertVote(tx, {
      tenantId: ctx.tenantId,
      meetingId: id,
      kind: input.kind,
      subject: input.subject,
      entitled: tally.expected,
      present: tally.present,
      yes: input.yes,
      no: input.no,
      abstain: input.abstain,
      written: input.writtenOpinions,
      divisor: result.divisor.kind,
      quorumReached: result.quorum.reached,
      yesNeeded: result.needed,
      adopted: result.adopted,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.vote',
      entity: 'meeting',
      entityId: id,
      summary: `${RESOLUTION_KIND_LABELS[input.kind]}「${input.subject}」：${result.explanation}`,
      after: { ...input, expected: tally.expected, present: tally.present, adopted: result.adopted },
    });
  });
  return getMeeting(ctx, id);
}
