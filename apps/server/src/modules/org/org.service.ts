import {
  addYears,
  collectSubtreeIds,
  computeOrgNotices,
  termSettingProblem,
  termYearsOf,
  ORG_CHILD_KINDS,
  ORG_KIND_LABELS,
  courtToday,
  type CreateOrgUnitRequest,
  type OrgKind,
  type Department,
  type DepartmentRequest,
  type OrgUnit,
  type UpdateOrgUnitRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './org.repo.ts';

/** What reading the court's organisation needs: its database and which court (a request context will do). */
export type CourtReader = Pick<RequestContext, 'db' | 'tenantId'>;
export type { OrgUnitRow, DepartmentRow } from './org.repo.ts';

/** The court's organisation units as stored (parents before children is not promised). */
export function orgUnitsOfCourt(court: CourtReader): Promise<repo.OrgUnitRow[]> {
  return repo.findOrgUnitsOfTenant(court.db, court.tenantId);
}

/** One organisation unit of the court, or undefined. */
export function findOrgUnit(court: CourtReader, id: string): Promise<repo.OrgUnitRow | undefined> {
  return repo.findOrgUnit(court.db, court.tenantId, id);
}

/** The unit and every unit below it (ids); empty when the court has no such unit. */
export async function subtreeOf(court: CourtReader, orgUnitId: string): Promise<string[]> {
  return collectSubtreeIds(await orgUnitsOfCourt(court), orgUnitId);
}

export function departmentsOfCourt(court: CourtReader): Promise<repo.DepartmentRow[]> {
  return repo.findDepartmentsOfTenant(court.db, court.tenantId);
}

export function findDepartment(court: CourtReader, id: string): Promise<repo.DepartmentRow | undefined> {
  return repo.findDepartment(court.db, court.tenantId, id);
}

export async function listOrgUnits(ctx: RequestContext, today = courtToday()): Promise<OrgUnit[]> {
  const { db, tenantId } = ctx;
  const [units, counts, names] = await Promise.all([
    repo.findOrgUnitsOfTenant(db, tenantId),
    repo.countMembersByOrgUnit(db, tenantId),
    repo.findPeopleNames(db, tenantId),
  ]);
  const nameOf = new Map(names.map((p) => [p.id, p.name]));
  const direct = new Map(counts.map((c) => [c.orgUnitId, c]));
  const children = new Map<string | null, repo.OrgUnitRow[]>();
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const totals = new Map<string, { members: number; fullMembers: number }>();
  const total = (u: repo.OrgUnitRow, seen: Set<string>): { members: number; fullMembers: number } => {
    const cached = totals.get(u.id);
    if (cached) return cached;
    seen.add(u.id);
    const own = direct.get(u.id);
    const sum = { members: own?.members ?? 0, fullMembers: own?.fullMembers ?? 0 };
    for (const child of children.get(u.id) ?? []) {
      if (seen.has(child.id)) continue;
      const t = total(child, seen);
      sum.members += t.members;
      sum.fullMembers += t.fullMembers;
    }
    totals.set(u.id, sum);
    return sum;
  };
  return units.map((u) => {
    const t = total(u, new Set());
    const termYears = termYearsOf(u.kind, u.termYears);
    return {
      id: u.id,
      kind: u.kind,
      name: u.name,
      parentId: u.parentId,
      secretaryPersonId: u.secretaryPersonId,
      secretaryName: u.secretaryPersonId ? (nameOf.get(u.secretaryPersonId) ?? null) : null,
      committee: u.committee.map((c) => ({ ...c, name: nameOf.get(c.personId) ?? '（已删除）' })),
      establishedOn: u.establishedOn,
      termStartedOn: u.termStartedOn,
      termEndsOn: u.termStartedOn && termYears !== null ? addYears(u.termStartedOn, termYears) : null,
      termYears,
      termYearsSetting: u.termYears,
      memberCount: t.members,
      notices: computeOrgNotices({
        kind: u.kind,
        memberCount: t.members,
        fullMemberCount: t.fullMembers,
        termStartedOn: u.termStartedOn,
        termYears,
        committeeSize: committeeSizeOf(u),
        today,
      }),
      sortOrder: u.sortOrder,
    };
  });
}

/** The secretary and the committee members of a unit, once each (a 党小组 has none to check). */
function committeeSizeOf(u: { kind: string; secretaryPersonId: string | null; committee: { personId: string }[] }) {
  if (u.kind !== 'branch') return undefined;
  return new Set([u.secretaryPersonId, ...u.committee.map((c) => c.personId)].filter(Boolean)).size;
}

/** A term setting only where the rule allows one (党总支, 机关党委: 3 to 5 years). */
function assertTermSetting(kind: OrgKind, termYears: number | null | undefined): void {
  if (termYears == null) return;
  const problem = termSettingProblem(kind, termYears);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { issues: [{ path: 'termYears', message: problem }] });
}

async function assertPeopleExist(ctx: RequestContext, ids: (string | null | undefined)[]): Promise<void> {
  const wanted = ids.filter((id): id is string => !!id);
  if (wanted.length === 0) return;
  const known = new Set((await repo.findPeopleNames(ctx.db, ctx.tenantId)).map((p) => p.id));
  const missing = wanted.find((id) => !known.has(id));
  if (missing)
    throw new AppError('VALIDATION_FAILED', '所选人员不存在', {
      issues: [{ path: 'secretaryPersonId', message: '所选人员不存在' }],
    });
}

