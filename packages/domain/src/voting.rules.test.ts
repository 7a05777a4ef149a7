import { describe, expect, it } from 'vitest';
import type { MeetingType } from './meetings.rules.ts';
import {
  entitlementOf,
  tallyAttendance,
  tallyVote,
  type DisciplinePeriod,
  type ResolutionKind,
  type VoteAttendee,
  type VoterPerson,
  type VotingMeeting,
} from './voting.rules.ts';

/** 2026-05-20 15:00 at the court. */
const START = new Date('2026-05-20T07:00:00Z');
const before = (ms: number) => new Date(START.getTime() - ms);
const BRANCH = 'branch-1';
const CELL = 'cell-1';

const meeting = (type: MeetingType = 'branch_general', extra: Partial<VotingMeeting> = {}): VotingMeeting => ({
  type,
  startsAt: START,
  memberUnitIds: [BRANCH, CELL],
  committeeIds: ['sec', 'c2', 'c3', 'c4', 'c5'],
  ...extra,
});

const person = (over: Partial<VoterPerson> = {}): VoterPerson => ({
  id: 'p',
  status: 'full',
  joinedOn: '2000-07-01',
  confirmedOn: '2001-07-01',
  orgUnitId: CELL,
  retired: false,
  ...over,
});

const lcck = (from: string, to: string | null): DisciplinePeriod[] => [{ kind: 'probation_in_party', from, to }];

describe('who is entitled to vote at a 支部党员大会', () => {
  it.each<[string, Partial<VoterPerson>, boolean, string]>([
    ['serving full member of a cell of the branch', {}, true, '正式党员，有表决权'],
    ['full member attached to the branch itself', { orgUnitId: BRANCH }, true, '正式党员，有表决权'],
    ['retired full member', { retired: true }, true, '退休正式党员，有表决权'],
    ['probationary member', { status: 'probationary', confirmedOn: null }, false, '预备党员没有表决权'],
    ['full today, confirmed the day after the meeting', { confirmedOn: '2026-05-21' }, false, '预备党员没有表决权'],
    ['confirmed on the meeting day', { confirmedOn: '2026-05-20' }, true, '正式党员，有表决权'],
    [
      'joined after the meeting',
      { joinedOn: '2026-06-01', confirmedOn: null },
      false,
      '非党员列席，没有表决权，不计入',
    ],
    ['non-party staff (群众)', { status: 'non_party' }, false, '非党员列席，没有表决权，不计入'],
    ['no membership at all', { status: null }, false, '非党员列席，没有表决权，不计入'],
    [
      'applicant attached to the branch',
      { status: 'applicant', orgUnitId: BRANCH },
      false,
      '非党员列席，没有表决权，不计入',
    ],
    ['member of another branch', { orgUnitId: 'branch-2' }, false, '非本组织党员，列席不计入'],
    ['member without organisation', { orgUnitId: null }, false, '非本组织党员，列席不计入'],
    ['留党察看 before the meeting day', { discipline: lcck('2025-05-21', '2026-05-19') }, true, '正式党员，有表决权'],
    [
      '留党察看 ending on the meeting day',
      { discipline: lcck('2025-05-21', '2026-05-20') },
      false,
      '留党察看期间没有表决权',
    ],
    [
      '留党察看 starting on the meeting day',
      { discipline: lcck('2026-05-20', '2027-05-19') },
      false,
      '留党察看期间没有表决权',
    ],
    ['留党察看 after the meeting day', { discipline: lcck('2026-05-21', '2027-05-20') }, true, '正式党员，有表决权'],
    ['留党察看 without an end yet', { discipline: lcck('2026-01-01', null) }, false, '留党察看期间没有表决权'],
    [
      'rights suspended (留置)',
      { discipline: [{ kind: 'rights_suspended', from: '2026-05-01', to: null }] },
      false,
      '暂停党员权利期间没有表决权',
    ],
    [
      'rights restored the day before',
      { discipline: [{ kind: 'rights_suspended', from: '2026-03-01', to: '2026-05-19' }] },
      true,
      '正式党员，有表决权',
    ],
  ])('%s', (_name, over, entitled, reason) => {
    const e = entitlementOf(person(over), meeting());
    expect(e).toMatchObject({ entitled, counts: entitled, reason });
  });

  it('counts the members of every unit below a 党总支 at its 党员大会', () => {
    const general = meeting('branch_general', { memberUnitIds: ['general-1', BRANCH, CELL, 'branch-3'] });
    expect(entitlementOf(person({ orgUnitId: 'branch-3' }), general).entitled).toBe(true);
    expect(entitlementOf(person({ orgUnitId: 'branch-4' }), general).entitled).toBe(false);
  });

  it('reads discipline on the court day, not the UTC day', () => {
    // 2026-05-20T17:00Z is 2026-05-21 01:00 at the court: the first day of the 留党察看.
    const late = meeting('branch_general', { startsAt: new Date('2026-05-20T17:00:00Z') });
    expect(entitlementOf(person({ discipline: lcck('2026-05-21', null) }), late).entitled).toBe(false);
  });
});

describe('who counts at a 支委会', () => {
  it.each<[string, Partial<VoterPerson>, boolean, string]>([
    ['committee member', { id: 'c2' }, true, '支部委员，有表决权'],
    ['secretary, retired', { id: 'sec', retired: true }, true, '支部委员，有表决权'],
    ['full member of the branch, not on the committee', { id: 'm1' }, false, '支委会只计支部委员，列席人员不计入'],
    ['guest', { id: 'g', status: 'non_party' }, false, '支委会只计支部委员，列席人员不计入'],
    [
      'committee member under 留党察看',
      { id: 'c3', discipline: lcck('2026-01-01', null) },
      false,
      '留党察看期间没有表决权',
    ],
  ])('%s', (_name, over, entitled, reason) => {
    expect(entitlementOf(person(over), meeting('branch_committee'))).toMatchObject({ entitled, reason });
  });

  it('does not apply exemptions to the committee', () => {
    const exemption = { reason: '长期外出', grantedAt: before(86_400_000) };
    expect(entitlementOf(person({ id: 'c2' }), meeting('branch_committee'), { exemption }).counts).toBe(true);
  });
});

