import type { OrgKind } from './org.rules.ts';

/** 一个中心: the reference court's annual objective and working line, every court's defaults. */
export const DEFAULT_CENTRE = {
  objective: '立党为公、司法为民，争创一流人民法院',
  workingLine: '抓党建、带队建、促审判、业争先',
} as const;

/** 六型法院: the dimensions every goal (and later activity and evaluation) is tagged with. */
export const COURT_TYPES = ['learning', 'service', 'regulated', 'clean', 'harmonious', 'innovative'] as const;
export type CourtType = (typeof COURT_TYPES)[number];
export const COURT_TYPE_LABELS: Record<CourtType, string> = {
  learning: '学习型',
  service: '服务型',
  regulated: '规范型',
  clean: '清廉型',
  harmonious: '和谐型',
  innovative: '创新型',
};

/** 目标四级分解: 党组 → 党支部 → 内设部门或党小组 → 党员. */
export const GOAL_LEVELS = ['party_group', 'branch', 'unit', 'member'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];
export const GOAL_LEVEL_LABELS: Record<GoalLevel, string> = {
  party_group: '党组',
  branch: '党支部',
  unit: '部门/党小组',
  member: '党员',
};
export const NEXT_GOAL_LEVEL: Record<GoalLevel, GoalLevel | null> = {
  party_group: 'branch',
  branch: 'unit',
  unit: 'member',
  member: null,
};

/** "Soft tasks become hard indicators": how a goal is measured. */
export const INDICATOR_KINDS = ['count', 'percentage', 'milestone', 'score'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  count: '数量',
  percentage: '百分比',
  milestone: '是否完成',
  score: '分值',
};

export const GOAL_OWNER_KINDS = ['org_unit', 'department', 'person'] as const;
export type GoalOwnerKind = (typeof GOAL_OWNER_KINDS)[number];
/** Who may own a goal at each level: organisations above, departments or cells, then members. */
export const GOAL_LEVEL_OWNER_KINDS: Record<GoalLevel, readonly GoalOwnerKind[]> = {
  party_group: ['org_unit'],
  branch: ['org_unit'],
  unit: ['org_unit', 'department'],
  member: ['person'],
};
/** Which organisation kinds fit a level when the owner is an organisation. */
export const GOAL_LEVEL_ORG_KINDS: Record<GoalLevel, readonly OrgKind[]> = {
  party_group: ['party_group'],
  branch: ['party_committee', 'general_branch', 'branch'],
  unit: ['cell'],
  member: [],
};

export const GOAL_REPORT_STATUSES = ['pending', 'accepted', 'returned'] as const;
export type GoalReportStatus = (typeof GOAL_REPORT_STATUSES)[number];
export const GOAL_REPORT_STATUS_LABELS: Record<GoalReportStatus, string> = {
  pending: '待审核',
  accepted: '已采纳',
  returned: '已退回',
};

/**
 * A leaf's progress from its accepted value: a milestone counts 0 or 1; a count, percentage or
 * score counts value ÷ target, capped at 1 (over-achievement does not lift the siblings). A
 * non-positive target cannot be measured against and counts 0; no accepted value counts 0.
 */
export function computeLeafProgress(kind: IndicatorKind, targetValue: number, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  switch (kind) {
    case 'milestone':
      return value >= 1 ? 1 : 0;
    case 'count':
    case 'percentage':
    case 'score':
      if (!(targetValue > 0)) return 0;
      return Math.min(1, Math.max(0, value / targetValue));
  }
}

export interface GoalNode {
  id: string;
  parentId: string | null;
  weight: number;
  indicatorKind: IndicatorKind;
  targetValue: number;
  /** The value of the latest accepted progress report; null before any is accepted. */
  acceptedValue: number | null;
  deadline: string | null;
}

export interface GoalRollUp {
  /** 0–1. */
  progress: number;
  /** Past its own deadline and not met. */
  lateSelf: boolean;
  /** Late itself or anywhere below: the flag rolls up. */
  overdue: boolean;
  childCount: number;
}

