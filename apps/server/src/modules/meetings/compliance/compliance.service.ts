import {
  collectSubtreeIds,
  frequencyFor,
  HELD_STATUSES,
  isAnnualItem,
  isMeetingType,
  itemsShownInMonth,
  periodLabel,
  type ComplianceCell,
  MEETING_FREQUENCY_LABELS,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  monthPeriod,
  overrideMap,
  periodRange,
  type ComplianceItem,
  type ComplianceResponse,
  type MeetingFrequency,
  type MeetingType,
} from '@qizhi/domain';
import { writeAudit } from '../../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../../platform/errors.ts';
import { covers, unitsOf, type Scope } from '../../../platform/policy.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { toListItems } from '../meeting-detail.ts';
import * as meetingsRepo from '../meetings.repo.ts';
import { complianceOrgsOf, computeBoard } from './board.ts';
import * as repo from './compliance.repo.ts';

type OrgRow = repo.ComplianceInputs['orgs'][number];

/** The organisations a request covers: the whole reach of the permission, or one subtree of it. */
export function orgsInReach(orgs: OrgRow[], scope: Scope, orgUnitId: string | undefined): OrgRow[] {
  let ids: Set<string>;
  if (orgUnitId) {
    if (!orgs.some((o) => o.id === orgUnitId) || !covers(scope, orgUnitId)) throw notFound('党组织');
    ids = new Set(collectSubtreeIds(orgs, orgUnitId));
  } else ids = new Set(orgs.map((o) => o.id));
  return orgs.filter((o) => ids.has(o.id) && covers(scope, o.id));
}

/** The board's items for organisations already in reach (the reminders' view). */
export async function computeComplianceFor(
  ctx: RequestContext,
  orgs: OrgRow[],
  year: number,
): Promise<ComplianceItem[]> {
  const { from, to } = periodRange(String(year));
  const orgUnitIds = orgs.map((o) => o.id);
  const [held, overrides, allOrgs] = await Promise.all([
    repo.countHeldByMonth(ctx.db, ctx.tenantId, orgUnitIds, from, to),
    repo.findFrequencySettings(ctx.db, ctx.tenantId),
    repo.findOrgsForCompliance(ctx.db, ctx.tenantId),
  ]);
  return (await computeBoard(ctx, { year, orgs, allOrgs, overrides, held })).items;
}

/** The board and what it was computed from, for the organisations a request reaches. */
async function boardOf(ctx: RequestContext, year: number, orgUnitId: string | undefined) {
  const scope = await ctx.scopeOf('compliance.read');
  const { from, to } = periodRange(String(year));
  const inputs = await repo.findComplianceInputs(ctx.db, ctx.tenantId, unitsOf(scope), from, to);
  const orgs = orgsInReach(inputs.orgs, scope, orgUnitId);
  const held = inputs.held.map((h) => ({ ...h, month: monthPeriod(year, h.month) }));
  const facts = await computeBoard(ctx, { year, orgs, allOrgs: inputs.orgs, overrides: inputs.overrides, held });
  return { orgs, facts };
}

export async function getCompliance(
  ctx: RequestContext,
  query: { year: number; orgUnitId?: string | undefined },
): Promise<ComplianceResponse> {
  const { facts } = await boardOf(ctx, query.year, query.orgUnitId);
  return { items: facts.items };
}

/**
 * One cell of the board: the items shown for one organisation in one month, each with the meetings
 * of that organisation it counts (its period, or the year an annual meeting covers) and, for
 * 谈心谈话, every pair and whether it is done. Not the subtree, not the whole year.
 */
export async function getComplianceCell(
  ctx: RequestContext,
  query: { orgUnitId: string; year: number; month: number },
): Promise<ComplianceCell> {
  const { orgs, facts } = await boardOf(ctx, query.year, query.orgUnitId);
  const org = orgs.find((o) => o.id === query.orgUnitId);
  if (!org) throw notFound('党组织');
  const shown = itemsShownInMonth(
    facts.items.filter((i) => i.orgUnitId === org.id),
    query.year,
    query.month,
  );
  const items = [];
  for (const item of shown) {
    const rows = await meetingsCountedBy(ctx, org, item);
    const pairs = item.type === 'talk' ? facts.pairs.get(org.id) : undefined;
    items.push({
      ...item,
      periodLabel: periodLabel(item.period),
      meetings: (await toListItems(ctx.db, ctx.tenantId, rows)).map((r) => r.item),
      ...(pairs
        ? {
            pairs: pairs.map((p) => ({
              names: p.ids.map((id) => facts.names.get(id) ?? '（未知）') as [string, string],
              done: p.done,
            })),
          }
        : {}),
    });
  }
  return { items };
}

