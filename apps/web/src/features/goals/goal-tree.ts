import type { GoalListItem as Goal } from '@qizhi/domain';

export type GoalTreeNode = Goal & { key: string; children?: GoalTreeNode[] };

/** The flat list the API gives, as the nested rows a tree table shows; orphans become roots. */
export function buildGoalTree(goals: readonly Goal[]): GoalTreeNode[] {
  const nodes = new Map<string, GoalTreeNode>(goals.map((g) => [g.id, { ...g, key: g.id }]));
  const roots: GoalTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** Keeps the goals that match and the ancestors that lead to them. */
export function filterGoals(goals: readonly Goal[], keep: (g: Goal) => boolean): Goal[] {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const kept = new Set<string>();
  for (const g of goals) {
    if (!keep(g)) continue;
    for (
      let cur: Goal | undefined = g;
      cur && !kept.has(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined
    )
      kept.add(cur.id);
  }
  return goals.filter((g) => kept.has(g.id));
}