describe('exemptions and 应到', () => {
  const exemptionAt = (grantedAt: Date, reason = '年老体弱') => ({ reason, grantedAt });
  it.each<[string, Date, string, boolean, boolean]>([
    ['granted the day before, absent', before(86_400_000), '年老体弱', false, false],
    ['granted one second before the start, absent', before(1000), '年老体弱', false, false],
    ['granted exactly at the start: not taken', START, '年老体弱', false, true],
    ['granted after the start: not taken', new Date(START.getTime() + 60_000), '年老体弱', false, true],
    ['granted without a reason: not taken', before(86_400_000), '  ', false, true],
    ['exempted but attends: expected and present', before(86_400_000), '年老体弱', true, true],
  ])('%s', (_name, grantedAt, reason, present, counts) => {
    const e = entitlementOf(person(), meeting(), { exemption: exemptionAt(grantedAt, reason), present });
    expect(e.entitled).toBe(true);
    expect(e.counts).toBe(counts);
  });

  it('explains an exemption with its reason', () => {
    const e = entitlementOf(person({ retired: true }), meeting(), { exemption: exemptionAt(before(1000)) });
    expect(e.reason).toBe('退休正式党员，因“年老体弱”免于参加，不计入应到');
  });
});

/** A branch as the demo court has it: 50 full members (some retired), 4 probationary, a guest and a visitor. */
function branchAttendance(presentFull: number): VoteAttendee[] {
  const full = Array.from({ length: 50 }, (_, i) => ({
    person: person({ id: `f${String(i)}`, retired: i % 3 === 0 }),
    present: i < presentFull,
  }));
  const probationary = Array.from({ length: 4 }, (_, i) => ({
    person: person({ id: `y${String(i)}`, status: 'probationary', confirmedOn: null }),
    present: true,
  }));
  const guest = { person: person({ id: 'guest', status: 'non_party', orgUnitId: null }), present: true };
  const visitor = { person: person({ id: 'visitor', orgUnitId: 'branch-2' }), present: true };
  return [...full, ...probationary, guest, visitor];
}

describe('tallyVote', () => {
  it('gives 应到 and 实到 before any vote, with every attendee’s reason', () => {
    const t = tallyAttendance(meeting(), branchAttendance(26));
    expect(t).toMatchObject({ entitled: 50, expected: 50, present: 26 });
    expect(t.rows.at(-1)).toMatchObject({ personId: 'visitor', counts: false, reason: '非本组织党员，列席不计入' });
  });

  it('counts only the organisation’s own entitled members, retired included', () => {
    const t = tallyVote(meeting(), 'general_resolution', branchAttendance(30));
    expect(t).toMatchObject({ entitled: 50, expected: 50, present: 30 });
  });

  it('takes exempted members out of 应到 unless they attend', () => {
    const attendees = branchAttendance(30).map((a, i) =>
      i >= 28 && i < 34 ? { ...a, exemption: { reason: '长期外出', grantedAt: before(3_600_000) } } : a,
    );
    // f28, f29 exempted but present; f30–f33 exempted and absent.
    expect(tallyVote(meeting(), 'admission', attendees)).toMatchObject({ entitled: 50, expected: 46, present: 30 });
  });

  const withOpinion = (a: VoteAttendee, submittedAt: Date, stance: 'yes' | 'no' = 'yes'): VoteAttendee => ({
    ...a,
    writtenOpinion: { stance, submittedAt },
  });

  it.each<[string, ResolutionKind, number, Date, number, string | null]>([
    ['entitled and absent, before the meeting', 'admission', 40, before(60_000), 1, null],
    ['entitled and absent, for a confirmation', 'confirmation', 40, before(60_000), 1, null],
    ['handed in at the start', 'admission', 40, START, 0, '书面意见须在会议召开前提交，会后提交的不计入'],
    ['from a member who attends', 'admission', 0, before(60_000), 0, '本人已到会表决，书面意见不计入'],
    ['from a probationary member', 'admission', 51, before(60_000), 0, '书面意见不计入：预备党员没有表决权'],
    ['from a guest', 'admission', 54, before(60_000), 0, '书面意见不计入：非党员列席，没有表决权，不计入'],
    [
      'in a general resolution',
      'general_resolution',
      40,
      before(60_000),
      0,
      '书面意见只在接收预备党员、预备党员转正的表决中计入',
    ],
  ])('written opinion %s', (_name, kind, index, submittedAt, counted, refusal) => {
    const attendees = branchAttendance(30).map((a, i) => (i === index ? withOpinion(a, submittedAt) : a));
    const t = tallyVote(meeting(), kind, attendees);
    expect(t.written.yes).toBe(counted);
    expect(t.refusedOpinions.map((r) => r.reason)).toEqual(refusal ? [refusal] : []);
  });

  it('counts an exempted member’s written opinion and puts the member back in 应到', () => {
    const attendees = branchAttendance(30).map((a, i) =>
      i === 45 ? withOpinion({ ...a, exemption: { reason: '外出学习', grantedAt: before(86_400_000) } }, before(1)) : a,
    );
    const t = tallyVote(meeting(), 'admission', attendees);
    expect(t).toMatchObject({ expected: 50, present: 30, written: { yes: 1, no: 0, abstain: 0 } });
    expect(t.rows[45]?.code).toBe('exemptedButTookPart');
  });
});
