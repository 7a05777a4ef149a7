import { describe, expect, it } from 'vitest';
import type { GoalListItem } from '@qizhi/domain';
import { buildGoalTree, filterGoalTree, rowsToReveal, type GoalTreeNode } from './goal-tree.ts';

let n = 0;
function goal(title: string, over: Partial<GoalListItem> = {}): GoalListItem {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    parentId: null,
    level: 'branch',
    title,
    dimension: 'learning',
    indicatorKind: 'count',
    targetValue: 10,
    unit: '次',
    weight: 1,
    ownerName: '机关党支部',
    deadline: null,
    currentValue: null,
    progress: 0,
    overdue: false,
    lateSelf: false,
    childCount: 0,
    pendingReports: 0,
    ...over,
  };
}

const titles = (rows: readonly GoalTreeNode[]): unknown[] =>
  rows.map((r) => (r.children ? { [r.title]: titles(r.children) } : r.title));

describe('buildGoalTree', () => {
  it('gives a goal with children an empty list until its level is loaded, so the row can be opened', () => {
    const top = [goal('支部目标', { childCount: 2 }), goal('党组目标')];
    const rows = buildGoalTree(top, new Map());
    expect(rows[0]?.children).toEqual([]);
    expect(rows[1]).not.toHaveProperty('children');
  });

  it('nests the loaded levels under their parents, deeper levels included', () => {
    const cell = goal('小组目标', { childCount: 1, level: 'unit' });
    const branch = goal('支部目标', { childCount: 1 });
    const member = goal('党员目标', { level: 'member' });
    const rows = buildGoalTree(
      [branch],
      new Map([
        [branch.id, [cell]],
        [cell.id, [member]],
      ]),
    );
    expect(titles(rows)).toEqual([{ 支部目标: [{ 小组目标: ['党员目标'] }] }]);
  });
});

describe('filterGoalTree', () => {
  const late = goal('逾期的党员目标', { level: 'member', lateSelf: true, overdue: true });
  const onTime = goal('按期的党员目标', { level: 'member' });
  const parent = goal('小组目标', { childCount: 2, level: 'unit', overdue: true });
  const closed = goal('未展开的目标', { childCount: 3, overdue: true });
  const rows = buildGoalTree([parent, closed, goal('别的目标')], new Map([[parent.id, [late, onTime]]]));

  it('keeps the matching rows and the rows above them', () => {
    expect(titles(filterGoalTree(rows, (g) => g.title.includes('逾期')))).toEqual([{ 小组目标: ['逾期的党员目标'] }]);
  });

  it('keeps a matching row whose children are not loaded yet openable', () => {
    expect(filterGoalTree(rows, (g) => g.overdue).map((r) => r.title)).toEqual(['小组目标', '未展开的目标']);
    expect(filterGoalTree(rows, (g) => g.overdue)[1]?.children).toEqual([]);
  });

  it('drops the children list of a matching row when none of its loaded children match', () => {
    const kept = filterGoalTree(rows, (g) => g.title === '小组目标');
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toHaveProperty('children');
  });
});

describe('rowsToReveal', () => {
  it('opens every goal above the last one of the path, not the goal itself', () => {
    const path = [goal('党组目标'), goal('支部目标'), goal('党员目标')];
    expect(rowsToReveal(path)).toEqual([path[0]?.id, path[1]?.id]);
    expect(rowsToReveal([])).toEqual([]);
  });
});
