import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { departments, files, goalReportFiles, goalReports, goals, orgUnits, people } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type GoalRow = typeof goals.$inferSelect;
export type GoalValues = typeof goals.$inferInsert;
export type GoalReportRow = typeof goalReports.$inferSelect;

const treeColumns = {
  id: goals.id,
  parentId: goals.parentId,
  year: goals.year,
  level: goals.level,
  title: goals.title,
  description: goals.description,
  dimension: goals.dimension,
  indicatorKind: goals.indicatorKind,
  targetValue: goals.targetValue,
  unit: goals.unit,
  weight: goals.weight,
  ownerKind: goals.ownerKind,
  ownerOrgUnitId: goals.ownerOrgUnitId,
  ownerDepartmentId: goals.ownerDepartmentId,
  ownerPersonId: goals.ownerPersonId,
  deadline: goals.deadline,
  acceptedValue: goals.acceptedValue,
  progressSource: goals.progressSource,
  ownerName: sql<string | null>`coalesce(${orgUnits.name}, ${departments.name}, ${people.name})`,
};

function withOwnerNames(db: Db) {
  return db
    .select(treeColumns)
    .from(goals)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, goals.tenantId), eq(orgUnits.id, goals.ownerOrgUnitId)))
    .leftJoin(departments, and(eq(departments.tenantId, goals.tenantId), eq(departments.id, goals.ownerDepartmentId)))
    .leftJoin(people, and(eq(people.tenantId, goals.tenantId), eq(people.id, goals.ownerPersonId)));
}

export type GoalTreeRow = Awaited<ReturnType<ReturnType<typeof withOwnerNames>['execute']>>[number];
/** What the year's list and roll-up read of each goal: no description, the year is the query's. */
export type YearGoalRow = Omit<GoalTreeRow, 'description' | 'year' | 'progressSource'>;

/**
 * One level of the year's tree with owners' names: the roots (`parentId` null) or one goal's
 * children, in the order they were set (a decomposition's children in the order given).
 */
export async function findGoalLevel(
  db: Db,
  tenantId: string,
  year: number,
  parentId: string | null,
): Promise<GoalTreeRow[]> {
  return withOwnerNames(db)
    .where(
      and(
        eq(goals.tenantId, tenantId),
        eq(goals.year, year),
        parentId === null ? isNull(goals.parentId) : eq(goals.parentId, parentId),
      ),
    )
    .orderBy(asc(goals.createdAt), asc(goals.sortOrder), asc(goals.id));
}

export async function findGoalsOwnedByPerson(
  db: Db,
  tenantId: string,
  personId: string,
  year: number,
): Promise<GoalTreeRow[]> {
  return withOwnerNames(db)
    .where(and(eq(goals.tenantId, tenantId), eq(goals.ownerPersonId, personId), eq(goals.year, year)))
    .orderBy(asc(goals.deadline), asc(goals.title));
}

export async function findGoalTreeRowsByIds(db: Db, tenantId: string, ids: string[]): Promise<GoalTreeRow[]> {
  if (ids.length === 0) return [];
  return withOwnerNames(db).where(and(eq(goals.tenantId, tenantId), inArray(goals.id, ids)));
}

/** Goals under `parentId` (one level), for a parent's detail and its roll-up. */
export async function findChildrenOf(db: Db, tenantId: string, parentId: string): Promise<GoalTreeRow[]> {
  return withOwnerNames(db).where(and(eq(goals.tenantId, tenantId), eq(goals.parentId, parentId)));
}

/** Pending reports of the listed goals, by goal (partial index on pending). */
export async function countPendingReportsByGoal(
  db: Db,
  tenantId: string,
  goalIds: readonly string[],
): Promise<Map<string, number>> {
  if (goalIds.length === 0) return new Map();
  const rows = await db
    .select({ goalId: goalReports.goalId, n: sql<number>`count(*)::int` })
    .from(goalReports)
    .where(
      and(
        eq(goalReports.tenantId, tenantId),
        eq(goalReports.status, 'pending'),
        inArray(goalReports.goalId, [...goalIds]),
      ),
    )
    .groupBy(goalReports.goalId);
  return new Map(rows.map((r) => [r.goalId, r.n]));
}

export async function findGoal(db: Db, tenantId: string, id: string): Promise<GoalRow | undefined> {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.tenantId, tenantId), eq(goals.id, id)));
  return row;
}

/** One link of a goal's chain to the root, with the org unit of a person owner. */
export interface GoalLink {
  id: string;
  parentId: string | null;
  level: GoalRow['level'];
  title: string;
  ownerKind: GoalRow['ownerKind'];
  ownerOrgUnitId: string | null;
  ownerPersonId: string | null;
  personOrgUnitId: string | null;
}

export async function findGoalLinks(db: Db, tenantId: string, ids: string[]): Promise<GoalLink[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: goals.id,
      parentId: goals.parentId,
      level: goals.level,
      title: goals.title,
      ownerKind: goals.ownerKind,
      ownerOrgUnitId: goals.ownerOrgUnitId,
      ownerPersonId: goals.ownerPersonId,
      personOrgUnitId: people.orgUnitId,
    })
    .from(goals)
    .leftJoin(people, and(eq(people.tenantId, goals.tenantId), eq(people.id, goals.ownerPersonId)))
    .where(and(eq(goals.tenantId, tenantId), inArray(goals.id, ids)));
}

export async function countChildren(db: Db, tenantId: string, id: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(goals)
    .where(and(eq(goals.tenantId, tenantId), eq(goals.parentId, id)));
  return row?.n ?? 0;
}

export async function countReports(db: Db, tenantId: string, goalId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(goalReports)
    .where(and(eq(goalReports.tenantId, tenantId), eq(goalReports.goalId, goalId)));
  return row?.n ?? 0;
}

