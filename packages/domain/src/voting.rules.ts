import { courtToday } from './court-time.ts';
import { MEETING_TYPE_LABELS, moreThanHalf, type MeetingType } from './meetings.rules.ts';
import type { MembershipStatus } from './people.rules.ts';

/**
 * Who votes, how many must be present, and when a resolution passes (rules.md, "Voting, quorum and
 * resolutions": 《中国共产党支部工作条例（试行）》第十一条；《中国共产党发展党员工作细则》第二十八、
 * 三十三条；《中国共产党基层组织选举工作条例》2020). Every count the server shows or stores — 应到,
 * 实到, quorum, vote validity, vote result — comes from these functions; the server keeps no copy.
 */

// ---------------------------------------------------------------------------------------------
// Who is entitled to vote (有表决权).

/** 留党察看, and suspension of a member's rights (e.g. while 留置 or 逮捕). */
export const DISCIPLINE_KINDS = ['probation_in_party', 'rights_suspended'] as const;
export type DisciplineKind = (typeof DISCIPLINE_KINDS)[number];
export const DISCIPLINE_KIND_LABELS: Record<DisciplineKind, string> = {
  probation_in_party: '留党察看',
  rights_suspended: '暂停党员权利',
};

/** A discipline state between two court dates, both included; `to` null while it lasts. */
export interface DisciplinePeriod {
  kind: DisciplineKind;
  from: string;
  to: string | null;
}

export interface VoterPerson {
  id: string;
  /** Membership today; `non_party` (群众) or null for staff who are not members. */
  status: MembershipStatus | 'non_party' | null;
  /** 入党 (start of probation) and 转正 dates, to know the status on the meeting day. */
  joinedOn?: string | null;
  confirmedOn?: string | null;
  orgUnitId: string | null;
  retired?: boolean;
  discipline?: readonly DisciplinePeriod[];
}

export interface VotingMeeting {
  type: MeetingType;
  startsAt: Date;
  /**
   * The holding organisation and the units below it whose members are its members (a branch and its
   * cells; a 党总支 and its branches): `collectSubtreeIds` of the organisation.
   */
  memberUnitIds: readonly string[];
  /** For a 支委会: the committee's members (secretary included) on the day. */
  committeeIds?: readonly string[];
}

/** Leave from the expected count (old and infirm, long away on approved work, …), with its reason. */
export interface VoteExemption {
  reason: string;
  grantedAt: Date;
}

/** How a person took part in the meeting, when known. */
export interface Participation {
  exemption?: VoteExemption | null;
  present?: boolean;
  /** A written opinion that is counted in this vote (see `tallyVote`). */
  wroteOpinion?: boolean;
}

export type EntitlementCode =
  | 'entitled'
  | 'exempted'
  | 'exemptedButTookPart'
  | 'notCommitteeMember'
  | 'notPartyMember'
  | 'otherOrganisation'
  | 'probationary'
  | 'probationInParty'
  | 'rightsSuspended';

export interface Entitlement {
  /** Has a vote at this meeting. */
  entitled: boolean;
  /** Counts in 应到 (and, when present, in 实到 and the quorum). */
  counts: boolean;
  code: EntitlementCode;
  /** Why, for the secretary. */
  reason: string;
}

/** The membership status a person had on a court day, from today's status and the 入党/转正 dates. */
export function statusOnDay(person: VoterPerson, day: string): MembershipStatus | 'non_party' {
  const status = person.status ?? 'non_party';
  if (status !== 'full' && status !== 'probationary') return status;
  if (person.joinedOn && day < person.joinedOn) return 'candidate';
  if (status === 'full' && person.confirmedOn && day < person.confirmedOn) return 'probationary';
  return status;
}

/** The discipline in force on a court day (first and last day included), if any. */
export function disciplineOnDay(person: VoterPerson, day: string): DisciplinePeriod | null {
  return person.discipline?.find((d) => d.from <= day && (d.to === null || day <= d.to)) ?? null;
}

const no = (code: EntitlementCode, reason: string): Entitlement => ({ entitled: false, counts: false, code, reason });

/**
 * Whether a person votes at a meeting and counts toward its 应到. Every full member (正式党员) of
 * the holding organisation votes, retired or serving; probationary members, members under 留党察看
 * and members whose rights are suspended on the meeting day do not; guests, non-members and members
 * of another organisation attend without a vote. At a 支委会 only committee members count.
 *
 * Reading: at a 支委会 the divisor is the committee itself, so exemptions are not applied there.
 */
