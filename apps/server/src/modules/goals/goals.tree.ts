/**
 * The court-year's goal tree as the screens read it: a level at a time (the roots, or one goal's
 * children, fetched on expand), a goal's path on demand, and the year's summaries. Numbers are
 * computed, never stored: every answer rolls up the whole year, reading only what the roll-up needs.
 */
import {
  GOAL_LEVEL_ORG_KINDS,
  courtToday,
  rollUpGoalList,
  rollUpGoals,
  roundProgress,
  summariseByDimension,
  summariseByLevel,
  weightedProgress,
  type DimensionsResponse,
  type GoalNode,
  type GoalListItem,
  type GoalPathResponse,
  type GoalRollUp,
  type GoalSummaryResponse,
  type AllowedGoalLevel,
  type GoalsResponse,
} from '@qizhi/domain';
import { notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { orgUnitsOfCourt } from '../org/index.ts';
import { loadChain } from './goals.access.ts';
import { toGoalListItem } from './goals.mapping.ts';
import * as repo from './goals.repo.ts';
import * as yearRepo from './goals.year.repo.ts';

export interface ComputedYear {
  rows: repo.YearGoalRow[];
  rollUps: Map<string, GoalRollUp>;
}

/** The court-year's goals, whole rows with owners' names, and their roll-up: for summaries over the year. */
export async function computeYear(ctx: RequestContext, year: number, today = courtToday()): Promise<ComputedYear> {
  const rows = await yearRepo.findGoalsOfYear(ctx.db, ctx.tenantId, year);
  return { rows, rollUps: rollUpGoals(rows, today) };
}

/**
 * The roll-up over `nodes`, kept for the listed goals only: the walk is linear in the nodes, and a
 * map of every goal would cost as much again as the walk itself.
 */
function rollUpsFor(nodes: readonly GoalNode[], ids: readonly string[]): Map<string, GoalRollUp> {
  const list = rollUpGoalList(nodes, courtToday());
  const wanted = new Set(ids);
  const found = new Map<string, GoalRollUp>();
  for (let i = 0; i < nodes.length; i++) if (wanted.has(nodes[i]!.id)) found.set(nodes[i]!.id, list[i]!);
  return found;
}

/**
 * The numbers of `top` and of the listed goals below it: they depend on `top`'s subtree only, read
 * through the parent index rather than the whole year.
 */
export async function rollUpsWithin(
  ctx: RequestContext,
  top: GoalNode & { year: number },
  ids: readonly string[],
): Promise<Map<string, GoalRollUp>> {
  const below = await yearRepo.findRollUpNodesUnder(ctx.db, ctx.tenantId, top.year, top.id);
  return rollUpsFor([{ ...top, parentId: null }, ...below], ids);
}

async function toListItems(
  ctx: RequestContext,
  rows: repo.YearGoalRow[],
  rollUps: Map<string, GoalRollUp>,
): Promise<GoalListItem[]> {
  const pending = await repo.countPendingReportsByGoal(
    ctx.db,
    ctx.tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toGoalListItem(r, rollUps.get(r.id), pending.get(r.id) ?? 0));
}

/**
 * One level of the year's tree: its roots, rolled up over the whole year, or the direct children of
 * a goal of this court, rolled up over that goal's subtree only (all their numbers depend on).
 */
export async function listGoalLevel(
  ctx: RequestContext,
  year: number,
  parentId: string | undefined,
): Promise<GoalsResponse> {
  const { db, tenantId } = ctx;
  if (parentId !== undefined && !(await repo.findGoal(db, tenantId, parentId))) throw notFound('目标');
  const [rows, nodes] = await Promise.all([
    repo.findGoalLevel(db, tenantId, year, parentId ?? null),
    parentId === undefined
      ? yearRepo.findRollUpNodesOfYear(db, tenantId, year)
      : yearRepo.findRollUpNodesUnder(db, tenantId, year, parentId),
  ]);
  const rollUps = rollUpsFor(
    nodes,
    rows.map((r) => r.id),
  );
  return {
    year,
    parentId: parentId ?? null,
    items: await toListItems(ctx, rows, rollUps),
    allowed: parentId === undefined ? await allowedTopLevels(ctx) : [],
  };
}

/** Where the caller may set a top goal: each level whose organisations include one they manage. */
async function allowedTopLevels(ctx: RequestContext): Promise<AllowedGoalLevel[]> {
  if (!ctx.has('goals.manage')) return [];
  const units = await orgUnitsOfCourt(ctx);
  const allowed: AllowedGoalLevel[] = [];
  for (const level of ['party_group', 'branch'] as const) {
    const owners: AllowedGoalLevel['owners'] = [];
    for (const u of units) {
      if (GOAL_LEVEL_ORG_KINDS[level].includes(u.kind) && (await ctx.can('goals.manage', u.id)))
        owners.push({ id: u.id, name: u.name });
    }
    if (owners.length > 0) allowed.push({ level, owners });
  }
  return allowed;
}

/** A goal and its ancestors, from the root down, as the tree shows them (to open the tree at it). */
export async function goalPath(ctx: RequestContext, id: string): Promise<GoalPathResponse> {
  const chain = await loadChain(ctx.db, ctx.tenantId, id);
  if (!chain) throw notFound('目标');
  const ids = chain.map((l) => l.id).reverse();
  const byId = new Map((await repo.findGoalTreeRowsByIds(ctx.db, ctx.tenantId, ids)).map((r) => [r.id, r]));
  const rows = ids.map((i) => byId.get(i)).filter((r) => r !== undefined);
  return { items: await toListItems(ctx, rows, await rollUpsWithin(ctx, rows[0]!, ids)) };
}

export async function summariseDimensions(ctx: RequestContext, year: number): Promise<DimensionsResponse> {
  const { rows, rollUps } = await computeYear(ctx, year);
  return { year, items: summariseByDimension(rows, rollUps) };
}

export async function summariseYear(ctx: RequestContext, year: number): Promise<GoalSummaryResponse> {
  const { rows, rollUps } = await computeYear(ctx, year);
  const ids = new Set(rows.map((r) => r.id));
  const roots = rows.filter((r) => r.parentId === null || !ids.has(r.parentId));
  let metCount = 0;
  const lateRows: repo.YearGoalRow[] = [];
  for (const r of rows) {
    const ru = rollUps.get(r.id)!;
    if (ru.progress >= 1) metCount++;
    if (ru.lateSelf) lateRows.push(r);
  }
  lateRows.sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? '') || a.title.localeCompare(b.title));
  const overall = weightedProgress(roots.map((r) => ({ weight: r.weight, progress: rollUps.get(r.id)!.progress })));
  return {
    year,
    overallProgress: overall === null ? null : roundProgress(overall),
    goalCount: rows.length,
    metCount,
    lateCount: lateRows.length,
    levels: summariseByLevel(rows, rollUps).map((l) => ({
      ...l,
      averageProgress: l.averageProgress === null ? null : roundProgress(l.averageProgress),
    })),
    dimensions: summariseByDimension(rows, rollUps).map((d) => ({
      ...d,
      progress: d.progress === null ? null : roundProgress(d.progress),
    })),
    late: lateRows.slice(0, 100).map((r) => toGoalListItem(r, rollUps.get(r.id), 0)),
  };
}
