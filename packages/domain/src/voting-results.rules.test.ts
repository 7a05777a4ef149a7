import { describe, expect, it } from 'vitest';
import type { MeetingType } from './meetings.rules.ts';
import {
  findVoteCountProblem,
  requiredPresent,
  voteAllowedAt,
  voteResultOf,
  type QuorumRule,
  type ResolutionKind,
  type VoteCountInput,
} from './voting.rules.ts';

describe('requiredPresent', () => {
  it.each<[number, QuorumRule, number]>([
    [0, 'more_than_half', 1],
    [1, 'more_than_half', 1],
    [2, 'more_than_half', 2],
    [5, 'more_than_half', 3],
    [6, 'more_than_half', 4],
    [50, 'more_than_half', 26],
    [51, 'more_than_half', 26],
    [0, 'more_than_four_fifths', 1],
    [5, 'more_than_four_fifths', 5],
    [7, 'more_than_four_fifths', 6],
    [10, 'more_than_four_fifths', 9],
    [45, 'more_than_four_fifths', 37],
    [50, 'more_than_four_fifths', 41],
  ])('%i with %s needs %i', (n, rule, needed) => {
    expect(requiredPresent(n, rule)).toBe(needed);
  });
});

const vote = (over: Partial<VoteCountInput>): VoteCountInput => ({
  kind: 'general_resolution',
  meetingType: 'branch_general',
  expected: 50,
  present: 30,
  yes: 0,
  no: 0,
  abstain: 0,
  ...over,
});

describe('quorum', () => {
  it.each<[string, Partial<VoteCountInput>, boolean]>([
    ['exactly half of 应到 present', { expected: 50, present: 25, yes: 25 }, false],
    ['one more than half present', { expected: 50, present: 26, yes: 26 }, true],
    ['election, exactly four fifths present', { kind: 'election', expected: 45, present: 36, yes: 36 }, false],
    ['election, four fifths plus one present', { kind: 'election', expected: 45, present: 37, yes: 37 }, true],
    ['election, 40 of 50 present', { kind: 'election', expected: 50, present: 40, yes: 40 }, false],
    ['支委会, 2 of 4 committee members', { meetingType: 'branch_committee', expected: 4, present: 2, yes: 2 }, false],
    ['支委会, 3 of 5 committee members', { meetingType: 'branch_committee', expected: 5, present: 3, yes: 3 }, true],
  ])('%s', (_name, over, reached) => {
    const r = voteResultOf(vote(over));
    expect(r.quorum.reached).toBe(reached);
    expect(r.adopted).toBe(reached);
  });

  it('explains a missing quorum', () => {
    expect(voteResultOf(vote({ present: 25, yes: 25 })).explanation).toBe(
      '到会有表决权党员 25 人，未超过应到会有表决权党员 50 人的半数（需 26 人），不足法定人数，不能表决',
    );
    expect(voteResultOf(vote({ kind: 'election', present: 40, yes: 40 })).explanation).toBe(
      '到会有表决权党员 40 人，未超过应到会有表决权党员 50 人的五分之四（需 41 人），不足法定人数，不能表决',
    );
  });
});

describe('results', () => {
  it.each<[string, Partial<VoteCountInput>, boolean, string]>([
    [
      'resolution: more than half of those present but not of 应到 fails',
      { present: 30, yes: 20, no: 10 },
      false,
      '赞成 20 票，未超过应到会有表决权党员 50 人的半数（需 26 票），未通过',
    ],
    [
      'resolution: exactly half of 应到',
      { present: 40, yes: 25 },
      false,
      '赞成 25 票，未超过应到会有表决权党员 50 人的半数（需 26 票），未通过',
    ],
    [
      'resolution: one more than half of 应到',
      { present: 40, yes: 26 },
      true,
      '赞成 26 票，超过应到会有表决权党员 50 人的半数（需 26 票），通过',
    ],
    [
      'admission with written opinions',
      { kind: 'admission', present: 30, yes: 24, no: 6, written: { yes: 2, no: 0, abstain: 0 } },
      true,
      '赞成 26 票（含书面意见 2 份），超过应到会有表决权党员 50 人的半数（需 26 票），通过',
    ],
    [
      'confirmation short by one',
      { kind: 'confirmation', present: 30, yes: 24, written: { yes: 1, no: 1, abstain: 0 } },
      false,
      '赞成 25 票（含书面意见 1 份），未超过应到会有表决权党员 50 人的半数（需 26 票），未通过',
    ],
    [
      'written opinions are not counted in a general resolution',
      { present: 30, yes: 24, written: { yes: 2, no: 0, abstain: 0 } },
      false,
      '赞成 24 票，未超过应到会有表决权党员 50 人的半数（需 26 票），未通过',
    ],
    [
      '支委会: more than half of those present is not enough',
      { meetingType: 'branch_committee', expected: 5, present: 3, yes: 2, no: 1 },
      false,
      '赞成 2 票，未超过支部委员会委员 5 人的半数（需 3 票），未通过',
    ],
    [
      '支委会: more than half of the committee',
      { meetingType: 'branch_committee', expected: 5, present: 4, yes: 3 },
      true,
      '赞成 3 票，超过支部委员会委员 5 人的半数（需 3 票），通过',
    ],
    [
      'election: more than half of those present',
      { kind: 'election', present: 45, yes: 23, no: 22 },
      true,
      '赞成 23 票，超过实到会有选举权党员 45 人的半数（需 23 票），当选',
    ],
    [
      'election: exactly half of those present',
      { kind: 'election', present: 44, yes: 22, no: 22 },
      false,
      '赞成 22 票，未超过实到会有选举权党员 44 人的半数（需 23 票），未当选',
    ],
  ])('%s', (_name, over, adopted, explanation) => {
    const r = voteResultOf(vote(over));
    expect(r.adopted).toBe(adopted);
    expect(r.explanation).toBe(explanation);
  });

  it('counts an "other" vote at a 党小组会 against the cell’s 应到', () => {
    const r = voteResultOf(vote({ kind: 'other', meetingType: 'cell', expected: 8, present: 5, yes: 5 }));
    expect(r).toMatchObject({ adopted: true, divisor: { kind: 'expected', value: 8 }, needed: 5 });
  });

  it('returns the counts, the divisor and what was needed', () => {
    const r = voteResultOf(
      vote({ kind: 'admission', present: 30, yes: 24, no: 4, abstain: 2, written: { yes: 2, no: 1, abstain: 0 } }),
    );
    expect(r).toMatchObject({
      yes: 26,
      no: 5,
      abstain: 2,
      written: { count: 3, yes: 2, no: 1, abstain: 0 },
      divisor: { kind: 'expected', name: '应到会有表决权党员', value: 50 },
      needed: 26,
      quorum: { rule: 'more_than_half', of: 50, needed: 26, present: 30, reached: true },
      adopted: true,
    });
  });
});

