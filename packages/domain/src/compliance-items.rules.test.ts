import { describe, expect, it } from 'vitest';
import {
  complianceReminderText,
  democraticLifeReportCheck,
  democraticLifeReportItem,
  pairsOfTalk,
  periodLabel,
  reportDateProblem,
  requiredTalkPairs,
  secretaryLectureItem,
  talkPairKey,
  talkPairsItem,
} from './compliance-items.rules.ts';
import { complianceState } from './meetings-compliance.rules.ts';

describe('periods in Chinese', () => {
  it.each([
    ['2026-03', '2026年3月'],
    ['2026-12', '2026年12月'],
    ['2026-Q1', '2026年第一季度'],
    ['2026-Q4', '2026年第四季度'],
    ['2026', '2026年度'],
    ['junk', 'junk'],
  ])('%s → %s', (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });
});

describe('民主生活会 reported 10–15 days ahead', () => {
  // 18 December at 09:00 in Beijing.
  const startsAt = new Date('2026-12-18T01:00:00Z');
  it.each<[string | null, string, number | null]>([
    [null, 'missing', null],
    ['2026-12-02', 'early', 16],
    ['2026-12-03', 'onTime', 15],
    ['2026-12-08', 'onTime', 10],
    ['2026-12-09', 'late', 9],
    ['2026-12-19', 'late', -1],
  ])('reported on %s: %s (%s days ahead)', (reportedOn, timing, daysAhead) => {
    const check = democraticLifeReportCheck(reportedOn, startsAt);
    expect(check.timing).toBe(timing);
    expect(check.daysAhead).toBe(daysAhead);
  });

  it('counts in Beijing days: a meeting at 07:00 on the 18th is the 18th, not the UTC 17th', () => {
    expect(democraticLifeReportCheck('2026-12-08', new Date('2026-12-17T23:00:00Z')).daysAhead).toBe(10);
  });

  it('says why in Chinese', () => {
    expect(democraticLifeReportCheck('2026-12-09', startsAt).message).toBe(
      '2026-12-09报告，会前9天，晚于规定（应于会前10至15天向上级党组织报告会议时间和主题）',
    );
  });

  it('is met by a meeting reported in time, and says why not otherwise', () => {
    expect(democraticLifeReportItem('g', 2026, [{ startsAt, reportedOn: '2026-12-05' }])).toMatchObject({
      type: 'democratic_life_report',
      period: '2026',
      held: 1,
    });
    const late = democraticLifeReportItem('g', 2026, [{ startsAt, reportedOn: '2026-12-12' }]);
    expect(late.held).toBe(0);
    expect(late.note).toMatch(/^报告过晚：/);
    expect(democraticLifeReportItem('g', 2026, []).note).toBe('2026年度民主生活会尚未安排；安排后登记向上级报告的日期');
  });

  it('refuses a report date on another type or after the meeting', () => {
    expect(reportDateProblem('democratic_life', '2026-12-18', startsAt)).toBeNull();
    expect(reportDateProblem('democratic_life', '2026-12-19', startsAt)).toBe('报告日期不能晚于会议日期');
    expect(reportDateProblem('org_life', '2026-12-01', startsAt)).toBe('只有民主生活会需要登记向上级报告的日期');
    expect(reportDateProblem('org_life', null, startsAt)).toBeNull();
  });
});

describe('谈心谈话 per pair', () => {
  it('pairs the committee among itself and the secretary with every other member', () => {
    const pairs = requiredTalkPairs({
      secretaryId: 's',
      committeeIds: ['a', 'b'],
      memberIds: ['s', 'a', 'b', 'm1', 'm2'],
    });
    expect(pairs.map(([x, y]) => talkPairKey(x, y)).sort()).toEqual(['a:b', 'a:s', 'b:s', 'm1:s', 'm2:s']);
  });

  it('without a secretary, the first committee member is responsible; nothing to pair, nothing required', () => {
    expect(requiredTalkPairs({ secretaryId: null, committeeIds: ['a'], memberIds: ['m'] })).toEqual([['a', 'm']]);
    expect(requiredTalkPairs({ secretaryId: null, committeeIds: [], memberIds: ['m'] })).toEqual([]);
    expect(talkPairsItem('b', 2026, [], new Set())).toBeNull();
  });

  it('counts a pair once whichever side talked, and the host with each person present', () => {
    expect(pairsOfTalk('s', ['s', 'm1'])).toEqual([talkPairKey('m1', 's')]);
    expect(pairsOfTalk(null, ['m1'])).toEqual([]);
    const item = talkPairsItem(
      'b',
      2026,
      [
        ['a', 's'],
        ['m1', 's'],
      ],
      new Set([talkPairKey('s', 'm1')]),
    )!;
    expect(item).toMatchObject({ type: 'talk', period: '2026', required: 2, held: 1, note: '应谈心谈话2对，已谈1对' });
    expect(complianceState(item, '2026-12-01')).toBe('due');
    expect(complianceState(item, '2027-01-02')).toBe('missed');
  });
});

describe('the 党组 secretary’s 党课', () => {
  it('is a yearly item met by one lecture', () => {
    expect(complianceState(secretaryLectureItem('g', 2026, 1), '2026-12-01')).toBe('met');
    expect(complianceState(secretaryLectureItem('g', 2026, 0), '2026-12-01')).toBe('due');
    expect(complianceState(secretaryLectureItem('g', 2025, 0), '2026-01-01')).toBe('missed');
  });
});

describe('reminders in Chinese', () => {
  it('names the period in words, never 2026-Q4', () => {
    const item = { orgUnitId: 'b', type: 'branch_general' as const, period: '2026-Q4', required: 1, held: 0 };
    expect(complianceReminderText(item, '机关党支部')).toEqual({
      title: '本期应召开支部党员大会：机关党支部',
      detail: '2026年第四季度应召开1次，已召开0次',
    });
    expect(complianceReminderText(secretaryLectureItem('g', 2026, 0), '党组').detail).toBe(
      '2026年度党组书记应至少讲党课1次，尚未登记',
    );
  });
});
