import { and, eq } from 'drizzle-orm';
import {
  collectSubtreeIds,
  computeCompliance,
  frequencyFor,
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
import { meetingExemptions, meetingFrequencySettings } from '../../../db/schema/index.ts';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { AuthContext } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../../platform/errors.ts';
import type { Scope } from '../../../platform/policy.ts';
import { inScope, scopeOf } from '../meeting-access.ts';
import * as repo from './compliance.repo.ts';

type OrgRow = repo.ComplianceInputs['orgs'][number];

/** The organisations a request covers: the whole reach of the permission, or one subtree of it. */
export function orgsInReach(orgs: OrgRow[], scope: Scope, orgUnitId: string | undefined): OrgRow[] {
  let ids: Set<string>;
  if (orgUnitId) {
    if (!orgs.some((o) => o.id === orgUnitId) || !inScope(scope, orgUnitId)) throw notFound('党组织');
    ids = new Set(collectSubtreeIds(orgs, orgUnitId));
  } else ids = new Set(orgs.map((o) => o.id));
  return orgs.filter((o) => ids.has(o.id) && inScope(scope, o.id));
}

export async function computeComplianceFor(
  db: Db,
  tenantId: string,
  orgs: OrgRow[],
  year: number,
): Promise<ComplianceItem[]> {
  const { from, to } = periodRange(String(year));
  const [held, overrides] = await Promise.all([
    repo.countHeldByMonth(
      db,
      tenantId,
      orgs.map((o) => o.id),
      from,
      to,
    ),
    repo.findFrequencySettings(db, tenantId),
  ]);
  return computeCompliance({ year, orgs, overrides, held });
}

export async function getCompliance(
  db: Db,
  auth: AuthContext,
  query: { year: number; orgUnitId?: string | undefined },
): Promise<ComplianceResponse> {
  const scope = await scopeOf(db, auth, 'compliance.read');
  const { from, to } = periodRange(String(query.year));
  const inputs = await repo.findComplianceInputs(db, auth.user.tenantId, scope.all ? null : scope.orgUnitIds, from, to);
  const orgs = orgsInReach(inputs.orgs, scope, query.orgUnitId);
  const held = inputs.held.map((h) => ({ ...h, month: monthPeriod(query.year, h.month) }));
  return { items: computeCompliance({ year: query.year, orgs, overrides: inputs.overrides, held }) };
}

/**
 * Every court's compliance for a year in three queries (a province-wide view, or a nightly job):
 * the organisations, the overrides and one GROUP BY of held meetings across all tenants.
 */
export async function computeProvinceCompliance(db: Db, year: number): Promise<Map<string, ComplianceItem[]>> {
  const { from, to } = periodRange(String(year));
  const [orgs, overrides, held] = await Promise.all([
    repo.findOrgsForCompliance(db, null),
    repo.findFrequencySettings(db, null),
    repo.countHeldByMonthAllTenants(db, from, to),
  ]);
  const byTenant = <T extends { tenantId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.tenantId, [...(map.get(r.tenantId) ?? []), r]);
    return map;
  };
  const orgsOf = byTenant(orgs);
  const overridesOf = byTenant(overrides);
  const heldOf = byTenant(held);
  const result = new Map<string, ComplianceItem[]>();
  for (const [tenantId, tenantOrgs] of orgsOf) {
    result.set(
      tenantId,
      computeCompliance({
        year,
        orgs: tenantOrgs,
        overrides: overridesOf.get(tenantId) ?? [],
        held: heldOf.get(tenantId) ?? [],
      }),
    );
  }
  return result;
}

