import { describe, expect, it } from 'vitest';
import {
  canHoldMeetingAt,
  monthsOfPeriod,
  parsePeriod,
  periodOf,
  periodRange,
  periodsOfYear,
  periodTiming,
} from './meetings.rules.ts';
import { findVoteCountProblem, requiredPresent, voteResultOf } from './voting.rules.ts';
import { attendanceSummaryOf } from './meetings-attendance.rules.ts';
import type { EntitlementCode } from './voting.rules.ts';
import {
  acceptedSignInWindows,
  signInState,
  signInWindowEndsAt,
  signInWindowIndex,
  truncateToCode,
} from './meetings-sign-in.rules.ts';

const at = (iso: string) => new Date(iso);

describe('periods in Asia/Shanghai', () => {
  it('puts an instant in the Shanghai month, quarter and year, across every kind of end', () => {
    // 17:00Z on 31 March is 01:00 on 1 April in Shanghai.
    expect(periodOf(at('2026-03-31T17:00:00Z'), 'monthly')).toBe('2026-04');
    expect(periodOf(at('2026-03-31T15:59:59Z'), 'monthly')).toBe('2026-03');
    expect(periodOf(at('2026-03-31T16:00:00Z'), 'monthly')).toBe('2026-04');
    expect(periodOf(at('2026-03-31T15:59:59Z'), 'quarterly')).toBe('2026-Q1');
    expect(periodOf(at('2026-03-31T16:00:00Z'), 'quarterly')).toBe('2026-Q2');
    expect(periodOf(at('2026-12-31T15:59:59Z'), 'yearly')).toBe('2026');
    expect(periodOf(at('2026-12-31T16:00:00Z'), 'yearly')).toBe('2027');
    expect(periodOf(at('2026-12-31T16:00:00Z'), 'quarterly')).toBe('2027-Q1');
    expect(periodOf(at('2026-12-31T16:00:00Z'), 'monthly')).toBe('2027-01');
    expect(periodOf(at('2026-09-30T16:00:00Z'), 'quarterly')).toBe('2026-Q4');
    expect(periodOf(at('2028-02-29T12:00:00Z'), 'monthly')).toBe('2028-02');
  });

  it('lists the periods of a year', () => {
    expect(periodsOfYear(2026, 'monthly')).toHaveLength(12);
    expect(periodsOfYear(2026, 'monthly')[0]).toBe('2026-01');
    expect(periodsOfYear(2026, 'monthly')[11]).toBe('2026-12');
    expect(periodsOfYear(2026, 'quarterly')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsOfYear(2026, 'yearly')).toEqual(['2026']);
  });

  it('parses periods and refuses anything else', () => {
    expect(parsePeriod('2026-03')).toEqual({ year: 2026, firstMonth: 3, lastMonth: 3 });
    expect(parsePeriod('2026-Q4')).toEqual({ year: 2026, firstMonth: 10, lastMonth: 12 });
    expect(parsePeriod('2026')).toEqual({ year: 2026, firstMonth: 1, lastMonth: 12 });
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '26', '2026-3', 'x']) expect(parsePeriod(bad), bad).toBeNull();
    expect(monthsOfPeriod('2026-Q2')).toEqual(['2026-04', '2026-05', '2026-06']);
  });

  it('gives the instants a period spans, Shanghai midnight to Shanghai midnight', () => {
    expect(periodRange('2026-03')).toEqual({ from: at('2026-02-28T16:00:00Z'), to: at('2026-03-31T16:00:00Z') });
    expect(periodRange('2026-Q4')).toEqual({ from: at('2026-09-30T16:00:00Z'), to: at('2026-12-31T16:00:00Z') });
    expect(periodRange('2026')).toEqual({ from: at('2025-12-31T16:00:00Z'), to: at('2026-12-31T16:00:00Z') });
    expect(periodRange('2024-02').to).toEqual(at('2024-02-29T16:00:00Z'));
  });

  it('says whether a period is past, current or future on a Shanghai day', () => {
    expect(periodTiming('2026-03', '2026-03-31')).toBe('current');
    expect(periodTiming('2026-03', '2026-04-01')).toBe('past');
    expect(periodTiming('2026-Q2', '2026-03-31')).toBe('future');
    expect(periodTiming('2026-Q2', '2026-06-30')).toBe('current');
    expect(periodTiming('2026', '2027-01-01')).toBe('past');
    expect(periodTiming('2026', '2025-12-31')).toBe('future');
  });
});

describe('where meetings are held', () => {
  it('a 党小组会 at a cell, a 民主生活会 at the 党组', () => {
    expect(canHoldMeetingAt('cell', 'cell')).toBe(true);
    expect(canHoldMeetingAt('cell', 'branch')).toBe(false);
    expect(canHoldMeetingAt('democratic_life', 'party_group')).toBe(true);
    expect(canHoldMeetingAt('democratic_life', 'branch')).toBe(false);
    expect(canHoldMeetingAt('branch_general', 'cell')).toBe(false);
  });
});