export function entitlementOf(person: VoterPerson, meeting: VotingMeeting, taking: Participation = {}): Entitlement {
  const day = courtToday(meeting.startsAt);
  const committee = meeting.type === 'branch_committee';
  if (committee && !meeting.committeeIds?.includes(person.id)) {
    return no('notCommitteeMember', '支委会只计支部委员，列席人员不计入');
  }
  const status = statusOnDay(person, day);
  if (status !== 'full' && status !== 'probationary') return no('notPartyMember', '非党员列席，没有表决权，不计入');
  if (!committee && (person.orgUnitId === null || !meeting.memberUnitIds.includes(person.orgUnitId))) {
    return no('otherOrganisation', '非本组织党员，列席不计入');
  }
  if (status === 'probationary') return no('probationary', '预备党员没有表决权');
  const discipline = disciplineOnDay(person, day);
  if (discipline?.kind === 'probation_in_party') return no('probationInParty', '留党察看期间没有表决权');
  if (discipline) return no('rightsSuspended', '暂停党员权利期间没有表决权');
  const who = committee ? '支部委员' : person.retired ? '退休正式党员' : '正式党员';
  const exempted = !committee && exemptionTakesEffect(taking.exemption, meeting.startsAt);
  if (exempted && (taking.present || taking.wroteOpinion)) {
    const how = taking.present ? '仍到会' : '会前提交书面意见';
    return {
      entitled: true,
      counts: true,
      code: 'exemptedButTookPart',
      reason: `${who}，已免于参加但${how}，计入应到`,
    };
  }
  if (exempted) {
    const reason = `${who}，因“${taking.exemption?.reason.trim() ?? ''}”免于参加，不计入应到`;
    return { entitled: true, counts: false, code: 'exempted', reason };
  }
  return { entitled: true, counts: true, code: 'entitled', reason: `${who}，有表决权` };
}

/** An exemption counts when its reason is recorded and it was granted before the meeting started. */
export function exemptionTakesEffect(exemption: VoteExemption | null | undefined, startsAt: Date): boolean {
  return !!exemption && exemption.reason.trim() !== '' && exemption.grantedAt.getTime() < startsAt.getTime();
}

// ---------------------------------------------------------------------------------------------
// What a vote decides, and where.

export const RESOLUTION_KINDS = ['general_resolution', 'election', 'admission', 'confirmation', 'other'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];
export const RESOLUTION_KIND_LABELS: Record<ResolutionKind, string> = {
  general_resolution: '一般决议',
  election: '选举',
  admission: '接收预备党员',
  confirmation: '预备党员转正',
  other: '其他表决',
};

const ALLOWED_AT: Record<ResolutionKind, readonly MeetingType[] | null> = {
  general_resolution: ['branch_general', 'branch_committee'],
  election: ['branch_general'],
  admission: ['branch_general'],
  confirmation: ['branch_general'],
  other: null,
};

const ONLY_AT_MESSAGE: Record<ResolutionKind, string> = {
  general_resolution: '决议须由支部党员大会或支部委员会作出（《中国共产党支部工作条例（试行）》第十一条）',
  election: '选举须在党员大会上进行（《中国共产党基层组织选举工作条例》）',
  admission: '接收预备党员须由支部党员大会讨论决定（《中国共产党发展党员工作细则》第二十八条）',
  confirmation: '预备党员转正须由支部党员大会讨论决定（《中国共产党发展党员工作细则》第三十三条）',
  other: '',
};

/**
 * Whether a vote of this kind may be taken at this meeting type: null when it may, else the refusal
 * naming the rule. Reading: an "other" vote may be taken at any meeting (it is counted like a
 * general resolution of that meeting); a general resolution only at a 党员大会 or a 支委会.
 */
export function voteAllowedAt(kind: ResolutionKind, meetingType: MeetingType): string | null {
  const allowed = ALLOWED_AT[kind];
  if (allowed === null || allowed.includes(meetingType)) return null;
  const verb = kind === 'election' ? '不能进行选举' : '不能表决';
  return `${ONLY_AT_MESSAGE[kind]}，${MEETING_TYPE_LABELS[meetingType]}${verb}`;
}

/** Written opinions (书面意见) are counted only in admission and confirmation votes (细则 art. 28). */
export function countsWrittenOpinions(kind: ResolutionKind): boolean {
  return kind === 'admission' || kind === 'confirmation';
}

// ---------------------------------------------------------------------------------------------
// 应到, 实到 and written opinions for one vote.

export type Stance = 'yes' | 'no' | 'abstain';

export interface WrittenOpinion {
  stance: Stance;
  submittedAt: Date;
}

