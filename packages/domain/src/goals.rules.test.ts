import { describe, expect, it } from 'vitest';
import {
  computeLeafProgress,
  rollUpGoals,
  splitWeightEvenly,
  summariseByDimension,
  summariseByLevel,
  weightedProgress,
  weightsPreserveTotal,
  type GoalNode,
} from './goals.rules.ts';

const TODAY = '2026-07-01';
function goal(id: string, parentId: string | null, extra: Partial<GoalNode> = {}): GoalNode {
  return {
    id,
    parentId,
    weight: 1,
    indicatorKind: 'count',
    targetValue: 10,
    acceptedValue: null,
    deadline: null,
    ...extra,
  };
}
const progressOf = (goals: GoalNode[], id: string) => rollUpGoals(goals, TODAY).get(id)!.progress;

describe('leaf progress', () => {
  it('counts a milestone 0 or 1', () => {
    expect(computeLeafProgress('milestone', 1, null)).toBe(0);
    expect(computeLeafProgress('milestone', 1, 0)).toBe(0);
    expect(computeLeafProgress('milestone', 1, 0.99)).toBe(0);
    expect(computeLeafProgress('milestone', 1, 1)).toBe(1);
  });
  it('counts value over target, capped at 1 and floored at 0', () => {
    expect(computeLeafProgress('count', 12, 3)).toBe(0.25);
    expect(computeLeafProgress('percentage', 100, 95)).toBe(0.95);
    expect(computeLeafProgress('score', 90, 90)).toBe(1);
    expect(computeLeafProgress('count', 12, 30)).toBe(1);
    expect(computeLeafProgress('count', 12, -3)).toBe(0);
  });
  it('cannot measure against a non-positive target', () => {
    expect(computeLeafProgress('count', 0, 5)).toBe(0);
    expect(computeLeafProgress('score', -1, 5)).toBe(0);
  });
});

