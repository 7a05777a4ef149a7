import {
  GOAL_LEVEL_LABELS,
  NEXT_GOAL_LEVEL,
  rollUpGoalList,
  rollUpGoals,
  roundProgress,
  summariseByDimension,
  summariseByLevel,
  courtToday,
  weightedProgress,
  type CreateGoalRequest,
  type DimensionsResponse,
  type Goal,
  type GoalDetail,
  type GoalListItem,
  type GoalRollUp,
  type GoalSummaryResponse,
  type UpdateGoalRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit, type Actor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { loadChain, manageScopeOf, mayDecompose, mayEdit, mayReport, type GoalChain } from './goals.access.ts';
import { resolveOwners, type ResolvedOwner } from './goals.owners.ts';
import { toGoal, toGoalListItem, toGoalReports } from './goals.mapping.ts';
import * as repo from './goals.repo.ts';

export function currentYear(today = courtToday()): number {
  return Number(today.slice(0, 4));
}

export interface ComputedYear {
  rows: repo.YearGoalRow[];
  rollUps: Map<string, GoalRollUp>;
}

/** One query for the court-year, then the roll-up in memory: numbers computed, never stored. */
export async function computeYear(db: Db, tenantId: string, year: number, today = courtToday()) {
  const rows = await repo.findGoalsOfYear(db, tenantId, year);
  return { rows, rollUps: rollUpGoals(rows, today) } satisfies ComputedYear;
}

export async function listGoals(db: Db, tenantId: string, year: number): Promise<GoalListItem[]> {
  const [rows, pending] = await Promise.all([
    repo.findGoalsOfYear(db, tenantId, year),
    repo.countPendingReportsByGoal(db, tenantId),
  ]);
  // The list walks the rows in order, so the roll-up comes as an array aligned with them.
  const rollUps = rollUpGoalList(rows, courtToday());
  return rows.map((r, i) => toGoalListItem(r, rollUps[i], pending.get(r.id) ?? 0));
}

export async function summariseDimensions(db: Db, tenantId: string, year: number): Promise<DimensionsResponse> {
  const { rows, rollUps } = await computeYear(db, tenantId, year);
  return { year, items: summariseByDimension(rows, rollUps) };
}

export async function summariseYear(db: Db, tenantId: string, year: number): Promise<GoalSummaryResponse> {
  const { rows, rollUps } = await computeYear(db, tenantId, year);
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

async function requireChain(db: Db, tenantId: string, id: string): Promise<GoalChain> {
  const chain = await loadChain(db, tenantId, id);
  if (!chain) throw notFound('目标');
  return chain;
}

/** A goal with its ancestors and reports; readable with goals.read, or by its own member. */
export async function getGoalDetail(db: Db, auth: AuthContext, id: string): Promise<GoalDetail> {
  const tenantId = auth.user.tenantId;
  const chain = await requireChain(db, tenantId, id);
  const goal = chain[0]!;
  const ownGoal = goal.ownerKind === 'person' && goal.ownerPersonId === auth.user.personId;
  if (!auth.permissions.has('goals.read') && !ownGoal) throw notFound('目标');
  const row = (await repo.findGoalTreeRowsByIds(db, tenantId, [id]))[0]!;
  const [{ rollUps }, reports, scope] = await Promise.all([
    computeYear(db, tenantId, row.year),
    repo.findReportsOfGoal(db, tenantId, id),
    manageScopeOf(db, auth),
  ]);
  const items = await toGoalReports(db, tenantId, reports);
  const rollUp = rollUps.get(id);
  return {
    ...toGoal(row, rollUp, items.filter((r) => r.status === 'pending').length),
    ancestors: chain
      .slice(1)
      .reverse()
      .map((l) => ({ id: l.id, title: l.title, level: l.level })),
    reports: items,
    canReport: (rollUp?.childCount ?? 0) === 0 && mayReport(auth, scope, chain),
    canManage: mayEdit(scope, chain),
    canDecompose: (rollUp?.childCount ?? 0) === 0 && NEXT_GOAL_LEVEL[goal.level] !== null && mayDecompose(scope, chain),
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

function requireTarget(kind: CreateGoalRequest['indicatorKind'], target: number | undefined, path: string): number {
  if (kind === 'milestone') return 1;
  if (target === undefined) throw validationFailed([{ path, message: '请填写目标值' }]);
  return target;
}

async function goalById(db: Db, tenantId: string, id: string): Promise<Goal> {
  const row = (await repo.findGoalTreeRowsByIds(db, tenantId, [id]))[0]!;
  const { rollUps } = await computeYear(db, tenantId, row.year);
  return toGoal(row, rollUps.get(id), 0);
}

export async function createGoal(db: Db, auth: AuthContext, actor: Actor, input: CreateGoalRequest): Promise<Goal> {
  const tenantId = actor.tenantId;
  const scope = await manageScopeOf(db, auth);
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
    if (!mayDecompose(scope, parentChain)) throw new AppError('FORBIDDEN', '只能为本组织负责的目标制定下级目标');
  }
  const [owner] = await resolveOwners(db, tenantId, input.level, [input.owner], () => 'owner');
  const targetValue = requireTarget(input.indicatorKind, input.targetValue, 'targetValue');
  if (!parentChain) {
    // A root goal: the creator must manage the organisation that will answer for it.
    const unit = owner!.kind === 'person' ? owner!.orgUnitId : owner!.kind === 'org_unit' ? owner!.id : null;
    if (!(scope.all || (unit !== null && scope.orgUnitIds.includes(unit))))
      throw new AppError('FORBIDDEN', '只能为本组织制定目标');
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
        unit: input.indicatorKind === 'milestone' ? '' : (input.unit ?? ''),
        weight: input.weight,
        ...ownerColumns(owner!),
        deadline: input.deadline ?? null,
      },
    ]);
    await writeAudit(tx, actor, {
      action: 'goal.create',
      entity: 'goal',
      entityId: row!.id,
      summary: `制定${GOAL_LEVEL_LABELS[row!.level]}目标：${row!.title}（${owner!.name}）`,
      after: row,
    });
    return row!;
  });
  return goalById(db, tenantId, created.id);
}

