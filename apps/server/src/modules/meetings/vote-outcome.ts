/**
 * A recorded vote as the page shows it: the counts it was decided on, the divisor, why it passed or
 * not (voteResultOf), and — read-only, nothing rewritten — what today's rule would say where it
 * differs (a vote recorded under the earlier rule, or attendance corrected since).
 */
import {
  DIVISOR_LABELS,
  voteResultOf,
  type AttendanceSummary,
  type Counts,
  type Vote,
  type VoteTally,
} from '@qizhi/domain';
import type { meetingVotes } from '../../db/schema/index.ts';
import type { MeetingRow } from './meetings.repo.ts';

type VoteRow = typeof meetingVotes.$inferSelect;

export function writtenCounts(opinions: readonly { stance: keyof Counts }[]): Counts {
  const c: Counts = { yes: 0, no: 0, abstain: 0 };
  for (const o of opinions) c[o.stance] += 1;
  return c;
}

export function toVote(v: VoteRow, m: MeetingRow, tally: Pick<VoteTally, 'expected' | 'present'>): Vote {
  const written = writtenCounts(v.written);
  const counts = { kind: v.kind, meetingType: m.type, yes: v.yes, no: v.no, abstain: v.abstain, written };
  const recorded = voteResultOf({ ...counts, expected: v.entitled, present: v.present });
  const today = voteResultOf({ ...counts, expected: tally.expected, present: tally.present });
  const legacy = v.divisor === null;
  const divisor = legacy
    ? legacyDivisor(v)
    : { kind: v.divisor!, name: DIVISOR_LABELS[v.divisor!], value: v.divisor === 'present' ? v.present : v.entitled };
  const differs =
    today.adopted !== v.adopted || (legacy && today.needed !== v.yesNeeded) || tally.expected !== v.entitled;
  const todayRule = differs
    ? {
        adopted: today.adopted,
        explanation: `按现行规则（应到${String(tally.expected)}人、实到${String(tally.present)}人）：${today.explanation}。原记录未改动`,
      }
    : null;
  return {
    id: v.id,
    kind: v.kind,
    subject: v.subject,
    entitled: v.entitled,
    present: v.present,
    yes: v.yes,
    no: v.no,
    abstain: v.abstain,
    written: recorded.written,
    totals: { yes: recorded.yes, no: recorded.no, abstain: recorded.abstain },
    divisor,
    quorumReached: v.quorumReached,
    quorumNeeded: recorded.quorum.needed,
    yesNeeded: v.yesNeeded,
    adopted: v.adopted,
    explanation: legacy
      ? `按原规则记录：赞成 ${String(v.yes)} 票，需 ${String(v.yesNeeded)} 票，${v.adopted ? '通过' : '未通过'}`
      : recorded.explanation,
    todayRule,
    createdAt: v.createdAt.toISOString(),
  };
}

/** Before issue 9 a general resolution was judged against those present, admission and confirmation against 应到. */
function legacyDivisor(v: VoteRow): Vote['divisor'] {
  return v.kind === 'admission' || v.kind === 'confirmation'
    ? { kind: 'expected', name: DIVISOR_LABELS.expected, value: v.entitled }
    : { kind: 'present', name: '到会有表决权党员（原规则）', value: v.present };
}

/** A closed meeting's recorded 应到 and 实到 against today's rule, when they differ (read-only). */
export function countsNoteOf(m: MeetingRow, today: AttendanceSummary): string | null {
  if (m.status !== 'closed' || m.recordedExpected === null || m.recordedAttended === null) return null;
  if (m.recordedExpected === today.expected && m.recordedAttended === today.attended) return null;
  return `归档时记录应到${String(m.recordedExpected)}人、实到${String(m.recordedAttended)}人；按现行规则应到${String(today.expected)}人、实到${String(today.attended)}人。原记录未改动`;
}