export interface VoteAttendee {
  person: VoterPerson;
  present: boolean;
  exemption?: VoteExemption | null;
  writtenOpinion?: WrittenOpinion | null;
}

export interface Counts {
  yes: number;
  no: number;
  abstain: number;
}

export interface VoteTally {
  rows: (Entitlement & { personId: string; present: boolean })[];
  /** Entitled members of the organisation (for a 支委会: entitled committee members). */
  entitled: number;
  /** 应到会有表决权的党员. */
  expected: number;
  /** 实到会有表决权的党员. */
  present: number;
  /** Written opinions counted, by stance. */
  written: Counts;
  /** Written opinions not counted, with why. */
  refusedOpinions: { personId: string; reason: string }[];
}

/** Why a written opinion is not counted, or null when it is. */
export function writtenOpinionProblem(
  kind: ResolutionKind,
  entitlement: Entitlement,
  present: boolean,
  opinion: WrittenOpinion,
  startsAt: Date,
): string | null {
  if (!countsWrittenOpinions(kind)) return '书面意见只在接收预备党员、预备党员转正的表决中计入';
  if (!entitlement.entitled) return `书面意见不计入：${entitlement.reason}`;
  if (present) return '本人已到会表决，书面意见不计入';
  if (opinion.submittedAt.getTime() >= startsAt.getTime()) return '书面意见须在会议召开前提交，会后提交的不计入';
  return null;
}

/**
 * Every attendee's entitlement and the counts one vote is judged on. The caller passes every member
 * of the holding organisation (for a 支委会: every committee member) plus anyone else on the
 * attendance list, so that absent members count in 应到.
 *
 * Reading: an exempted member who hands in a counted written opinion takes part in the vote, and
 * so counts in 应到 like an exempted member who attends.
 */
export function tallyVote(meeting: VotingMeeting, kind: ResolutionKind, attendees: readonly VoteAttendee[]): VoteTally {
  const written = { yes: 0, no: 0, abstain: 0 };
  const tally: VoteTally = { rows: [], entitled: 0, expected: 0, present: 0, written, refusedOpinions: [] };
  for (const a of attendees) {
    const base = entitlementOf(a.person, meeting, { exemption: a.exemption, present: a.present });
    const opinion = a.writtenOpinion;
    const problem = opinion ? writtenOpinionProblem(kind, base, a.present, opinion, meeting.startsAt) : null;
    if (opinion && problem) tally.refusedOpinions.push({ personId: a.person.id, reason: problem });
    const wrote = !!opinion && problem === null;
    const row = wrote ? entitlementOf(a.person, meeting, { exemption: a.exemption, wroteOpinion: true }) : base;
    if (wrote) tally.written[opinion.stance] += 1;
    tally.rows.push({ ...row, personId: a.person.id, present: a.present });
    if (row.entitled) tally.entitled += 1;
    if (row.counts) tally.expected += 1;
    if (row.counts && a.present) tally.present += 1;
  }
  return tally;
}

/** 应到 and 实到 of a meeting with the reason for every attendee, before any vote (no written opinions). */
export function tallyAttendance(meeting: VotingMeeting, attendees: readonly VoteAttendee[]): VoteTally {
  const withoutOpinions = attendees.map((a) => ({ ...a, writtenOpinion: null }));
  return tallyVote(meeting, 'other', withoutOpinions);
}

// ---------------------------------------------------------------------------------------------
// Quorum and result.

export type QuorumRule = 'more_than_half' | 'more_than_four_fifths';

/** The fewest present that is strictly more than half (or four fifths) of n: exactly half is not enough. */
export function requiredPresent(n: number, rule: QuorumRule): number {
  return rule === 'more_than_half' ? moreThanHalf(n) : Math.floor((4 * n) / 5) + 1;
}

/** An election needs more than four fifths of 应到 present; any other vote more than half. */
export function quorumRuleOf(kind: ResolutionKind): QuorumRule {
  return kind === 'election' ? 'more_than_four_fifths' : 'more_than_half';
}

export type Divisor = 'expected' | 'committee' | 'present';
export const DIVISOR_LABELS: Record<Divisor, string> = {
  expected: '应到会有表决权党员',
  committee: '支部委员会委员',
  present: '实到会有选举权党员',
};

/**
 * What the yes votes must be more than half of. 党员大会 resolutions, admission and confirmation:
 * 应到会有表决权的党员, not those present. 支委会: its committee. Election (选举工作条例): a candidate is
 * elected with yes votes from more than half of the members entitled to vote who are present — our
 * reading of "超过实到会有选举权的人数的一半", the quorum being more than four fifths of 应到.
 */