/**
 * Progress and overdue flags of a whole goal forest in one pass over a flat list — no recursion,
 * so 20,000 goals cost one breadth-first walk. A goal with children takes Σ(weight·child)/Σweight;
 * when its children's weights total 0 it takes their plain average; a goal without children is a
 * leaf measured by its accepted value. A goal is late when `today` is after its deadline and its
 * progress is below 1; a parent is flagged when it or any descendant is late. A goal whose parent
 * is not in the list counts as a root; goals caught in a parent cycle (bad data) count as leaves.
 */
export function rollUpGoals(goals: readonly GoalNode[], today: string): Map<string, GoalRollUp> {
  const list = rollUpGoalList(goals, today);
  return new Map(goals.map((g, i) => [g.id, list[i]!]));
}

/** The same roll-up as an array aligned with `goals`: no map to build when the caller walks the list. */
export function rollUpGoalList(goals: readonly GoalNode[], today: string): GoalRollUp[] {
  const n = goals.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(goals[i]!.id, i);
  const parentIndex = new Int32Array(n).fill(-1);
  const firstChild = new Int32Array(n).fill(-1);
  const nextSibling = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const parentId = goals[i]!.parentId;
    const p = parentId === null ? undefined : indexOf.get(parentId);
    if (p !== undefined && p !== i) {
      parentIndex[i] = p;
      nextSibling[i] = firstChild[p]!;
      firstChild[p] = i;
    }
  }
  // Breadth-first from the roots: every parent comes before its children in `order`.
  const order = new Int32Array(n);
  let size = 0;
  for (let i = 0; i < n; i++) if (parentIndex[i] === -1) order[size++] = i;
  for (let head = 0; head < size; head++) {
    for (let c = firstChild[order[head]!]!; c !== -1; c = nextSibling[c]!) order[size++] = c;
  }
  const reached = new Uint8Array(n);
  for (let k = 0; k < size; k++) reached[order[k]!] = 1;
  for (let i = 0; i < n; i++) if (!reached[i]) order[size++] = i;

  const sumWeight = new Float64Array(n);
  const sumWeighted = new Float64Array(n);
  const sumPlain = new Float64Array(n);
  const childCount = new Int32Array(n);
  const lateBelow = new Uint8Array(n);
  const result = new Array<GoalRollUp>(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k]!;
    const g = goals[i]!;
    const children = childCount[i]!;
    let progress: number;
    if (children > 0 && reached[i]) {
      progress = sumWeight[i]! > 0 ? sumWeighted[i]! / sumWeight[i]! : sumPlain[i]! / children;
    } else {
      progress = computeLeafProgress(g.indicatorKind, g.targetValue, g.acceptedValue);
    }
    const lateSelf = g.deadline !== null && today > g.deadline && progress < 1;
    const overdue = lateSelf || lateBelow[i] === 1;
    result[i] = { progress, lateSelf, overdue, childCount: reached[i] ? children : 0 };
    const p = parentIndex[i]!;
    if (p !== -1 && reached[i]) {
      const w = g.weight > 0 ? g.weight : 0;
      sumWeight[p] = sumWeight[p]! + w;
      sumWeighted[p] = sumWeighted[p]! + w * progress;
      sumPlain[p] = sumPlain[p]! + progress;
      childCount[p] = childCount[p]! + 1;
      if (overdue) lateBelow[p] = 1;
    }
  }
  return result;
}

/** Weighted mean with the same zero-weight rule as the roll-up; null when there is nothing to average. */
export function weightedProgress(items: readonly { weight: number; progress: number }[]): number | null {
  if (items.length === 0) return null;
  let sw = 0;
  let swp = 0;
  let sp = 0;
  for (const it of items) {
    const w = it.weight > 0 ? it.weight : 0;
    sw += w;
    swp += w * it.progress;
    sp += it.progress;
  }
  return sw > 0 ? swp / sw : sp / items.length;
}