describe('weighted roll-up', () => {
  it('weighs children by their weights, up several levels', () => {
    const goals = [
      goal('root', null),
      goal('a', 'root', { weight: 3, acceptedValue: 10 }),
      goal('b', 'root', { weight: 1 }),
      goal('b1', 'b', { weight: 1, acceptedValue: 5 }),
      goal('b2', 'b', { weight: 1, indicatorKind: 'milestone', targetValue: 1, acceptedValue: 1 }),
    ];
    expect(progressOf(goals, 'b')).toBe(0.75);
    expect(progressOf(goals, 'root')).toBeCloseTo((3 * 1 + 1 * 0.75) / 4, 12);
  });
  it('caps over-achievement so one child cannot carry its siblings', () => {
    const goals = [goal('p', null), goal('x', 'p', { acceptedValue: 40 }), goal('y', 'p', { acceptedValue: 0 })];
    expect(progressOf(goals, 'x')).toBe(1);
    expect(progressOf(goals, 'p')).toBe(0.5);
  });
  it('ignores zero-weight children among weighted siblings', () => {
    const goals = [
      goal('p', null),
      goal('x', 'p', { weight: 2, acceptedValue: 10 }),
      goal('y', 'p', { weight: 0, acceptedValue: 0 }),
    ];
    expect(progressOf(goals, 'p')).toBe(1);
  });
  it('takes the plain average when every child weighs 0', () => {
    const goals = [
      goal('p', null),
      goal('x', 'p', { weight: 0, acceptedValue: 10 }),
      goal('y', 'p', { weight: 0, acceptedValue: 0 }),
      goal('z', 'p', { weight: 0, acceptedValue: 5 }),
    ];
    expect(progressOf(goals, 'p')).toBe(0.5);
  });
  it('measures a goal without children by its own accepted value (0 before any)', () => {
    expect(progressOf([goal('p', null)], 'p')).toBe(0);
    expect(progressOf([goal('p', null, { acceptedValue: 4 })], 'p')).toBe(0.4);
  });
  it('gives a parent its children’s result, not its own value, once decomposed', () => {
    const goals = [goal('p', null, { acceptedValue: 10 }), goal('c', 'p', { acceptedValue: 0 })];
    expect(progressOf(goals, 'p')).toBe(0);
  });
  it('rolls an all-milestone subtree up to exact fractions', () => {
    const ms = (id: string, parent: string, done: boolean): GoalNode =>
      goal(id, parent, { indicatorKind: 'milestone', targetValue: 1, acceptedValue: done ? 1 : 0 });
    const goals = [goal('p', null), ms('a', 'p', true), ms('b', 'p', true), ms('c', 'p', false), ms('d', 'p', true)];
    expect(progressOf(goals, 'p')).toBe(0.75);
    const all = [goal('p', null), ms('a', 'p', true), ms('b', 'p', true)];
    expect(progressOf(all, 'p')).toBe(1);
  });
  it('reaches exactly 1 when every child is met, whatever the weights', () => {
    const weights = splitWeightEvenly(10, 3);
    const goals = [
      goal('p', null, { weight: 10 }),
      ...weights.map((w, i) => goal(`c${String(i)}`, 'p', { weight: w, acceptedValue: 10 })),
    ];
    expect(progressOf(goals, 'p')).toBe(1);
  });
  it('treats a goal whose parent is missing as a root, and survives a parent cycle', () => {
    const goals = [goal('orphan', 'gone', { acceptedValue: 5 }), goal('x', 'y'), goal('y', 'x', { acceptedValue: 10 })];
    const r = rollUpGoals(goals, TODAY);
    expect(r.get('orphan')!.progress).toBe(0.5);
    expect(r.get('y')!.progress).toBe(1);
    expect(r.size).toBe(3);
  });
  it('rolls up 20,000 goals four levels deep without recursion', () => {
    const goals: GoalNode[] = [goal('r', null)];
    for (let b = 0; b < 20; b++) {
      goals.push(goal(`b${String(b)}`, 'r'));
      for (let u = 0; u < 20; u++) {
        goals.push(goal(`u${String(b)}-${String(u)}`, `b${String(b)}`));
        for (let m = 0; m < 49; m++)
          goals.push(
            goal(`m${String(b)}-${String(u)}-${String(m)}`, `u${String(b)}-${String(u)}`, { acceptedValue: 5 }),
          );
      }
    }
    const chain: GoalNode[] = [goal('c0', null)];
    for (let i = 1; i < 5_000; i++) chain.push(goal(`c${String(i)}`, `c${String(i - 1)}`, { acceptedValue: 10 }));
    expect(goals.length).toBeGreaterThanOrEqual(19_999);
    expect(rollUpGoals(goals, TODAY).get('r')!.progress).toBe(0.5);
    expect(rollUpGoals(chain, TODAY).get('c0')!.progress).toBe(1);
  });
});

describe('overdue flags', () => {
  it('flags a goal past its deadline and not met, not on the deadline day itself', () => {
    const at = (deadline: string, value: number | null) =>
      rollUpGoals([goal('g', null, { deadline, acceptedValue: value })], TODAY).get('g')!;
    expect(at('2026-06-30', 5).lateSelf).toBe(true);
    expect(at('2026-07-01', 5).lateSelf).toBe(false);
    expect(at('2026-06-30', 10).lateSelf).toBe(false);
    expect(at('2026-06-30', 12).overdue).toBe(false);
  });
  it('rolls the flag up to every ancestor, and not to siblings', () => {
    const goals = [
      goal('root', null, { deadline: '2026-12-31' }),
      goal('b', 'root', { deadline: '2026-12-31' }),
      goal('u', 'b', { deadline: '2026-12-31' }),
      goal('m', 'u', { deadline: '2026-03-31', acceptedValue: 2 }),
      goal('sibling', 'b', { deadline: '2026-12-31' }),
    ];
    const r = rollUpGoals(goals, TODAY);
    expect(['root', 'b', 'u', 'm'].map((id) => r.get(id)!.overdue)).toEqual([true, true, true, true]);
    expect(r.get('u')!.lateSelf).toBe(false);
    expect(r.get('sibling')!.overdue).toBe(false);
  });
  it('flags a parent whose own deadline passed with children unfinished, even without late children', () => {
    const goals = [goal('p', null, { deadline: '2026-06-30' }), goal('c', 'p', { acceptedValue: 5 })];
    const r = rollUpGoals(goals, TODAY);
    expect(r.get('p')!.lateSelf).toBe(true);
    expect(r.get('c')!.overdue).toBe(false);
  });
});