/** The meetings an item counts or concerns, of that organisation only. */
async function meetingsCountedBy(ctx: RequestContext, org: OrgRow, item: ComplianceItem) {
  const year = Number(item.period.slice(0, 4));
  const annual = item.type === 'democratic_life_report' || (isMeetingType(item.type) && isAnnualItem(item.type));
  // An annual meeting covering a year may be held up to the February after it.
  const range = annual
    ? { from: periodRange(String(year)).from, to: periodRange(`${String(year + 1)}-02`).to }
    : periodRange(item.period);
  if (item.type === 'secretary_lecture') {
    if (!org.secretaryPersonId) return [];
    const rows = await meetingsRepo.findMeetingsForLedger(ctx.db, ctx.tenantId, { type: 'lecture', ...range });
    return rows.filter(
      (r) => r.meeting.hostPersonId === org.secretaryPersonId && HELD_STATUSES.includes(r.meeting.status),
    );
  }
  const type = item.type === 'democratic_life_report' ? 'democratic_life' : item.type;
  const rows = await meetingsRepo.findMeetingsForLedger(ctx.db, ctx.tenantId, {
    orgUnitIds: [org.id],
    type,
    ...range,
    excludeCancelled: true,
  });
  return annual ? rows.filter((r) => r.meeting.coveredYear === year) : rows;
}

export async function listFrequencySettings(ctx: RequestContext) {
  const scope = await ctx.scopeOf('compliance.read');
  const allOrgs = await repo.findOrgsForCompliance(ctx.db, ctx.tenantId);
  const orgs = await complianceOrgsOf(ctx, orgsInReach(allOrgs, scope, undefined), allOrgs);
  const overrides = overrideMap(await repo.findFrequencySettings(ctx.db, ctx.tenantId));
  const items = [];
  for (const org of orgs) {
    for (const type of MEETING_TYPES) {
      const frequency = frequencyFor(org, type, overrides);
      const isDefault = !overrides.has(`${org.id}:${type}`);
      if (frequency === 'none' && isDefault) continue;
      items.push({ orgUnitId: org.id, type, frequency, isDefault });
    }
  }
  return { items };
}

/** A court changes how often one organisation must hold a type of meeting; null restores the default. */
export async function setFrequency(
  ctx: RequestContext,
  input: { orgUnitId: string; type: MeetingType; frequency: MeetingFrequency | null },
) {
  const orgs = await repo.findOrgsForCompliance(ctx.db, ctx.tenantId);
  const org = orgs.find((o) => o.id === input.orgUnitId);
  if (!org) throw validationFailed([{ path: 'orgUnitId', message: '所选党组织不存在' }]);
  if (!(await ctx.can('meetings.manage', org.id))) throw new AppError('FORBIDDEN', '只能设置本人负责的党组织');
  const overrides = overrideMap(await repo.findFrequencySettings(ctx.db, ctx.tenantId));
  const before = overrides.get(`${org.id}:${input.type}`) ?? null;
  await ctx.db.transaction(async (tx) => {
    await repo.setFrequency(tx, ctx.tenantId, org.id, input.type, input.frequency);
    await writeAudit(tx, ctx.actor, {
      action: 'compliance.frequency_set',
      entity: 'org_unit',
      entityId: org.id,
      summary: `设置${org.name}${MEETING_TYPE_LABELS[input.type]}频次：${input.frequency ? MEETING_FREQUENCY_LABELS[input.frequency] : '恢复默认'}`,
      before: { frequency: before },
      after: { frequency: input.frequency },
    });
  });
  return listFrequencySettings(ctx);
}

async function exemptionsInReach(ctx: RequestContext) {
  return repo.findExemptions(ctx.db, ctx.tenantId, unitsOf(await ctx.scopeOf('meetings.manage')));
}

export async function listExemptions(ctx: RequestContext) {
  const rows = await exemptionsInReach(ctx);
  return {
    items: rows.map((r) => ({
      id: r.exemption.id,
      personId: r.exemption.personId,
      personName: r.personName,
      reason: r.exemption.reason,
      startsOn: r.exemption.startsOn,
      endsOn: r.exemption.endsOn,
    })),
  };
}

export async function createExemption(
  ctx: RequestContext,
  input: { personId: string; reason: string; startsOn: string; endsOn?: string | null | undefined },
) {
  const person = await repo.findPerson(ctx.db, ctx.tenantId, input.personId);
  if (!person) throw validationFailed([{ path: 'personId', message: '人员不存在' }]);
  if (!(await ctx.can('meetings.manage', person.orgUnitId)))
    throw new AppError('FORBIDDEN', '只能为本人负责的党组织的党员办理');
  if (input.endsOn && input.endsOn < input.startsOn)
    throw validationFailed([{ path: 'endsOn', message: '结束日期不能早于开始日期' }]);
  await ctx.db.transaction(async (tx) => {
    const id = await repo.insertExemption(tx, {
      tenantId: ctx.tenantId,
      personId: person.id,
      reason: input.reason,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.exemption_create',
      entity: 'meeting_exemption',
      entityId: id,
      summary: `免于参加组织生活（不计应到）：${person.name}（${input.reason}）`,
      after: input,
    });
  });
  return listExemptions(ctx);
}

export async function deleteExemption(ctx: RequestContext, id: string) {
  const row = (await exemptionsInReach(ctx)).find((r) => r.exemption.id === id);
  if (!row) throw notFound('免于参会记录');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteExemption(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx.actor, {
      action: 'meeting.exemption_delete',
      entity: 'meeting_exemption',
      entityId: id,
      summary: `取消免于参加组织生活：${row.personName}`,
      before: { reason: row.exemption.reason, startsOn: row.exemption.startsOn, endsOn: row.exemption.endsOn },
    });
  });
  return listExemptions(ctx);
}