describe('where a vote may be taken', () => {
  it.each<[ResolutionKind, MeetingType, string | null]>([
    ['admission', 'branch_general', null],
    ['confirmation', 'branch_general', null],
    ['election', 'branch_general', null],
    ['general_resolution', 'branch_general', null],
    ['general_resolution', 'branch_committee', null],
    ['other', 'cell', null],
    ['other', 'theme_day', null],
    [
      'admission',
      'cell',
      '接收预备党员须由支部党员大会讨论决定（《中国共产党发展党员工作细则》第二十八条），党小组会不能表决',
    ],
    [
      'admission',
      'branch_committee',
      '接收预备党员须由支部党员大会讨论决定（《中国共产党发展党员工作细则》第二十八条），支部委员会不能表决',
    ],
    [
      'confirmation',
      'theme_day',
      '预备党员转正须由支部党员大会讨论决定（《中国共产党发展党员工作细则》第三十三条），主题党日不能表决',
    ],
    [
      'election',
      'branch_committee',
      '选举须在党员大会上进行（《中国共产党基层组织选举工作条例》），支部委员会不能进行选举',
    ],
    [
      'general_resolution',
      'cell',
      '决议须由支部党员大会或支部委员会作出（《中国共产党支部工作条例（试行）》第十一条），党小组会不能表决',
    ],
  ])('%s at %s', (kind, type, refusal) => {
    expect(voteAllowedAt(kind, type)).toBe(refusal);
  });

  it('adopts nothing at the wrong meeting type, whatever the counts', () => {
    const r = voteResultOf(vote({ kind: 'admission', meetingType: 'cell', present: 50, yes: 50 }));
    expect(r.adopted).toBe(false);
    expect(r.explanation).toBe(voteAllowedAt('admission', 'cell'));
  });
});

describe('findVoteCountProblem', () => {
  it.each<[Partial<VoteCountInput>, string | null]>([
    [{ present: 30, yes: 20, no: 5, abstain: 5 }, null],
    [{ present: 30, yes: 20, no: 6, abstain: 5 }, '赞成、反对、弃权票之和不能多于实到会有表决权党员'],
    [{ present: 51 }, '实到会有表决权党员不能多于应到'],
    [{ yes: -1 }, '人数和票数须为非负整数'],
    [{ yes: 1.5 }, '人数和票数须为非负整数'],
    [{ present: 48, written: { yes: 2, no: 0, abstain: 0 } }, null],
    [{ present: 49, written: { yes: 2, no: 0, abstain: 0 } }, '书面意见不能多于未到会的应到党员'],
  ])('%o', (over, problem) => {
    expect(findVoteCountProblem(vote(over))).toBe(problem);
  });
});

describe('small branches (rules.md: a branch of 6 has no committee, a branch of 7 has one)', () => {
  const small = (expected: number, present: number, yes: number) =>
    voteResultOf({
      kind: 'general_resolution',
      meetingType: 'branch_general',
      expected,
      present,
      yes,
      no: 0,
      abstain: 0,
    });
  it.each<[number, number, number, boolean, boolean]>([
    // 应到, present, yes, quorum reached, adopted
    [6, 3, 3, false, false], // exactly half present
    [6, 4, 3, true, false], // exactly half of 应到 voting yes
    [6, 4, 4, true, true],
    [7, 3, 3, false, false],
    [7, 4, 4, true, true], // 4 of 7 is more than half
    [7, 7, 3, true, false],
  ])('应到 %i, %i present, %i yes', (expected, present, yes, reached, adopted) => {
    const r = small(expected, present, yes);
    expect(r.quorum.reached).toBe(reached);
    expect(r.adopted).toBe(adopted);
  });

  it('an admission at a branch of 7 full members, one exempted: 应到 6, needs 4 yes', () => {
    const r = voteResultOf({
      kind: 'admission',
      meetingType: 'branch_general',
      expected: 6,
      present: 4,
      yes: 3,
      no: 1,
      abstain: 0,
      written: { yes: 1, no: 0, abstain: 0 },
    });
    expect(r).toMatchObject({ needed: 4, adopted: true, written: { count: 1 } });
  });
});
