/** Every query of 主题教育实践活动; the court's tenant predicate on each. */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  campaignPhases,
  campaignReportFiles,
  campaigns,
  campaignTaskReports,
  campaignTasks,
  files,
  orgUnits,
  people,
} from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type PhaseRow = typeof campaignPhases.$inferSelect;
export type TaskRow = typeof campaignTasks.$inferSelect;

/** The organisation tree (a court has tens of units). */
export async function findOrgUnits(db: Db, tenantId: string) {
  return db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId));
}

export async function findPeopleByIds(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name, orgUnitId: people.orgUnitId, leftOn: people.leftOn })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...ids])));
}

export async function findCampaigns(db: Db, tenantId: string) {
  return db.select().from(campaigns).where(eq(campaigns.tenantId, tenantId)).orderBy(desc(campaigns.createdAt));
}

export async function findCampaign(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id)));
  return row;
}

export async function insertCampaign(db: Db, values: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const [row] = await db.insert(campaigns).values(values).returning();
  return row!;
}

export async function updateCampaign(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<Pick<CampaignRow, 'title' | 'goals' | 'courtTypes' | 'summary'>>,
) {
  await db
    .update(campaigns)
    .set(values)
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id)));
}

/** Phases of these campaigns (all the court's when `campaignIds` is undefined), in order. */
export async function findPhases(db: Db, tenantId: string, campaignIds?: readonly string[]) {
  if (campaignIds?.length === 0) return [];
  return db
    .select()
    .from(campaignPhases)
    .where(
      and(
        eq(campaignPhases.tenantId, tenantId),
        campaignIds ? inArray(campaignPhases.campaignId, [...campaignIds]) : undefined,
      ),
    )
    .orderBy(asc(campaignPhases.sortOrder), asc(campaignPhases.startsOn));
}

export async function insertPhases(db: Db, values: (typeof campaignPhases.$inferInsert)[]): Promise<PhaseRow[]> {
  if (values.length === 0) return [];
  return db.insert(campaignPhases).values(values).returning();
}

export async function findPhase(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(campaignPhases)
    .where(and(eq(campaignPhases.tenantId, tenantId), eq(campaignPhases.id, id)));
  return row;
}

const doneOf = sql<boolean>`exists (select 1 from ${campaignTaskReports} r where r.tenant_id = ${campaignTasks.tenantId} and r.task_id = ${campaignTasks.id} and r.done)`;
const reportsOf = sql<number>`(select count(*)::int from ${campaignTaskReports} r where r.tenant_id = ${campaignTasks.tenantId} and r.task_id = ${campaignTasks.id})`;

/** Tasks with whether any report says done, and how many took part; by campaign, or all the court's. */
export async function findTasks(db: Db, tenantId: string, q: { campaignIds?: readonly string[] } = {}) {
  if (q.campaignIds?.length === 0) return [];
  return db
    .select({ task: campaignTasks, done: doneOf, reports: reportsOf })
    .from(campaignTasks)
    .where(
      and(
        eq(campaignTasks.tenantId, tenantId),
        q.campaignIds ? inArray(campaignTasks.campaignId, [...q.campaignIds]) : undefined,
      ),
    )
    .orderBy(asc(campaignTasks.dueOn), asc(campaignTasks.createdAt));
}

export async function findTask(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ task: campaignTasks, done: doneOf, reports: reportsOf })
    .from(campaignTasks)
    .where(and(eq(campaignTasks.tenantId, tenantId), eq(campaignTasks.id, id)));
  return row;
}

/** A person's tasks: their own, and those of the organisations in `chain` (theirs and above). */
export async function findTasksFor(db: Db, tenantId: string, personId: string, chain: readonly string[]) {
  const mine = sql`(${campaignTasks.personId} = ${personId}${
    chain.length > 0 ? sql` or ${inArray(campaignTasks.orgUnitId, [...chain])}` : sql``
  })`;
  return db
    .select({
      task: campaignTasks,
      done: doneOf,
      reports: reportsOf,
      campaignTitle: campaigns.title,
      phaseName: campaignPhases.name,
      myDone: campaignTaskReports.done,
      myReportedAt: campaignTaskReports.reportedAt,
    })
    .from(campaignTasks)
    .innerJoin(
      campaigns,
      and(eq(campaigns.tenantId, campaignTasks.tenantId), eq(campaigns.id, campaignTasks.campaignId)),
    )
    .innerJoin(
      campaignPhases,
      and(eq(campaignPhases.tenantId, campaignTasks.tenantId), eq(campaignPhases.id, campaignTasks.phaseId)),
    )
    .leftJoin(
      campaignTaskReports,
      and(
        eq(campaignTaskReports.tenantId, campaignTasks.tenantId),
        eq(campaignTaskReports.taskId, campaignTasks.id),
        eq(campaignTaskReports.personId, personId),
      ),
    )
    .where(and(eq(campaignTasks.tenantId, tenantId), mine))
    .orderBy(asc(campaignTasks.dueOn), asc(campaignTasks.createdAt))
    .limit(500);
}

