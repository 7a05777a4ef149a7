/** Campaigns: planning (phases, tasks, summary), the list, one campaign with its progress per organisation. */
import {
  campaignSpan,
  campaignState,
  collectSubtreeIds,
  COURT_TYPE_LABELS,
  courtToday,
  phaseState,
  progressByOrg,
  taskState,
  type CampaignDetail,
  type CampaignListItem,
  type CampaignTask,
  type CreateCampaignRequest,
  type CreateTaskRequest,
  type PhaseInput,
  type UpdateCampaignRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit } from '../../platform/audit.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { isVisible, loadCampaign, visibleOrgUnitIds, type OrgUnitRow } from './campaign-access.ts';
import * as repo from './campaigns.repo.ts';

export const WHOLE_COURT = '全院';

function orgName(units: readonly OrgUnitRow[], id: string | null): string {
  return id === null ? WHOLE_COURT : (units.find((u) => u.id === id)?.name ?? '');
}

function checkPhases(phases: readonly PhaseInput[], path = 'phases') {
  phases.forEach((p, i) => {
    if (p.endsOn < p.startsOn)
      throw validationFailed([{ path: `${path}.${String(i)}.endsOn`, message: '阶段的最后一天不能早于第一天' }]);
  });
}

function toListItem(
  c: repo.CampaignRow,
  phases: readonly repo.PhaseRow[],
  tasks: readonly { done: boolean }[],
  units: readonly OrgUnitRow[],
  today: string,
): CampaignListItem {
  const span = campaignSpan(phases);
  return {
    id: c.id,
    title: c.title,
    courtTypes: c.courtTypes,
    orgUnitId: c.orgUnitId,
    orgUnitName: orgName(units, c.orgUnitId),
    startsOn: span?.startsOn ?? null,
    endsOn: span?.endsOn ?? null,
    state: campaignState(phases, today),
    tasks: tasks.length,
    done: tasks.filter((t) => t.done).length,
  };
}

/** The campaigns a person sees; with `year`, those whose phases reach into that year. */
export async function listCampaigns(ctx: RequestContext, year?: number) {
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  const visible = await visibleOrgUnitIds(ctx, units);
  const rows = (await repo.findCampaigns(ctx.db, ctx.tenantId)).filter((c) => isVisible(visible, c.orgUnitId));
  const ids = rows.map((c) => c.id);
  const [phases, tasks] = await Promise.all([
    repo.findPhases(ctx.db, ctx.tenantId, ids),
    repo.findTasks(ctx.db, ctx.tenantId, { campaignIds: ids }),
  ]);
  const today = courtToday();
  const items = rows
    .map((c) =>
      toListItem(
        c,
        phases.filter((p) => p.campaignId === c.id),
        tasks.filter((t) => t.task.campaignId === c.id),
        units,
        today,
      ),
    )
    .filter(
      (c) =>
        year === undefined ||
        (c.startsOn !== null && c.startsOn <= `${String(year)}-12-31` && c.endsOn! >= `${String(year)}-01-01`),
    )
    .sort((a, b) => (b.startsOn ?? '9999').localeCompare(a.startsOn ?? '9999'));
  return { items, total: items.length };
}

export function toTask(
  row: { task: repo.TaskRow; done: boolean; reports: number },
  units: readonly OrgUnitRow[],
  names: ReadonlyMap<string, string>,
  today: string,
): CampaignTask {
  const t = row.task;
  return {
    id: t.id,
    campaignId: t.campaignId,
    phaseId: t.phaseId,
    title: t.title,
    description: t.description,
    orgUnitId: t.orgUnitId,
    personId: t.personId,
    assigneeName: t.personId ? (names.get(t.personId) ?? '') : orgName(units, t.orgUnitId),
    dueOn: t.dueOn,
    courtTypes: t.courtTypes,
    state: taskState({ done: row.done, dueOn: t.dueOn }, today),
    reports: row.reports,
  };
}