/** Weights are kept to the hundredth, as offices write them. */
export function toHundredths(weight: number): number {
  return Math.round(weight * 100);
}

/**
 * Splits a parent's weight evenly among `count` children so that they add up to the parent's
 * exactly (in hundredths): 10 among 3 → 3.34, 3.33, 3.33.
 */
export function splitWeightEvenly(total: number, count: number): number[] {
  if (count <= 0) return [];
  const units = toHundredths(total);
  const base = Math.floor(units / count);
  const remainder = units - base * count;
  return Array.from({ length: count }, (_, i) => (base + (i < remainder ? 1 : 0)) / 100);
}

/** Given weights preserve the parent's total when they add up to it (to the hundredth). */
export function weightsPreserveTotal(total: number, weights: readonly number[]): boolean {
  return weights.reduce((sum, w) => sum + toHundredths(w), 0) === toHundredths(total);
}

export interface DimensionGoal {
  id: string;
  parentId: string | null;
  dimension: CourtType;
  weight: number;
}

export interface DimensionSummary {
  dimension: CourtType;
  progress: number | null;
  goalCount: number;
  metCount: number;
  overdueCount: number;
}

/**
 * How each of the six court types is doing: the weighted progress of the highest goals tagged with
 * it (those whose parent is absent or tagged otherwise), so a subtree is not counted twice.
 */
export function summariseByDimension(
  goals: readonly DimensionGoal[],
  rollUps: ReadonlyMap<string, GoalRollUp>,
): DimensionSummary[] {
  const dimensionOf = new Map(goals.map((g) => [g.id, g.dimension]));
  const tops = new Map<CourtType, { weight: number; progress: number }[]>();
  const counts = new Map<CourtType, { goals: number; met: number; late: number }>();
  for (const t of COURT_TYPES) {
    tops.set(t, []);
    counts.set(t, { goals: 0, met: 0, late: 0 });
  }
  for (const g of goals) {
    const r = rollUps.get(g.id);
    if (!r) continue;
    const c = counts.get(g.dimension)!;
    c.goals++;
    if (r.progress >= 1) c.met++;
    if (r.lateSelf) c.late++;
    const parentDimension = g.parentId === null ? undefined : dimensionOf.get(g.parentId);
    if (parentDimension !== g.dimension) tops.get(g.dimension)!.push({ weight: g.weight, progress: r.progress });
  }
  return COURT_TYPES.map((dimension) => {
    const c = counts.get(dimension)!;
    return {
      dimension,
      progress: weightedProgress(tops.get(dimension)!),
      goalCount: c.goals,
      metCount: c.met,
      overdueCount: c.late,
    };
  });
}

export interface LevelSummary {
  level: GoalLevel;
  goalCount: number;
  metCount: number;
  lateCount: number;
  /** Plain mean progress of the level's goals; null without goals. */
  averageProgress: number | null;
}

/** Year-end summary by level: how many goals, how many met, how many late, the mean progress. */
export function summariseByLevel(
  goals: readonly { id: string; level: GoalLevel }[],
  rollUps: ReadonlyMap<string, GoalRollUp>,
): LevelSummary[] {
  return GOAL_LEVELS.map((level) => {
    let goalCount = 0;
    let metCount = 0;
    let lateCount = 0;
    let sum = 0;
    for (const g of goals) {
      if (g.level !== level) continue;
      const r = rollUps.get(g.id);
      if (!r) continue;
      goalCount++;
      sum += r.progress;
      if (r.progress >= 1) metCount++;
      if (r.lateSelf) lateCount++;
    }
    return { level, goalCount, metCount, lateCount, averageProgress: goalCount > 0 ? sum / goalCount : null };
  });
}

/** Progress shown and sent: four decimals are enough for a bar and keep JSON short. */
export function roundProgress(progress: number): number {
  return Math.round(progress * 10_000) / 10_000;
}
