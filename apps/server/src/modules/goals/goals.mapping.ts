import {
  roundProgress,
  type FileRef,
  type Goal,
  type GoalListItem,
  type GoalReport,
  type GoalRollUp,
} from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import * as repo from './goals.repo.ts';

export function toGoalListItem(row: repo.YearGoalRow, rollUp: GoalRollUp | undefined, pending: number): GoalListItem {
  return {
    id: row.id,
    parentId: row.parentId,
    level: row.level,
    title: row.title,
    dimension: row.dimension,
    indicatorKind: row.indicatorKind,
    targetValue: row.targetValue,
    unit: row.unit,
    weight: row.weight,
    ownerName: row.ownerName ?? '（已删除）',
    deadline: row.deadline,
    currentValue: row.acceptedValue,
    progress: roundProgress(rollUp?.progress ?? 0),
    overdue: rollUp?.overdue ?? false,
    lateSelf: rollUp?.lateSelf ?? false,
    childCount: rollUp?.childCount ?? 0,
    pendingReports: pending,
  };
}

export function toGoal(row: repo.GoalTreeRow, rollUp: GoalRollUp | undefined, pending: number): Goal {
  return {
    ...toGoalListItem(row, rollUp, pending),
    year: row.year,
    description: row.description,
    ownerKind: row.ownerKind,
    ownerId: (row.ownerOrgUnitId ?? row.ownerDepartmentId ?? row.ownerPersonId)!,
    progressSource: row.progressSource,
  };
}

/** Reports as the API shows them, each with its evidence files (one query for all). */
export async function toGoalReports(db: Db, tenantId: string, rows: repo.JoinedReport[]): Promise<GoalReport[]> {
  const files = await repo.findFilesOfReports(
    db,
    tenantId,
    rows.map((r) => r.report.id),
  );
  const filesOf = new Map<string, FileRef[]>();
  for (const f of files) {
    filesOf.set(f.reportId, [
      ...(filesOf.get(f.reportId) ?? []),
      { id: f.id, name: f.name, mime: f.mime, size: f.size },
    ]);
  }
  return rows.map(({ report, ...goal }) => ({
    id: report.id,
    goalId: report.goalId,
    goalTitle: goal.goalTitle,
    goalLevel: goal.goalLevel,
    ownerName: goal.ownerName ?? '（已删除）',
    indicatorKind: goal.indicatorKind,
    targetValue: goal.targetValue,
    unit: goal.unit,
    value: report.value,
    note: report.note,
    status: report.status,
    files: filesOf.get(report.id) ?? [],
    reportedByName: report.reportedByName,
    reportedAt: report.reportedAt.toISOString(),
    reviewedByName: report.reviewedByName,
    reviewedAt: report.reviewedAt?.toISOString() ?? null,
    reviewNote: report.reviewNote,
  }));
}