describe('decomposition weights', () => {
  it('splits evenly and preserves the parent total to the hundredth', () => {
    expect(splitWeightEvenly(10, 3)).toEqual([3.34, 3.33, 3.33]);
    expect(splitWeightEvenly(1, 4)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(splitWeightEvenly(0, 2)).toEqual([0, 0]);
    expect(splitWeightEvenly(5, 0)).toEqual([]);
    for (const [total, count] of [
      [10, 3],
      [1, 7],
      [33.33, 13],
      [100, 54],
      [0.01, 3],
    ] as const) {
      const parts = splitWeightEvenly(total, count);
      expect(parts).toHaveLength(count);
      expect(weightsPreserveTotal(total, parts), `${String(total)}/${String(count)}`).toBe(true);
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(0.0100001);
    }
  });
  it('accepts given weights only when they add up to the parent total', () => {
    expect(weightsPreserveTotal(10, [5, 3, 2])).toBe(true);
    expect(weightsPreserveTotal(10, [0.1, 0.2, 9.7])).toBe(true);
    expect(weightsPreserveTotal(10, [5, 3, 1.99])).toBe(false);
    expect(weightsPreserveTotal(10, [5, 5, 0.01])).toBe(false);
  });
  it('averages with the same zero-weight rule as the roll-up', () => {
    expect(weightedProgress([])).toBeNull();
    expect(
      weightedProgress([
        { weight: 0, progress: 1 },
        { weight: 0, progress: 0 },
      ]),
    ).toBe(0.5);
    expect(
      weightedProgress([
        { weight: 3, progress: 1 },
        { weight: 1, progress: 0 },
      ]),
    ).toBe(0.75);
  });
});

describe('summaries', () => {
  const goals = [
    { ...goal('r', null, { deadline: '2026-12-31' }), dimension: 'learning' as const, level: 'party_group' as const },
    { ...goal('b', 'r', { acceptedValue: 10 }), dimension: 'learning' as const, level: 'branch' as const },
    { ...goal('c', 'r', { deadline: '2026-01-31' }), dimension: 'clean' as const, level: 'branch' as const },
  ];
  const r = rollUpGoals(goals, TODAY);
  it('takes each dimension from its highest goals, counting a subtree once', () => {
    const byDim = Object.fromEntries(summariseByDimension(goals, r).map((d) => [d.dimension, d]));
    expect(byDim.learning).toMatchObject({ progress: 0.5, goalCount: 2, metCount: 1, overdueCount: 0 });
    expect(byDim.clean).toMatchObject({ progress: 0, goalCount: 1, overdueCount: 1 });
    expect(byDim.service).toMatchObject({ progress: null, goalCount: 0 });
  });
  it('counts goals, met and late per level', () => {
    const byLevel = Object.fromEntries(summariseByLevel(goals, r).map((l) => [l.level, l]));
    expect(byLevel.branch).toEqual({ level: 'branch', goalCount: 2, metCount: 1, lateCount: 1, averageProgress: 0.5 });
    expect(byLevel.member).toEqual({ level: 'member', goalCount: 0, metCount: 0, lateCount: 0, averageProgress: null });
  });
});