export async function listFrequencySettings(db: Db, auth: AuthContext) {
  const scope = await scopeOf(db, auth, 'compliance.read');
  const orgs = orgsInReach(await repo.findOrgsForCompliance(db, auth.user.tenantId), scope, undefined);
  const overrides = overrideMap(await repo.findFrequencySettings(db, auth.user.tenantId));
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
  db: Db,
  auth: AuthContext,
  actor: Actor,
  input: { orgUnitId: string; type: MeetingType; frequency: MeetingFrequency | null },
) {
  const tenantId = auth.user.tenantId;
  const orgs = await repo.findOrgsForCompliance(db, tenantId);
  const org = orgs.find((o) => o.id === input.orgUnitId);
  if (!org) throw validationFailed([{ path: 'orgUnitId', message: '所选党组织不存在' }]);
  if (!inScope(await scopeOf(db, auth, 'meetings.manage'), org.id))
    throw new AppError('FORBIDDEN', '只能设置本人负责的党组织');
  const before = overrideMap(await repo.findFrequencySettings(db, tenantId)).get(`${org.id}:${input.type}`) ?? null;
  await db.transaction(async (tx) => {
    const where = and(
      eq(meetingFrequencySettings.tenantId, tenantId),
      eq(meetingFrequencySettings.orgUnitId, org.id),
      eq(meetingFrequencySettings.type, input.type),
    );
    await tx.delete(meetingFrequencySettings).where(where);
    if (input.frequency)
      await tx
        .insert(meetingFrequencySettings)
        .values({ tenantId, orgUnitId: org.id, type: input.type, frequency: input.frequency });
    await writeAudit(tx, actor, {
      action: 'compliance.frequency_set',
      entity: 'org_unit',
      entityId: org.id,
      summary: `设置${org.name}${MEETING_TYPE_LABELS[input.type]}频次：${input.frequency ? MEETING_FREQUENCY_LABELS[input.frequency] : '恢复默认'}`,
      before: { frequency: before },
      after: { frequency: input.frequency },
    });
  });
  return listFrequencySettings(db, auth);
}

async function manageScopeIds(db: Db, auth: AuthContext): Promise<string[] | null> {
  const scope = await scopeOf(db, auth, 'meetings.manage');
  return scope.all ? null : scope.orgUnitIds;
}

export async function listExemptions(db: Db, auth: AuthContext) {
  const rows = await repo.findExemptions(db, auth.user.tenantId, await manageScopeIds(db, auth));
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
  db: Db,
  auth: AuthContext,
  actor: Actor,
  input: { personId: string; reason: string; startsOn: string; endsOn?: string | null | undefined },
) {
  const tenantId = auth.user.tenantId;
  const scopeIds = await manageScopeIds(db, auth);
  const [person] = await db.query.people.findMany({
    where: (p, { and: all, eq: is }) => all(is(p.tenantId, tenantId), is(p.id, input.personId)),
    columns: { id: true, name: true, orgUnitId: true },
  });
  if (!person) throw validationFailed([{ path: 'personId', message: '人员不存在' }]);
  if (scopeIds && (!person.orgUnitId || !scopeIds.includes(person.orgUnitId)))
    throw new AppError('FORBIDDEN', '只能为本人负责的党组织的党员办理');
  if (input.endsOn && input.endsOn < input.startsOn)
    throw validationFailed([{ path: 'endsOn', message: '结束日期不能早于开始日期' }]);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingExemptions)
      .values({
        tenantId,
        personId: person.id,
        reason: input.reason,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
      })
      .returning({ id: meetingExemptions.id });
    await writeAudit(tx, actor, {
      action: 'meeting.exemption_create',
      entity: 'meeting_exemption',
      entityId: row!.id,
      summary: `免于参加组织生活（不计应到）：${person.name}（${input.reason}）`,
      after: input,
    });
  });
  return listExemptions(db, auth);
}

export async function deleteExemption(db: Db, auth: AuthContext, actor: Actor, id: string) {
  const tenantId = auth.user.tenantId;
  const scopeIds = await manageScopeIds(db, auth);
  const rows = await repo.findExemptions(db, tenantId, scopeIds);
  const row = rows.find((r) => r.exemption.id === id);
  if (!row) throw notFound('免于参会记录');
  await db.transaction(async (tx) => {
    await tx
      .delete(meetingExemptions)
      .where(and(eq(meetingExemptions.tenantId, tenantId), eq(meetingExemptions.id, id)));
    await writeAudit(tx, actor, {
      action: 'meeting.exemption_delete',
      entity: 'meeting_exemption',
      entityId: id,
      summary: `取消免于参加组织生活：${row.personName}`,
      before: { reason: row.exemption.reason, startsOn: row.exemption.startsOn, endsOn: row.exemption.endsOn },
    });
  });
  return listExemptions(db, auth);
}