export async function createOrgUnit(ctx: RequestContext, input: CreateOrgUnitRequest): Promise<OrgUnit> {
  const parent = await repo.findOrgUnit(ctx.db, ctx.tenantId, input.parentId);
  if (!parent) throw notFound('上级组织');
  if (!ORG_CHILD_KINDS[parent.kind].includes(input.kind)) {
    throw new AppError('VALIDATION_FAILED', `${ORG_KIND_LABELS[parent.kind]}下不能设立${ORG_KIND_LABELS[input.kind]}`, {
      issues: [{ path: 'kind', message: `${ORG_KIND_LABELS[parent.kind]}下不能设立${ORG_KIND_LABELS[input.kind]}` }],
    });
  }
  await assertPeopleExist(ctx, [input.secretaryPersonId, ...(input.committee ?? []).map((c) => c.personId)]);
  assertTermSetting(input.kind, input.termYears);
  const created = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertOrgUnit(tx, {
      tenantId: ctx.tenantId,
      parentId: input.parentId,
      kind: input.kind,
      name: input.name,
      secretaryPersonId: input.secretaryPersonId ?? null,
      committee: input.committee ?? [],
      establishedOn: input.establishedOn ?? null,
      termStartedOn: input.termStartedOn ?? null,
      termYears: input.termYears ?? null,
      sortOrder: input.sortOrder ?? 0,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'org_unit.create',
      entity: 'org_unit',
      entityId: row.id,
      summary: `新建${ORG_KIND_LABELS[row.kind]}：${row.name}`,
      after: row,
    });
    return row;
  });
  return (await listOrgUnits(ctx)).find((u) => u.id === created.id)!;
}

export async function updateOrgUnit(ctx: RequestContext, id: string, input: UpdateOrgUnitRequest): Promise<OrgUnit> {
  const before = await repo.findOrgUnit(ctx.db, ctx.tenantId, id);
  if (!before) throw notFound('组织');
  await assertPeopleExist(ctx, [input.secretaryPersonId, ...(input.committee ?? []).map((c) => c.personId)]);
  assertTermSetting(before.kind, input.termYears);
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateOrgUnit(tx, ctx.tenantId, id, input);
    const diff = diffFields(before, input);
    if (after && diff) {
      await writeAudit(tx, ctx.actor, {
        action: 'org_unit.update',
        entity: 'org_unit',
        entityId: id,
        summary: `修改组织：${after.name}`,
        ...diff,
      });
    }
  });
  return (await listOrgUnits(ctx)).find((u) => u.id === id)!;
}

export async function deleteOrgUnit(ctx: RequestContext, id: string): Promise<void> {
  const before = await repo.findOrgUnit(ctx.db, ctx.tenantId, id);
  if (!before) throw notFound('组织');
  if (before.parentId === null) throw new AppError('ORG_NOT_EMPTY', '不能删除根组织');
  const usage = await repo.countChildrenAndPeople(ctx.db, ctx.tenantId, id);
  if (usage.children > 0 || usage.people > 0) {
    throw new AppError(
      'ORG_NOT_EMPTY',
      `该组织下还有${String(usage.children)}个下级组织、${String(usage.people)}名人员，请先调整后再删除`,
    );
  }
  await ctx.db.transaction(async (tx) => {
    await repo.deleteOrgUnit(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx.actor, {
      action: 'org_unit.delete',
      entity: 'org_unit',
      entityId: id,
      summary: `删除组织：${before.name}`,
      before,
    });
  });
}

export async function listDepartments(ctx: RequestContext): Promise<Department[]> {
  const [rows, counts] = await Promise.all([
    repo.findDepartmentsOfTenant(ctx.db, ctx.tenantId),
    repo.countPeopleByDepartment(ctx.db, ctx.tenantId),
  ]);
  const byId = new Map(counts.map((c) => [c.departmentId, c]));
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    kind: d.kind,
    sortOrder: d.sortOrder,
    staffCount: byId.get(d.id)?.staff ?? 0,
    memberCount: byId.get(d.id)?.members ?? 0,
  }));
}

export async function createDepartment(ctx: RequestContext, input: DepartmentRequest): Promise<Department> {
  const row = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertDepartment(tx, {
      tenantId: ctx.tenantId,
      name: input.name,
      kind: input.kind,
      sortOrder: input.sortOrder ?? 0,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'department.create',
      entity: 'department',
      entityId: created.id,
      summary: `新建内设部门：${created.name}`,
      after: created,
    });
    return created;
  });
  return { id: row.id, name: row.name, kind: row.kind, sortOrder: row.sortOrder, staffCount: 0, memberCount: 0 };
}

export async function updateDepartment(
  ctx: RequestContext,
  id: string,
  input: Partial<DepartmentRequest>,
): Promise<Department> {
  const before = await repo.findDepartment(ctx.db, ctx.tenantId, id);
  if (!before) throw notFound('内设部门');
  await ctx.db.transaction(async (tx) => {
    await repo.updateDepartment(tx, ctx.tenantId, id, input);
    const diff = diffFields(before, input);
    if (diff)
      await writeAudit(tx, ctx.actor, {
        action: 'department.update',
        entity: 'department',
        entityId: id,
        summary: `修改内设部门：${input.name ?? before.name}`,
        ...diff,
      });
  });
  return (await listDepartments(ctx)).find((d) => d.id === id)!;
}

export async function deleteDepartment(ctx: RequestContext, id: string): Promise<void> {
  const before = await repo.findDepartment(ctx.db, ctx.tenantId, id);
  if (!before) throw notFound('内设部门');
  const staff = await repo.countPeopleInDepartment(ctx.db, ctx.tenantId, id);
  if (staff > 0) throw new AppError('ORG_NOT_EMPTY', `该部门还有${String(staff)}名干警，请先调整后再删除`);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteDepartment(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx.actor, {
      action: 'department.delete',
      entity: 'department',
      entityId: id,
      summary: `删除内设部门：${before.name}`,
      before,
    });
  });
}