export async function insertTask(db: Db, values: typeof campaignTasks.$inferInsert): Promise<TaskRow> {
  const [row] = await db.insert(campaignTasks).values(values).returning();
  return row!;
}

/** Who took part in a task and what they reported, with their photos. */
export async function findReports(db: Db, tenantId: string, taskId: string) {
  const rows = await db
    .select({
      personId: campaignTaskReports.personId,
      name: people.name,
      done: campaignTaskReports.done,
      summary: campaignTaskReports.summary,
      reportedAt: campaignTaskReports.reportedAt,
    })
    .from(campaignTaskReports)
    .innerJoin(
      people,
      and(eq(people.tenantId, campaignTaskReports.tenantId), eq(people.id, campaignTaskReports.personId)),
    )
    .where(and(eq(campaignTaskReports.tenantId, tenantId), eq(campaignTaskReports.taskId, taskId)))
    .orderBy(asc(campaignTaskReports.reportedAt));
  const photos = await db
    .select({
      personId: campaignReportFiles.personId,
      id: files.id,
      name: files.name,
      mime: files.mime,
    })
    .from(campaignReportFiles)
    .innerJoin(files, and(eq(files.tenantId, campaignReportFiles.tenantId), eq(files.id, campaignReportFiles.fileId)))
    .where(and(eq(campaignReportFiles.tenantId, tenantId), eq(campaignReportFiles.taskId, taskId)))
    .orderBy(asc(files.createdAt));
  return rows.map((r) => ({
    ...r,
    photos: photos.filter((p) => p.personId === r.personId).map(({ id, name, mime }) => ({ id, name, mime })),
  }));
}

/** One person's report (and its photo ids) on a task. */
export async function findReportFileIds(db: Db, tenantId: string, taskId: string, personId: string) {
  const rows = await db
    .select({ fileId: campaignReportFiles.fileId })
    .from(campaignReportFiles)
    .where(
      and(
        eq(campaignReportFiles.tenantId, tenantId),
        eq(campaignReportFiles.taskId, taskId),
        eq(campaignReportFiles.personId, personId),
      ),
    );
  return rows.map((r) => r.fileId);
}

export async function upsertReport(
  db: Db,
  values: { tenantId: string; taskId: string; personId: string; done: boolean; summary: string },
  fileIds: readonly string[],
) {
  const { tenantId, taskId, personId } = values;
  await db
    .insert(campaignTaskReports)
    .values(values)
    .onConflictDoUpdate({
      target: [campaignTaskReports.tenantId, campaignTaskReports.taskId, campaignTaskReports.personId],
      set: { done: values.done, summary: values.summary, reportedAt: new Date() },
    });
  await db
    .delete(campaignReportFiles)
    .where(
      and(
        eq(campaignReportFiles.tenantId, tenantId),
        eq(campaignReportFiles.taskId, taskId),
        eq(campaignReportFiles.personId, personId),
      ),
    );
  if (fileIds.length > 0)
    await db.insert(campaignReportFiles).values(fileIds.map((fileId) => ({ tenantId, taskId, personId, fileId })));
}

export async function findFilesByIds(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, mime: files.mime })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), inArray(files.id, [...ids])));
}

/** The tasks whose reports hold a file (for downloads through the task). */
export async function findTasksHoldingFile(db: Db, tenantId: string, fileId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ taskId: campaignReportFiles.taskId })
    .from(campaignReportFiles)
    .where(and(eq(campaignReportFiles.tenantId, tenantId), eq(campaignReportFiles.fileId, fileId)));
  return rows.map((r) => r.taskId);
}

/** Campaigns without an organisation, or run by one of these (for scoped counts). */
export function campaignWithin(orgUnitIds: readonly string[] | undefined) {
  if (orgUnitIds === undefined) return undefined;
  return orgUnitIds.length > 0
    ? sql`(${isNull(campaigns.orgUnitId)} or ${inArray(campaigns.orgUnitId, [...orgUnitIds])})`
    : isNull(campaigns.orgUnitId);
}
