import { rollUpGoals, roundProgress, courtToday, weightedProgress, type MyGoalsResponse } from '@qizhi/domain';
import type { RequestContext } from '../../platform/request-context.ts';
import { toGoal, toGoalReports } from './goals.mapping.ts';
import * as repo from './goals.repo.ts';

/**
 * 我的目标: the goals a member owns, with their last report. Member goals are the leaves of the
 * tree, so their progress needs only their own rows (an indexed read by owner), not the whole year.
 */
export async function listMyGoals(ctx: RequestContext, year: number): Promise<MyGoalsResponse> {
  const { db, tenantId, personId } = ctx;
  if (!personId) return { year, completion: null, items: [] };
  const rows = await repo.findGoalsOwnedByPerson(db, tenantId, personId, year);
  // A member's goal could in bad data still have children; read them so the roll-up stays right.
  const children = (await Promise.all(rows.map((r) => repo.findChildrenOf(db, tenantId, r.id)))).flat();
  const rollUps = rollUpGoals([...rows, ...children], courtToday());
  const latest = await toGoalReports(
    db,
    tenantId,
    await repo.findLatestReports(
      db,
      tenantId,
      rows.map((r) => r.id),
    ),
  );
  const lastOf = new Map(latest.map((r) => [r.goalId, r]));
  const items = rows.map((r) => ({
    ...toGoal(r, rollUps.get(r.id), lastOf.get(r.id)?.status === 'pending' ? 1 : 0),
    lastReport: lastOf.get(r.id) ?? null,
  }));
  const completion = weightedProgress(items.map((g) => ({ weight: g.weight, progress: rollUps.get(g.id)!.progress })));
  return { year, completion: completion === null ? null : roundProgress(completion), items };
}