export async function getCampaign(ctx: RequestContext, id: string): Promise<CampaignDetail> {
  const { campaign, units, canManage } = await loadCampaign(ctx, id);
  const [phases, tasks] = await Promise.all([
    repo.findPhases(ctx.db, ctx.tenantId, [id]),
    repo.findTasks(ctx.db, ctx.tenantId, { campaignIds: [id] }),
  ]);
  const personIds = [...new Set(tasks.flatMap((t) => (t.task.personId ? [t.task.personId] : [])))];
  const people = await repo.findPeopleByIds(ctx.db, ctx.tenantId, personIds);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const today = courtToday();
  // Only the campaign's own organisation and those below it: the 党组 above a branch's campaign has no part in it.
  const reach =
    campaign.orgUnitId === null
      ? units
      : units.filter((u) => collectSubtreeIds(units, campaign.orgUnitId!).includes(u.id));
  const progress = progressByOrg(
    reach,
    tasks.map((t) => ({ orgUnitId: t.task.orgUnitId, personId: t.task.personId, done: t.done })),
    new Map(people.map((p) => [p.id, p.orgUnitId])),
  )
    .filter((p) => p.total > 0)
    .map((p) => ({ ...p, name: orgName(units, p.orgUnitId) }));
  return {
    ...toListItem(campaign, phases, tasks, units, today),
    goals: campaign.goals,
    summary: campaign.summary,
    phases: phases.map((p) => ({
      id: p.id,
      name: p.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      state: phaseState(p, today),
    })),
    taskList: tasks.map((t) => toTask(t, units, names, today)),
    progress,
    canManage,
  };
}

async function assertMayRun(ctx: RequestContext, orgUnitId: string | null, units: readonly OrgUnitRow[]) {
  if (orgUnitId !== null && !units.some((u) => u.id === orgUnitId))
    throw validationFailed([{ path: 'orgUnitId', message: '所选组织不存在' }]);
  if (!(await ctx.can('campaigns.manage', orgUnitId)))
    throw new AppError(
      'FORBIDDEN',
      orgUnitId === null ? '只有全院范围的管理人员可以部署全院的活动' : '只能为本人管理的组织部署活动',
    );
}

export async function createCampaign(ctx: RequestContext, input: CreateCampaignRequest): Promise<string> {
  checkPhases(input.phases);
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  await assertMayRun(ctx, input.orgUnitId, units);
  return ctx.db.transaction(async (tx) => {
    const c = await repo.insertCampaign(tx, {
      tenantId: ctx.tenantId,
      title: input.title,
      goals: input.goals,
      courtTypes: input.courtTypes,
      orgUnitId: input.orgUnitId,
    });
    await repo.insertPhases(
      tx,
      input.phases.map((p, i) => ({ tenantId: ctx.tenantId, campaignId: c.id, ...p, sortOrder: i + 1 })),
    );
    await writeAudit(tx, ctx.actor, {
      action: 'campaign.create',
      entity: 'campaign',
      entityId: c.id,
      summary: `部署主题教育实践活动：「${input.title}」（${orgName(units, input.orgUnitId)}，${input.courtTypes.map((t) => COURT_TYPE_LABELS[t]).join('、')}，${String(input.phases.length)}个阶段）`,
      after: input,
    });
    return c.id;
  });
}

async function loadManaged(ctx: RequestContext, id: string) {
  const loaded = await loadCampaign(ctx, id);
  if (!loaded.canManage) throw new AppError('FORBIDDEN', '只能修改本人管理的组织的活动');
  return loaded;
}