export function divisorOf(kind: ResolutionKind, meetingType: MeetingType): Divisor {
  if (kind === 'election') return 'present';
  return meetingType === 'branch_committee' ? 'committee' : 'expected';
}

export interface VoteCountInput {
  kind: ResolutionKind;
  meetingType: MeetingType;
  /** 应到 from `tallyVote` (for a 支委会: the entitled committee members). */
  expected: number;
  /** 实到会有表决权的党员 from `tallyVote`. */
  present: number;
  /** Votes cast at the meeting (for an election: for one candidate). */
  yes: number;
  no: number;
  abstain: number;
  /** Written opinions counted (`tallyVote().written`); ignored unless admission or confirmation. */
  written?: Counts;
}

export interface VoteOutcome {
  /** Totals, written opinions included. */
  yes: number;
  no: number;
  abstain: number;
  written: Counts & { count: number };
  divisor: { kind: Divisor; name: string; value: number };
  /** Yes votes needed. */
  needed: number;
  quorum: { rule: QuorumRule; of: number; needed: number; present: number; reached: boolean };
  /** Null when the vote may be taken at this meeting type, else the refusal. */
  refusal: string | null;
  adopted: boolean;
  explanation: string;
}

/** Why the counts cannot be right, or null. */
export function findVoteCountProblem(v: VoteCountInput): string | null {
  const written = v.written ?? { yes: 0, no: 0, abstain: 0 };
  const all = [v.expected, v.present, v.yes, v.no, v.abstain, written.yes, written.no, written.abstain];
  if (all.some((n) => !Number.isInteger(n) || n < 0)) return '人数和票数须为非负整数';
  if (v.present > v.expected) return '实到会有表决权党员不能多于应到';
  if (v.yes + v.no + v.abstain > v.present) return '赞成、反对、弃权票之和不能多于实到会有表决权党员';
  if (written.yes + written.no + written.abstain > v.expected - v.present) return '书面意见不能多于未到会的应到党员';
  return null;
}

const QUORUM_WORDS: Record<QuorumRule, string> = { more_than_half: '半数', more_than_four_fifths: '五分之四' };

/** The result follows from the counts, never typed; the explanation says why, in one sentence. */
export function voteResultOf(v: VoteCountInput): VoteOutcome {
  const refusal = voteAllowedAt(v.kind, v.meetingType);
  const w = countsWrittenOpinions(v.kind) && v.written ? v.written : { yes: 0, no: 0, abstain: 0 };
  const written = { ...w, count: w.yes + w.no + w.abstain };
  const rule = quorumRuleOf(v.kind);
  const quorumNeeded = requiredPresent(v.expected, rule);
  const quorum = { rule, of: v.expected, needed: quorumNeeded, present: v.present, reached: v.present >= quorumNeeded };
  const kind = divisorOf(v.kind, v.meetingType);
  const value = kind === 'present' ? v.present : v.expected;
  const divisor = { kind, name: DIVISOR_LABELS[kind], value };
  const needed = moreThanHalf(value);
  const yes = v.yes + w.yes;
  const adopted = refusal === null && quorum.reached && yes >= needed;
  const outcome = { yes, no: v.no + w.no, abstain: v.abstain + w.abstain, written, divisor, needed, quorum, refusal };
  return { ...outcome, adopted, explanation: explain(v, outcome, adopted) };
}

function explain(v: VoteCountInput, o: Omit<VoteOutcome, 'adopted' | 'explanation'>, adopted: boolean): string {
  if (o.refusal) return o.refusal;
  const committee = o.divisor.kind === 'committee';
  const presentName = committee ? '到会委员' : '到会有表决权党员';
  const ofName = committee ? DIVISOR_LABELS.committee : '应到会有表决权党员';
  if (v.expected === 0) return `${ofName}为 0 人，不能表决`;
  if (!o.quorum.reached) {
    const part = QUORUM_WORDS[o.quorum.rule];
    return `${presentName} ${v.present} 人，未超过${ofName} ${v.expected} 人的${part}（需 ${o.quorum.needed} 人），不足法定人数，不能表决`;
  }
  const writtenNote = o.written.yes > 0 ? `（含书面意见 ${o.written.yes} 份）` : '';
  const verdict = v.kind === 'election' ? (adopted ? '当选' : '未当选') : adopted ? '通过' : '未通过';
  const over = adopted ? '超过' : '未超过';
  return `赞成 ${o.yes} 票${writtenNote}，${over}${o.divisor.name} ${o.divisor.value} 人的半数（需 ${o.needed} 票），${verdict}`;
}
