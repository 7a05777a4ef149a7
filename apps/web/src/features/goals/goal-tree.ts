import type { GoalListItem } from '@qizhi/domain';

export type GoalTreeNode = GoalListItem & { key: string; children?: GoalTreeNode[] };

/**
 * The levels loaded so far as the nested rows a tree table shows. A goal with children always has a
 * `children` array — empty until its level is loaded — so the table offers to expand it.
 */
export function buildGoalTree(
  top: readonly GoalListItem[],
  childrenOf: ReadonlyMap<string, readonly GoalListItem[]>,
): GoalTreeNode[] {
  const toNode = (goal: GoalListItem): GoalTreeNode =>
    goal.childCount > 0
      ? { ...goal, key: goal.id, children: (childrenOf.get(goal.id) ?? []).map(toNode) }
      : { ...goal, key: goal.id };
  return top.map(toNode);
}

/**
 * Keeps the rows that match and the rows above them. Only loaded rows can be judged: a row whose
 * children are not loaded yet stays expandable, so what lies below it can still be looked at.
 */
export function filterGoalTree(nodes: readonly GoalTreeNode[], keep: (goal: GoalListItem) => boolean): GoalTreeNode[] {
  return nodes.flatMap((node) => {
    if (!node.children || node.children.length === 0) return keep(node) ? [node] : [];
    const children = filterGoalTree(node.children, keep);
    if (children.length > 0) return [{ ...node, children }];
    if (!keep(node)) return [];
    const { children: _dropped, ...leaf } = node;
    return [leaf];
  });
}

/** The rows to open so that the last goal of a path (from the top down) is in view. */
export function rowsToReveal(path: readonly Pick<GoalListItem, 'id'>[]): string[] {
  return path.slice(0, -1).map((goal) => goal.id);
}