describe('quorum and votes', () => {
  it('needs more than half present', () => {
    expect(requiredPresent(34, 'more_than_half')).toBe(18);
    expect(requiredPresent(35, 'more_than_half')).toBe(18);
    expect(requiredPresent(5, 'more_than_half')).toBe(3);
    const meet = (expected: number, present: number) =>
      voteResultOf({
        kind: 'general_resolution',
        meetingType: 'branch_general',
        expected,
        present,
        yes: 0,
        no: 0,
        abstain: 0,
      }).quorum.reached;
    expect(meet(34, 17)).toBe(false);
    expect(meet(34, 18)).toBe(true);
    expect(meet(0, 0)).toBe(false);
  });

  // Corrected (issue 9): this test used to assert "more than half of those present". The rule
  // (《支部工作条例》art. 11) is more than half of 应到会有表决权的党员: 11 yes of 20 present
  // with 30 expected is not enough; 16 is.
  it('adopts a general resolution of the 党员大会 with more than half of 应到 voting yes, not of those present', () => {
    const base = {
      kind: 'general_resolution' as const,
      meetingType: 'branch_general' as const,
      expected: 30,
      present: 20,
    };
    const vote = (yes: number) => voteResultOf({ ...base, yes, no: 0, abstain: 0 });
    expect(vote(11)).toMatchObject({ divisor: { kind: 'expected', value: 30 }, needed: 16, adopted: false });
    expect(vote(15).adopted).toBe(false);
    expect(vote(16).adopted).toBe(true);
  });

  it('admits a member only with yes votes from more than half of all entitled, and only with a quorum', () => {
    const base = { kind: 'admission' as const, meetingType: 'branch_general' as const, expected: 30, present: 20 };
    const vote = (yes: number, present = 20) => voteResultOf({ ...base, present, yes, no: 0, abstain: 0 });
    expect(vote(15)).toMatchObject({ divisor: { kind: 'expected' }, needed: 16, adopted: false });
    expect(vote(16).adopted).toBe(true);
    expect(voteResultOf({ ...base, kind: 'confirmation', yes: 16, no: 0, abstain: 0 }).adopted).toBe(true);
    const noQuorum = vote(15, 15);
    expect(noQuorum.quorum.reached).toBe(false);
    expect(noQuorum.adopted).toBe(false);
  });

  it('refuses counts that cannot be', () => {
    const v = { kind: 'general_resolution' as const, meetingType: 'branch_general' as const, expected: 10, present: 8 };
    expect(findVoteCountProblem({ ...v, yes: 5, no: 2, abstain: 1 })).toBeNull();
    expect(findVoteCountProblem({ ...v, yes: 5, no: 2, abstain: 2 })).toContain('不能多于实到');
    expect(findVoteCountProblem({ ...v, present: 11, yes: 5, no: 2, abstain: 1 })).toContain('不能多于应到');
    expect(findVoteCountProblem({ ...v, yes: 5, no: -1, abstain: 1 })).toContain('非负整数');
  });
});

describe('sign-in window and code rotation', () => {
  const start = at('2026-05-20T07:00:00Z');
  it('opens 20 minutes before the start and closes 30 minutes after, ends included', () => {
    expect(signInState(start, at('2026-05-20T06:39:59Z'))).toBe('notYet');
    expect(signInState(start, at('2026-05-20T06:40:00Z'))).toBe('open');
    expect(signInState(start, at('2026-05-20T07:30:00Z'))).toBe('open');
    expect(signInState(start, at('2026-05-20T07:30:01Z'))).toBe('closed');
  });

  it('rotates every 30 seconds and accepts the previous code only in the first 5 seconds', () => {
    const t = at('2026-05-20T07:00:00Z');
    const w = signInWindowIndex(t);
    expect(signInWindowIndex(new Date(t.getTime() + 29_999))).toBe(w);
    expect(signInWindowIndex(new Date(t.getTime() + 30_000))).toBe(w + 1);
    expect(signInWindowEndsAt(t)).toEqual(new Date(t.getTime() + 30_000));
    expect(acceptedSignInWindows(t)).toEqual([w, w - 1]);
    expect(acceptedSignInWindows(new Date(t.getTime() + 4_999))).toEqual([w, w - 1]);
    expect(acceptedSignInWindows(new Date(t.getTime() + 5_000))).toEqual([w]);
    expect(acceptedSignInWindows(new Date(t.getTime() + 29_999))).toEqual([w]);
  });

  it('truncates an HMAC to six digits as RFC 4226 does', () => {
    // RFC 4226 appendix D, count 0: HMAC-SHA1 of "12345678901234567890" → 755224.
    const hmac = Uint8Array.from(Buffer.from('cc93cf18508d94934c64b65d8ba7667fb7cde4b0', 'hex'));
    expect(truncateToCode(hmac)).toBe('755224');
  });
});

describe('attendance', () => {
  const row = (
    counts: boolean,
    code: EntitlementCode,
    state: 'pending' | 'present' | 'leave' | 'absent',
    leaveApproved = false,
  ) => ({
    counts,
    code,
    state,
    leaveApproved,
  });
  it('counts 应到 and 实到 of the counted only; an exempted member who comes counts in both; leave only when approved', () => {
    const s = attendanceSummaryOf([
      row(true, 'entitled', 'present'),
      row(true, 'entitled', 'present'),
      row(true, 'entitled', 'leave', true),
      row(true, 'entitled', 'leave', false),
      row(true, 'entitled', 'absent'),
      row(true, 'entitled', 'pending'),
      row(false, 'exempted', 'pending'),
      row(true, 'exemptedButTookPart', 'present'),
      row(false, 'notPartyMember', 'present'),
    ]);
    expect(s).toEqual({
      expected: 7,
      attended: 3,
      leave: 1,
      leaveRequested: 1,
      absent: 1,
      pending: 1,
      exempt: 1,
      notCounted: 1,
    });
  });

  it('expects members without a vote (预备党员, 留党察看, rights suspended) at organisational life: in 应到 and 实到, never in the quorum', () => {
    const s = attendanceSummaryOf([
      row(true, 'entitled', 'present'),
      row(false, 'probationary', 'present'),
      row(false, 'probationInParty', 'absent'),
      row(false, 'rightsSuspended', 'pending'),
      row(false, 'otherOrganisation', 'present'),
      row(false, 'notCommitteeMember', 'present'),
    ]);
    expect(s).toMatchObject({ expected: 4, attended: 2, absent: 1, pending: 1, notCounted: 2 });
  });
});
