import {
  GOAL_LEVEL_LABELS,
  GOAL_PROGRESS_SOURCE_UNITS,
  isCountedGoal,
  NEXT_GOAL_LEVEL,
  progressSourceIssue,
  type CreateGoalRequest,
  type Goal,
  type GoalDetail,
  type UpdateGoalRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { isOwnGoal, loadChain, mayDecompose, mayEdit, mayReport, type GoalChain } from './goals.access.ts';
import { resolveOwners, type ResolvedOwner } from './goals.owners.ts';
import { toGoal, toGoalReports } from './goals.mapping.ts';
import * as repo from './goals.repo.ts';
import { fillCountedGoal } from './goals.sources.ts';
import { rollUpsWithin } from './goals.tree.ts';

async function requireChain(ctx: RequestContext, id: string): Promise<GoalChain> {
  const chain = await loadChain(ctx.db, ctx.tenantId, id);
  if (!chain) throw notFound('目标');
  return chain;
}

/** A goal with its ancestors and reports; readable with goals.read, or by its own member. */
export async function getGoalDetail(ctx: RequestContext, id: string): Promise<GoalDetail> {
  const chain = await requireChain(ctx, id);
  const goal = chain[0]!;
  if (!ctx.has('goals.read') && !isOwnGoal(ctx, chain)) throw notFound('目标');
  const row = (await repo.findGoalTreeRowsByIds(ctx.db, ctx.tenantId, [id]))[0]!;
  const [rollUps, reports] = await Promise.all([
    rollUpsWithin(ctx, row, [id]),
    repo.findReportsOfGoal(ctx.db, ctx.tenantId, id),
  ]);
  const items = await toGoalReports(ctx.db, ctx.tenantId, reports);
  const rollUp = rollUps.get(id);
  const leaf = (rollUp?.childCount ?? 0) === 0;
  return {
    ...toGoal(row, rollUp, items.filter((r) => r.status === 'pending').length),
    ancestors: chain
      .slice(1)
      .reverse()
      .map((l) => ({ id: l.id, title: l.title, level: l.level })),
    reports: items,
    // A goal the system counts (学时台账, 会议出勤) is never reported by hand.
    canReport: leaf && !isCountedGoal(row.progressSource) && (await mayReport(ctx, chain)),
    canManage: await mayEdit(ctx, chain),
    canDecompose: leaf && NEXT_GOAL_LEVEL[goal.level] !== null && (await mayDecompose(ctx, chain)),
  };
}

function ownerColumns(owner: ResolvedOwner) {
  return {
    ownerKind: owner.kind,
    ownerOrgUnitId: owner.kind === 'org_unit' ? owner.id : null,
    ownerDepartmentId: owner.kind === 'department' ? owner.id : null,
    ownerPersonId: owner.kind === 'person' ? owner.id : null,
  };
}

/** A goal counted by the system: only a member's own number (goal-sources.rules.ts); its unit by default. */
function checkSource(
  source: CreateGoalRequest['progressSource'],
  goal: { ownerKind: ResolvedOwner['kind']; indicatorKind: CreateGoalRequest['indicatorKind'] },
) {
  const issue = progressSourceIssue(source, goal);
  if (issue) throw validationFailed([{ path: 'progressSource', message: issue }]);
}

function requireTarget(kind: CreateGoalRequest['indicatorKind'], target: number | undefined, path: string): number {
  if (kind === 'milestone') return 1;
  if (target === undefined) throw validationFailed([{ path, message: '请填写目标值' }]);
  return target;
}

async function goalById(ctx: RequestContext, id: string): Promise<Goal> {
  const row = (await repo.findGoalTreeRowsByIds(ctx.db, ctx.tenantId, [id]))[0]!;
  return toGoal(row, (await rollUpsWithin(ctx, row, [id])).get(id), 0);
}

export async function createGoal(ctx: RequestContext, input: CreateGoalRequest): Promise<Goal> {
  const { db, tenantId } = ctx;
  let parentChain: GoalChain | undefined;
  if (input.parentId) {
    parentChain = await loadChain(db, tenantId, input.parentId);
    if (!parentChain) throw notFound('上级目标');
    const parent = (await repo.findGoal(db, tenantId, input.parentId))!;
    const next = NEXT_GOAL_LEVEL[parent.level];
    if (next !== input.level) {
      const message = next
        ? `${GOAL_LEVEL_LABELS[parent.level]}目标的下级目标应为${GOAL_LEVEL_LABELS[next]}层级`
        : '党员层级的目标不能再有下级目标';
      throw validationFailed([{ path: 'level', message }]);
    }
    if (parent.year !== input.year)
      throw validationFailed([{ path: 'year', message: `应与上级目标同一年度（${String(parent.year)}年）` }]);
    if (!(await mayDecompose(ctx, parentChain))) throw new AppError('FORBIDDEN', '只能为本组织负责的目标制定下级目标');
  }
  const [owner] = await resolveOwners(db, tenantId, input.level, [input.owner], () => 'owner');
  const targetValue = requireTarget(input.indicatorKind, input.targetValue, 'targetValue');
  checkSource(input.progressSource, { ownerKind: owner!.kind, indicatorKind: input.indicatorKind });
  const counted = input.progressSource !== 'report' ? input.progressSource : null;
  if (!parentChain) {
    // A root goal: the creator must manage the organisation that will answer for it.
    const unit = owner!.kind === 'person' ? owner!.orgUnitId : owner!.kind === 'org_unit' ? owner!.id : null;
    if (!(await ctx.can('goals.manage', unit))) throw new AppError('FORBIDDEN', '只能为本组织制定目标');
  }
  const created = await db.transaction(async (tx) => {
    const [row] = await repo.insertGoals(tx, [
      {
        tenantId,
        year: input.year,
        parentId: input.parentId ?? null,
        level: input.level,
        title: input.title,
        description: input.description ?? null,
        dimension: input.dimension,
        indicatorKind: input.indicatorKind,
        targetValue,
        unit:
          input.indicatorKind === 'milestone' ? '' : input.unit || (counted ? GOAL_PROGRESS_SOURCE_UNITS[counted] : ''),
        weight: input.weight,
        ...ownerColumns(owner!),
        deadline: input.deadline ?? null,
        progressSource: input.progressSource,
      },
    ]);
    if (counted) await fillCountedGoal(tx, tenantId, row!, counted);
    await writeAudit(tx, ctx.actor, {
      action: 'goal.create',
      entity: 'goal',
      entityId: row!.id,
      summary: `制定${GOAL_LEVEL_LABELS[row!.level]}目标：${row!.title}（${owner!.name}）`,
      after: row,
    });
    return row!;
  });
  return goalById(ctx, created.id);
}

export async function updateGoal(ctx: RequestContext, id: string, input: UpdateGoalRequest): Promise<Goal> {
  const { db, tenantId } = ctx;
  const chain = await requireChain(ctx, id);
  if (!(await mayEdit(ctx, chain))) throw new AppError('FORBIDDEN', '目标由上一级制定和调整');
  const before = (await repo.findGoal(db, tenantId, id))!;
  const values: Partial<repo.GoalValues> = {
    title: input.title,
    description: input.description,
    dimension: input.dimension,
    indicatorKind: input.indicatorKind,
    targetValue: input.targetValue,
    unit: input.unit,
    weight: input.weight,
    deadline: input.deadline,
    progressSource: input.progressSource,
  };
  let ownerKind = before.ownerKind;
  if (input.owner) {
    const [owner] = await resolveOwners(db, tenantId, before.level, [input.owner], () => 'owner');
    Object.assign(values, ownerColumns(owner!));
    ownerKind = owner!.kind;
  }
  const kind = input.indicatorKind ?? before.indicatorKind;
  if (kind === 'milestone') {
    values.targetValue = 1;
    values.unit = '';
  }
  const source = input.progressSource ?? before.progressSource;
  checkSource(source, { ownerKind, indicatorKind: kind });
  // A new source or a new owner: the counted value is counted afresh (or cleared for typed reports).
  const recount = source !== before.progressSource || (isCountedGoal(source) && input.owner !== undefined);
  if (isCountedGoal(source) && source !== before.progressSource && !input.unit && before.unit === '')
    values.unit = GOAL_PROGRESS_SOURCE_UNITS[source as keyof typeof GOAL_PROGRESS_SOURCE_UNITS];
  await db.transaction(async (tx) => {
    await repo.updateGoal(tx, tenantId, id, values);
    if (recount)
      await fillCountedGoal(
        tx,
        tenantId,
        { id, year: before.year, ownerPersonId: values.ownerPersonId ?? before.ownerPersonId },
        source,
      );
    const diff = diffFields(before, values);
    if (diff)
      await writeAudit(tx, ctx.actor, {
        action: 'goal.update',
        entity: 'goal',
        entityId: id,
        summary: `修改目标：${values.title ?? before.title}`,
        ...diff,
      });
  });
  return goalById(ctx, id);
}

export async function deleteGoal(ctx: RequestContext, id: string): Promise<void> {
  const { db, tenantId } = ctx;
  const chain = await requireChain(ctx, id);
  if (!(await mayEdit(ctx, chain))) throw new AppError('FORBIDDEN', '目标由上一级制定和调整');
  if ((await repo.countChildren(db, tenantId, id)) > 0)
    throw new AppError('GOAL_HAS_CHILDREN', '该目标已分解，请先删除下级目标');
  if ((await repo.countReports(db, tenantId, id)) > 0) throw new AppError('GOAL_HAS_REPORTS');
  const before = await repo.findGoal(db, tenantId, id);
  await db.transaction(async (tx) => {
    await repo.deleteGoal(tx, tenantId, id);
    await writeAudit(tx, ctx.actor, {
      action: 'goal.delete',
      entity: 'goal',
      entityId: id,
      summary: `删除目标：${before!.title}`,
      before,
    });
  });
}