export async function insertGoals(db: Db, values: GoalValues[]): Promise<GoalRow[]> {
  const rows: GoalRow[] = [];
  for (let i = 0; i < values.length; i += 500) {
    rows.push(
      ...(await db
        .insert(goals)
        .values(values.slice(i, i + 500))
        .returning()),
    );
  }
  return rows;
}

export async function updateGoal(db: Db, tenantId: string, id: string, values: Partial<GoalValues>) {
  const [row] = await db
    .update(goals)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(goals.tenantId, tenantId), eq(goals.id, id)))
    .returning();
  return row;
}

export async function deleteGoal(db: Db, tenantId: string, id: string): Promise<void> {
  await db.delete(goals).where(and(eq(goals.tenantId, tenantId), eq(goals.id, id)));
}

export async function findOrgUnitsByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgUnits.id, kind: orgUnits.kind, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, ids)));
}

export async function findDepartmentsByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(eq(departments.tenantId, tenantId), inArray(departments.id, ids)));
}

export async function findPeopleByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name, status: people.status, orgUnitId: people.orgUnitId })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
}

export async function findFilesByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), inArray(files.id, ids)));
}

const reportColumns = {
  report: goalReports,
  goalTitle: goals.title,
  goalLevel: goals.level,
  indicatorKind: goals.indicatorKind,
  targetValue: goals.targetValue,
  unit: goals.unit,
  ownerName: sql<string | null>`coalesce(${orgUnits.name}, ${departments.name}, ${people.name})`,
};

function joinedReports(db: Db) {
  return db
    .select(reportColumns)
    .from(goalReports)
    .innerJoin(goals, and(eq(goals.tenantId, goalReports.tenantId), eq(goals.id, goalReports.goalId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, goals.tenantId), eq(orgUnits.id, goals.ownerOrgUnitId)))
    .leftJoin(departments, and(eq(departments.tenantId, goals.tenantId), eq(departments.id, goals.ownerDepartmentId)))
    .leftJoin(people, and(eq(people.tenantId, goals.tenantId), eq(people.id, goals.ownerPersonId)));
}

export type JoinedReport = Awaited<ReturnType<ReturnType<typeof joinedReports>['execute']>>[number];

export async function findReportsOfGoal(db: Db, tenantId: string, goalId: string): Promise<JoinedReport[]> {
  return joinedReports(db)
    .where(and(eq(goalReports.tenantId, tenantId), eq(goalReports.goalId, goalId)))
    .orderBy(desc(goalReports.reportedAt));
}

export async function findReportsByStatus(
  db: Db,
  tenantId: string,
  status: GoalReportRow['status'],
  limit = 500,
): Promise<JoinedReport[]> {
  return joinedReports(db)
    .where(and(eq(goalReports.tenantId, tenantId), eq(goalReports.status, status)))
    .orderBy(desc(goalReports.reportedAt))
    .limit(limit);
}

export async function findReport(db: Db, tenantId: string, id: string): Promise<JoinedReport | undefined> {
  const [row] = await joinedReports(db).where(and(eq(goalReports.tenantId, tenantId), eq(goalReports.id, id)));
  return row;
}

/** The latest report of each listed goal, for "my goals". */
export async function findLatestReports(db: Db, tenantId: string, goalIds: string[]): Promise<JoinedReport[]> {
  if (goalIds.length === 0) return [];
  const rows = await joinedReports(db)
    .where(and(eq(goalReports.tenantId, tenantId), inArray(goalReports.goalId, goalIds)))
    .orderBy(desc(goalReports.reportedAt));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.report.goalId) && seen.add(r.report.goalId));
}

export async function findFilesOfReports(db: Db, tenantId: string, reportIds: string[]) {
  if (reportIds.length === 0) return [];
  return db
    .select({
      reportId: goalReportFiles.reportId,
      id: files.id,
      name: files.name,
      mime: files.mime,
      size: files.size,
    })
    .from(goalReportFiles)
    .innerJoin(files, and(eq(files.tenantId, goalReportFiles.tenantId), eq(files.id, goalReportFiles.fileId)))
    .where(and(eq(goalReportFiles.tenantId, tenantId), inArray(goalReportFiles.reportId, reportIds)));
}

export async function insertReport(
  db: Db,
  values: typeof goalReports.$inferInsert,
  fileIds: string[],
): Promise<GoalReportRow> {
  const [row] = await db.insert(goalReports).values(values).returning();
  if (fileIds.length > 0) {
    await db
      .insert(goalReportFiles)
      .values(fileIds.map((fileId) => ({ tenantId: row!.tenantId, reportId: row!.id, fileId })));
  }
  return row!;
}

export async function updateReport(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof goalReports.$inferInsert>,
): Promise<GoalReportRow | undefined> {
  const [row] = await db
    .update(goalReports)
    .set(values)
    .where(and(eq(goalReports.tenantId, tenantId), eq(goalReports.id, id), eq(goalReports.status, 'pending')))
    .returning();
  return row;
}

/** The progress reports a file is evidence of, with their goal and reporter. */
export async function findReportsHoldingFile(db: Db, tenantId: string, fileId: string) {
  return db
    .select({ goalId: goalReports.goalId, reportedByUserId: goalReports.reportedByUserId })
    .from(goalReportFiles)
    .innerJoin(
      goalReports,
      and(eq(goalReports.tenantId, goalReportFiles.tenantId), eq(goalReports.id, goalReportFiles.reportId)),
    )
    .where(and(eq(goalReportFiles.tenantId, tenantId), eq(goalReportFiles.fileId, fileId)));
}
