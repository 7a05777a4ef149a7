import { describe, expect, it } from 'vitest';
import {
  computePoints,
  parseAssessmentPeriod,
  assessmentPeriodOf,
  previousAssessmentPeriod,
  rankByScore,
  suggestGrade,
} from './assessment.rules.ts';
import { isCommitmentEditable, summariseCommitmentResult } from './commitments.rules.ts';
import { hasReadCurrentVersion, ruleNeedsReading } from './rules-library.rules.ts';

describe('periods', () => {
  it('reads quarter codes with their first and last days', () => {
    expect(parseAssessmentPeriod('2026-Q1')).toEqual({
      code: '2026-Q1',
      year: 2026,
      quarter: 1,
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
    });
    expect(parseAssessmentPeriod('2026-Q4')?.endsOn).toBe('2026-12-31');
    for (const bad of ['2026-Q0', '2026-Q5', '2026Q1', '26-Q1', '1999-Q1', '2026-q1'])
      expect(parseAssessmentPeriod(bad), bad).toBeNull();
  });
  it('places days in quarters across boundaries and steps back over a year end', () => {
    expect(assessmentPeriodOf('2026-03-31')).toBe('2026-Q1');
    expect(assessmentPeriodOf('2026-04-01')).toBe('2026-Q2');
    expect(assessmentPeriodOf('2026-12-31')).toBe('2026-Q4');
    expect(previousAssessmentPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousAssessmentPeriod('2026-Q3')).toBe('2026-Q2');
  });
});

describe('grades', () => {
  it('suggests a grade at each band boundary', () => {
    expect(suggestGrade(null)).toBeNull();
    expect(suggestGrade(0.9)).toBe('excellent');
    expect(suggestGrade(0.8999)).toBe('good');
    expect(suggestGrade(0.75)).toBe('good');
    expect(suggestGrade(0.7499)).toBe('fair');
    expect(suggestGrade(0.6)).toBe('fair');
    expect(suggestGrade(0.5999)).toBe('poor');
    expect(suggestGrade(0)).toBe('poor');
  });
});

describe('比学赶超 points', () => {
  it('counts completion × 80 and honours when there is no attendance record', () => {
    expect(computePoints({ completion: 0.5, attendance: null, honourLevels: ['county'] })).toEqual({
      goals: 40,
      attendance: null,
      honours: 5,
      total: 45,
    });
  });
  it('counts completion × 60 and attendance × 20 when attendance exists, honours capped at 20', () => {
    expect(computePoints({ completion: 1, attendance: 0.9, honourLevels: ['national', 'province'] })).toEqual({
      goals: 60,
      attendance: 18,
      honours: 20,
      total: 98,
    });
    expect(computePoints({ completion: null, attendance: null, honourLevels: [] }).total).toBe(0);
    expect(computePoints({ completion: 1.4, attendance: 2, honourLevels: [] }).total).toBe(80);
  });
  it('ranks ties alike and skips the next places', () => {
    const ranked = rankByScore([{ s: 5 }, { s: 9 }, { s: 5 }, { s: 1 }], (x) => x.s);
    expect(ranked.map((r) => [r.item.s, r.rank])).toEqual([
      [9, 1],
      [5, 2],
      [5, 2],
      [1, 4],
    ]);
  });
});

describe('commitments and rules', () => {
  it('lets the owner change only a draft or returned commitment', () => {
    expect(isCommitmentEditable('draft')).toBe(true);
    expect(isCommitmentEditable('returned')).toBe(true);
    expect(isCommitmentEditable('submitted')).toBe(false);
    expect(isCommitmentEditable('published')).toBe(false);
  });
  it('summarises verified promises', () => {
    expect(summariseCommitmentResult([])).toBeNull();
    expect(summariseCommitmentResult(['kept', null])).toBeNull();
    expect(summariseCommitmentResult(['kept', 'kept'])).toBe('kept');
    expect(summariseCommitmentResult(['kept', 'not'])).toBe('partly');
    expect(summariseCommitmentResult(['partly', 'partly'])).toBe('partly');
    expect(summariseCommitmentResult(['not', 'not'])).toBe('not');
  });
  it('asks to read again after a revision, and never a repealed rule', () => {
    expect(hasReadCurrentVersion(null, 1)).toBe(false);
    expect(hasReadCurrentVersion(1, 2)).toBe(false);
    expect(hasReadCurrentVersion(2, 2)).toBe(true);
    expect(ruleNeedsReading('repealed')).toBe(false);
    expect(ruleNeedsReading('revised')).toBe(true);
  });
});