export async function updateGoal(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: UpdateGoalRequest,
): Promise<Goal> {
  const tenantId = actor.tenantId;
  const chain = await requireChain(db, tenantId, id);
  if (!mayEdit(await manageScopeOf(db, auth), chain)) throw new AppError('FORBIDDEN', '目标由上一级制定和调整');
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
  };
  if (input.owner) {
    const [owner] = await resolveOwners(db, tenantId, before.level, [input.owner], () => 'owner');
    Object.assign(values, ownerColumns(owner!));
  }
  const kind = input.indicatorKind ?? before.indicatorKind;
  if (kind === 'milestone') {
    values.targetValue = 1;
    values.unit = '';
  }
  await db.transaction(async (tx) => {
    await repo.updateGoal(tx, tenantId, id, values);
    const diff = diffFields(before, values);
    if (diff)
      await writeAudit(tx, actor, {
        action: 'goal.update',
        entity: 'goal',
        entityId: id,
        summary: `修改目标：${values.title ?? before.title}`,
        ...diff,
      });
  });
  return goalById(db, tenantId, id);
}

export async function deleteGoal(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<void> {
  const tenantId = actor.tenantId;
  const chain = await requireChain(db, tenantId, id);
  if (!mayEdit(await manageScopeOf(db, auth), chain)) throw new AppError('FORBIDDEN', '目标由上一级制定和调整');
  if ((await repo.countChildren(db, tenantId, id)) > 0)
    throw new AppError('GOAL_HAS_CHILDREN', '该目标已分解，请先删除下级目标');
  if ((await repo.countReports(db, tenantId, id)) > 0) throw new AppError('GOAL_HAS_REPORTS');
  const before = await repo.findGoal(db, tenantId, id);
  await db.transaction(async (tx) => {
    await repo.deleteGoal(tx, tenantId, id);
    await writeAudit(tx, actor, {
      action: 'goal.delete',
      entity: 'goal',
      entityId: id,
      summary: `删除目标：${before!.title}`,
      before,
    });
  });
}
