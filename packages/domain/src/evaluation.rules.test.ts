import { describe, expect, it } from 'vitest';
import {
  ballotPointsOf,
  ballotProblems,
  EVALUATION_GRADES,
  excellentCapProblem,
  maxExcellent,
  ROUND_STEPS,
  shareOf,
  stepMoveProblem,
  tallyAvailability,
  tallyMarks,
  type EvaluationGrade,
} from './evaluation.rules.ts';

describe('the cap on 优秀 (at most ⅓ of the members, setting)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [8, 2],
    [9, 3],
    [10, 3],
    [54, 18],
    [55, 18],
  ])('%i members → at most %i 优秀', (members, max) => {
    expect(maxExcellent(members)).toBe(max);
  });

  it('is exact at the boundary and follows the court setting', () => {
    const grades = (excellent: number, n: number): EvaluationGrade[] =>
      Array.from({ length: n }, (_, i) => (i < excellent ? 'excellent' : 'qualified'));
    expect(excellentCapProblem(grades(3, 9))).toBeNull();
    expect(excellentCapProblem(grades(4, 9))).toMatch(/4 人超过参评党员 9 人的1\/3（最多 3 人）/);
    expect(excellentCapProblem(grades(3, 10))).toBeNull();
    expect(excellentCapProblem(grades(4, 11))).toMatch(/最多 3 人/);
    expect(excellentCapProblem(grades(4, 12))).toBeNull();
    expect(excellentCapProblem(grades(0, 0))).toBeNull();
    expect(excellentCapProblem(grades(1, 2))).not.toBeNull();
    expect(maxExcellent(10, { numerator: 1, denominator: 2 })).toBe(5);
    expect(excellentCapProblem(grades(5, 10), { numerator: 1, denominator: 2 })).toBeNull();
    expect(excellentCapProblem(grades(6, 10), { numerator: 1, denominator: 2 })).toMatch(/1\/2/);
  });
});

describe('the minimum-ballot rule (default 5)', () => {
  it('refuses before the round is closed, whatever the ballots', () => {
    for (const step of ['study', 'self_evaluation', 'voting'] as const)
      expect(tallyAvailability(step, 100)).toMatchObject({ available: false, reason: 'not_closed' });
  });
  it('refuses with 4 ballots, allows with 5, after closing and every later step', () => {
    for (const step of ['closed', 'proposed', 'decided', 'published'] as const) {
      expect(tallyAvailability(step, 0)).toMatchObject({ available: false, reason: 'too_few_ballots' });
      expect(tallyAvailability(step, 4)).toMatchObject({ available: false, reason: 'too_few_ballots' });
      expect(tallyAvailability(step, 5)).toEqual({ available: true });
    }
  });
  it('follows the court setting', () => {
    expect(tallyAvailability('closed', 9, 10).available).toBe(false);
    expect(tallyAvailability('closed', 10, 10).available).toBe(true);
    expect(tallyAvailability('closed', 1, 1).available).toBe(true);
  });
});

describe('tallies and shares', () => {
  it('counts per member and point, shares of the ballots, zeros where nobody gave a grade', () => {
    const t = tallyMarks(
      ['a', 'b'],
      ['duties', 'overall'],
      [
        { subjectId: 'a', point: 'duties', grade: 'excellent', count: 2 },
        { subjectId: 'a', point: 'duties', grade: 'qualified', count: 1 },
        { subjectId: 'a', point: 'overall', grade: 'qualified', count: 3 },
        { subjectId: 'b', point: 'overall', grade: 'unqualified', count: 3 },
        { subjectId: 'zzz', point: 'overall', grade: 'unqualified', count: 9 },
      ],
      3,
    );
    expect(t.map((s) => s.subjectId)).toEqual(['a', 'b']);
    expect(t[0]!.points[0]).toEqual({
      point: 'duties',
      counts: { excellent: 2, qualified: 1, basically_qualified: 0, unqualified: 0 },
      shares: { excellent: 0.6667, qualified: 0.3333, basically_qualified: 0, unqualified: 0 },
    });
    expect(t[1]!.points[0]!.counts).toEqual({ excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 });
    expect(t[1]!.points[1]!.shares.unqualified).toBe(1);
  });
  it('shares: none of zero ballots, rounded to four places', () => {
    expect(shareOf(0, 0)).toBe(0);
    expect(shareOf(3, 0)).toBe(0);
    expect(shareOf(1, 3)).toBe(0.3333);
    expect(shareOf(5, 5)).toBe(1);
    expect(shareOf(1, 8)).toBe(0.125);
  });
});

describe('a ballot grades every member on every point, once', () => {
  const points = ballotPointsOf(['integrity', 'duties']);
  const full = (id: string) => ({
    subjectId: id,
    grades: { duties: 'qualified', integrity: 'excellent', overall: 'qualified' } as const,
  });
  it('orders the points as the four are listed, overall last', () => {
    expect(points).toEqual(['duties', 'integrity', 'overall']);
  });
  it('accepts a complete ballot', () => {
    expect(ballotProblems([full('a'), full('b')], ['a', 'b'], points)).toEqual([]);
  });
  it('refuses a member left out, twice, unknown, a missing point and a point the round does not evaluate', () => {
    expect(ballotProblems([full('a')], ['a', 'b'], points)).toEqual([
      { path: 'marks', message: '还有 1 名党员未评议，请全部评议后提交' },
    ]);
    expect(ballotProblems([full('a'), full('a'), full('b')], ['a', 'b'], points)[0]!.path).toBe('marks.1.subjectId');
    expect(ballotProblems([full('x'), full('a'), full('b')], ['a', 'b'], points)[0]!.path).toBe('marks.0.subjectId');
    const missing = { subjectId: 'a', grades: { duties: 'qualified', overall: 'qualified' } as const };
    expect(ballotProblems([missing, full('b')], ['a', 'b'], points)).toEqual([
      { path: 'marks.0.grades.integrity', message: '请评定“廉洁自律”' },
    ]);
    const extra = { subjectId: 'a', grades: { ...full('a').grades, work_style: 'qualified' } as const };
    expect(ballotProblems([extra, full('b')], ['a', 'b'], points)[0]!.path).toBe('marks.0.grades.work_style');
  });
});

describe('round steps', () => {
  it('go one step at a time, never back', () => {
    for (let i = 0; i + 1 < ROUND_STEPS.length; i++) {
      expect(stepMoveProblem(ROUND_STEPS[i]!, ROUND_STEPS[i + 1]!, 'branch_members')).toBeNull();
      expect(stepMoveProblem(ROUND_STEPS[i + 1]!, ROUND_STEPS[i]!, 'branch_members')).toMatch(/不能回到/);
      expect(stepMoveProblem(ROUND_STEPS[i]!, ROUND_STEPS[i]!, 'all_staff')).toMatch(/不能回到/);
    }
    expect(stepMoveProblem('study', 'voting', 'branch_members')).toBe('须先完成“个人自评”，才能进入“互评测评投票中”');
    expect(stepMoveProblem('voting', 'proposed', 'branch_members')).toMatch(/须先完成“投票已结束”/);
    expect(stepMoveProblem('closed', 'decided', 'all_staff')).toMatch(/须先完成/);
  });
  it('an all-staff round may open its ballots straight from 学习教育', () => {
    expect(stepMoveProblem('study', 'voting', 'all_staff')).toBeNull();
    expect(stepMoveProblem('study', 'closed', 'all_staff')).not.toBeNull();
  });
  it('grades are the four codes of the issue', () => {
    expect(EVALUATION_GRADES).toEqual(['excellent', 'qualified', 'basically_qualified', 'unqualified']);
  });
});
