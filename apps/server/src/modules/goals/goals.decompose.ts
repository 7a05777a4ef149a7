import {
  GOAL_LEVEL_LABELS,
  NEXT_GOAL_LEVEL,
  progressSourceIssue,
  rollUpGoals,
  splitWeightEvenly,
  courtToday,
  weightsPreserveTotal,
  type DecomposeGoalRequest,
  type Goal,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { loadChain, mayDecompose } from './goals.access.ts';
import { resolveOwners } from './goals.owners.ts';
import * as repo from './goals.repo.ts';
import { toGoal } from './goals.mapping.ts';
import { fillCountedGoals } from './goals.sources.ts';

/**
 * 目标分解: children at the next level for the chosen owners, inheriting the parent's indicator,
 * dimension and deadline. The parent's weight is split evenly among them, or as given — given
 * weights must add up to the parent's, so the parent's share among its siblings is preserved.
 */
export async function decomposeGoal(ctx: RequestContext, id: string, input: DecomposeGoalRequest): Promise<Goal[]> {
  const { db, tenantId, actor } = ctx;
  const chain = await loadChain(db, tenantId, id);
  if (!chain) throw notFound('目标');
  const parent = (await repo.findGoal(db, tenantId, id))!;
  const level = NEXT_GOAL_LEVEL[parent.level];
  if (!level) throw new AppError('GOAL_NOT_DECOMPOSABLE');
  if (!(await mayDecompose(ctx, chain))) throw new AppError('FORBIDDEN', '只能分解本组织负责的目标');
  if ((await repo.countChildren(db, tenantId, id)) > 0)
    throw new AppError('GOAL_HAS_CHILDREN', '该目标已经分解过；如需增加责任主体，请单独新建下级目标');

  const given = input.owners.map((o) => o.weight);
  const someGiven = given.some((w) => w !== undefined);
  if (someGiven && given.some((w) => w === undefined))
    throw validationFailed([{ path: 'owners', message: '请为每个责任主体都填写权重，或都不填（平均分配）' }]);
  const weights = someGiven ? (given as number[]) : splitWeightEvenly(parent.weight, input.owners.length);
  if (someGiven && !weightsPreserveTotal(parent.weight, weights))
    throw validationFailed([
      { path: 'owners', message: `分解后的权重之和应等于上级目标的权重${String(parent.weight)}` },
    ]);
  const owners = await resolveOwners(db, tenantId, level, input.owners, (i) => `owners.${String(i)}`);
  const source = input.progressSource;
  const issue = owners
    .map((o) => progressSourceIssue(source, { ownerKind: o.kind, indicatorKind: parent.indicatorKind }))
    .find((i) => i !== null);
  if (issue) throw validationFailed([{ path: 'progressSource', message: issue }]);

  const created = await db.transaction(async (tx) => {
    const rows = await repo.insertGoals(
      tx,
      owners.map((owner, i) => ({
        tenantId,
        year: parent.year,
        parentId: parent.id,
        level,
        title: input.owners[i]!.title ?? parent.title,
        description: parent.description,
        dimension: parent.dimension,
        indicatorKind: parent.indicatorKind,
        targetValue: parent.indicatorKind === 'milestone' ? 1 : (input.owners[i]!.targetValue ?? parent.targetValue),
        unit: parent.unit,
        weight: weights[i]!,
        ownerKind: owner.kind,
        ownerOrgUnitId: owner.kind === 'org_unit' ? owner.id : null,
        ownerDepartmentId: owner.kind === 'department' ? owner.id : null,
        ownerPersonId: owner.kind === 'person' ? owner.id : null,
        deadline: parent.deadline,
        sortOrder: i,
        progressSource: source,
      })),
    );
    if (source !== 'report')
      await fillCountedGoals(
        tx,
        tenantId,
        parent.year,
        owners.map((o) => o.id),
        source,
      );
    await writeAudit(tx, actor, {
      action: 'goal.decompose',
      entity: 'goal',
      entityId: parent.id,
      summary: `分解目标“${parent.title}”至${String(rows.length)}个${GOAL_LEVEL_LABELS[level]}责任主体：${owners
        .slice(0, 10)
        .map((o) => o.name)
        .join('、')}${owners.length > 10 ? '等' : ''}`,
      after: rows.map((r, i) => ({ id: r.id, owner: owners[i]!.name, weight: r.weight })),
    });
    return rows;
  });
  const rows = await repo.findGoalTreeRowsByIds(
    db,
    tenantId,
    created.map((r) => r.id),
  );
  const rollUps = rollUpGoals(rows, courtToday());
  const order = new Map(created.map((r, i) => [r.id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((r) => toGoal(r, rollUps.get(r.id), 0));
}