export async function updateCampaign(ctx: RequestContext, id: string, input: UpdateCampaignRequest) {
  const { campaign } = await loadManaged(ctx, id);
  const changes = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.goals !== undefined ? { goals: input.goals } : {}),
    ...(input.courtTypes !== undefined ? { courtTypes: input.courtTypes } : {}),
    ...(input.summary !== undefined ? { summary: input.summary?.trim() ? input.summary.trim() : null } : {}),
  };
  await ctx.db.transaction(async (tx) => {
    await repo.updateCampaign(tx, ctx.tenantId, id, changes);
    const diff = diffFields(campaign, { ...campaign, ...changes });
    await writeAudit(tx, ctx.actor, {
      action: 'campaign.update',
      entity: 'campaign',
      entityId: id,
      summary:
        changes.summary !== undefined
          ? `填写活动总结：「${campaign.title}」`
          : `修改主题教育实践活动：「${changes.title ?? campaign.title}」`,
      before: diff?.before ?? null,
      after: diff?.after ?? null,
    });
  });
  return getCampaign(ctx, id);
}

export async function addPhase(ctx: RequestContext, id: string, input: PhaseInput) {
  checkPhases([input], 'phase');
  const { campaign } = await loadManaged(ctx, id);
  const existing = await repo.findPhases(ctx.db, ctx.tenantId, [id]);
  await ctx.db.transaction(async (tx) => {
    const [p] = await repo.insertPhases(tx, [
      { tenantId: ctx.tenantId, campaignId: id, ...input, sortOrder: existing.length + 1 },
    ]);
    await writeAudit(tx, ctx.actor, {
      action: 'campaign.phase_create',
      entity: 'campaign_phase',
      entityId: p!.id,
      summary: `「${campaign.title}」增加阶段：${input.name}（${input.startsOn}至${input.endsOn}）`,
      after: input,
    });
  });
  return getCampaign(ctx, id);
}

/**
 * A task for an organisation or a person, within the campaign's reach: a campaign of an organisation
 * gives tasks to that organisation, those below it and their people; a court-wide one to anyone serving.
 */
export async function addTask(ctx: RequestContext, id: string, input: CreateTaskRequest) {
  const { campaign, units } = await loadManaged(ctx, id);
  if ((input.orgUnitId === null) === (input.personId === null))
    throw validationFailed([{ path: 'orgUnitId', message: '请选择承担任务的党组织或个人（二选一）' }]);
  const phase = await repo.findPhase(ctx.db, ctx.tenantId, input.phaseId);
  if (phase?.campaignId !== id) throw validationFailed([{ path: 'phaseId', message: '所选阶段不属于本活动' }]);
  const within = campaign.orgUnitId === null ? null : new Set(collectSubtreeIds(units, campaign.orgUnitId));
  let assigneeName: string;
  if (input.orgUnitId !== null) {
    const unit = units.find((u) => u.id === input.orgUnitId);
    if (!unit || (within && !within.has(unit.id)))
      throw validationFailed([{ path: 'orgUnitId', message: '所选组织不在本活动的范围内' }]);
    assigneeName = unit.name;
  } else {
    const [person] = await repo.findPeopleByIds(ctx.db, ctx.tenantId, [input.personId!]);
    if (!person || person.leftOn !== null || (within && (person.orgUnitId === null || !within.has(person.orgUnitId))))
      throw validationFailed([{ path: 'personId', message: '所选人员不在本活动的范围内' }]);
    assigneeName = person.name;
  }
  await ctx.db.transaction(async (tx) => {
    const task = await repo.insertTask(tx, {
      tenantId: ctx.tenantId,
      campaignId: id,
      phaseId: input.phaseId,
      title: input.title,
      description: input.description?.trim() ? input.description.trim() : null,
      orgUnitId: input.orgUnitId,
      personId: input.personId,
      dueOn: input.dueOn,
      courtTypes: input.courtTypes ?? campaign.courtTypes,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'campaign.task_create',
      entity: 'campaign_task',
      entityId: task.id,
      summary: `「${campaign.title}」${phase.name}阶段布置任务：「${input.title}」，由${assigneeName}承担，${input.dueOn}前完成`,
      after: input,
    });
  });
  return getCampaign(ctx, id);
}
