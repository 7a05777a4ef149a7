/**
 * Who may do what with a goal. The rule follows the four levels:
 * - the *responsible unit* of a goal is the organisation that answers for it: its owner when an
 *   organisation owns it, the member's 党小组 when a member does, and for a department (which is not
 *   a party organisation) the responsible unit of the goal it was decomposed from;
 * - the *approving unit* is the responsible unit of the parent goal — the level above, which set
 *   the goal — and, for a root goal, its own responsible unit.
 * Decomposing a goal (and adding children) needs goals.manage over its responsible unit; editing or
 * deleting it, and accepting or returning its progress reports, need goals.manage over its
 * approving unit. A member reports only on their own goals; an organisation's goal is reported by
 * whoever manages that organisation. Nobody reviews their own report.
 */
import type { Db } from '../../platform/db.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './goals.repo.ts';

/** From the goal itself (index 0) up to its root. */
export type GoalChain = repo.GoalLink[];

/** Goal levels are four, so a chain is at most four links; bad data cannot loop past this. */
const MAX_DEPTH = 8;

/** The chains of several goals at once: one small query per level, not one per goal. */
export async function loadChains(db: Db, tenantId: string, goalIds: string[]): Promise<Map<string, GoalChain>> {
  const links = new Map<string, repo.GoalLink>();
  let frontier = [...new Set(goalIds)];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const found = await repo.findGoalLinks(db, tenantId, frontier);
    for (const link of found) links.set(link.id, link);
    frontier = [...new Set(found.map((l) => l.parentId).filter((id): id is string => id !== null && !links.has(id)))];
  }
  const chains = new Map<string, GoalChain>();
  for (const id of goalIds) {
    const chain: GoalChain = [];
    for (
      let link = links.get(id);
      link && chain.length < MAX_DEPTH;
      link = link.parentId ? links.get(link.parentId) : undefined
    ) {
      chain.push(link);
    }
    if (chain.length > 0) chains.set(id, chain);
  }
  return chains;
}

export async function loadChain(db: Db, tenantId: string, goalId: string): Promise<GoalChain | undefined> {
  return (await loadChains(db, tenantId, [goalId])).get(goalId);
}

/** The organisation answering for `chain[from]`, walking up past departments (and members without a cell). */
export function responsibleUnitOf(chain: GoalChain, from = 0): string | null {
  for (let i = from; i < chain.length; i++) {
    const link = chain[i]!;
    switch (link.ownerKind) {
      case 'org_unit':
        if (link.ownerOrgUnitId) return link.ownerOrgUnitId;
        break;
      case 'person':
        if (link.personOrgUnitId) return link.personOrgUnitId;
        break;
      case 'department':
        break;
    }
  }
  return null;
}

export function approvingUnitOf(chain: GoalChain): string | null {
  return chain.length > 1 ? responsibleUnitOf(chain, 1) : responsibleUnitOf(chain, 0);
}

/** The organisation whose goals.manage decides a decomposition (the goal's own responsible unit). */
export function mayDecompose(ctx: RequestContext, chain: GoalChain): Promise<boolean> {
  return ctx.can('goals.manage', responsibleUnitOf(chain));
}

/** Editing, deleting and reviewing are the level above's (see approvingUnitOf). */
export function mayEdit(ctx: RequestContext, chain: GoalChain): Promise<boolean> {
  return ctx.can('goals.manage', approvingUnitOf(chain));
}

export async function mayReport(ctx: RequestContext, chain: GoalChain): Promise<boolean> {
  const goal = chain[0]!;
  if (goal.ownerKind === 'person') return ctx.personId !== null && goal.ownerPersonId === ctx.personId;
  return ctx.can('goals.manage', responsibleUnitOf(chain));
}

export const mayReview = mayEdit;

/** A member's own goal: readable by them without goals.read. */
export function isOwnGoal(ctx: RequestContext, chain: GoalChain): boolean {
  const goal = chain[0]!;
  return goal.ownerKind === 'person' && goal.ownerPersonId === ctx.personId;
}
