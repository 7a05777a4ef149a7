import {
  ageBandOf,
  completedYears,
  disciplineProblems,
  maskIdNumber,
  maskPhone,
  parseIdBirthDate,
  parseIdGender,
  courtToday,
  DEVELOPMENT_FACT_FIELDS,
  STAGE_DATE_LABELS,
  stageDateProblems,
  type DevelopmentFactField,
  type CreateMemberRequest,
  type FieldIssue,
  type MemberDetail,
  type MemberListItem,
  type MemberPage,
  type MembersQuery,
  type UpdateMemberRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { covers, scopeNameLoading, type Scope } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { developmentFactsOf, type DevelopmentFacts } from '../development/index.ts';
import { findDepartment, findOrgUnit, orgUnitsOfCourt, subtreeOf } from '../org/index.ts';
import * as repo from './members.repo.ts';

type JoinedPerson = { person: repo.PersonRow; orgUnitName: string | null; departmentName: string | null };

/**
 * A person as a list shows them. Without the reveal permission the birth date and exact age are left
 * out and only the age band is given: with the birth date beside it, a masked ID number could be rebuilt.
 */
export function toListItem(p: repo.PersonPageRow, today: string, reveal: boolean): MemberListItem {
  const age = p.birthDate ? completedYears(p.birthDate, today) : null;
  return {
    id: p.id,
    name: p.name,
    gender: p.gender,
    birthDate: reveal ? p.birthDate : null,
    age: reveal ? age : null,
    ageBand: age === null ? null : ageBandOf(age),
    status: p.status,
    retired: p.retired,
    orgUnitId: p.orgUnitId,
    orgUnitName: p.orgUnitName,
    departmentId: p.departmentId,
    departmentName: p.departmentName,
    position: p.position,
    joinedOn: p.joinedOn,
    idNumber: maskIdNumber(p.idNumber),
    phone: maskPhone(p.phone),
    leftOn: p.leftOn,
    leftReason: p.leftReason,
  };
}

function toDetail(
  row: JoinedPerson & { hasAccount: boolean },
  today: string,
  reveal: boolean,
  facts: DevelopmentFacts = {},
): MemberDetail {
  const p = row.person;
  const fromDevelopment = DEVELOPMENT_FACT_FIELDS.filter((f) => facts[f] !== undefined);
  return {
    ...toListItem({ ...p, orgUnitName: row.orgUnitName, departmentName: row.departmentName }, today, reveal),
    ethnicity: p.ethnicity,
    education: p.education,
    confirmedOn: p.confirmedOn,
    partyPosts: p.partyPosts,
    retiredOn: p.retiredOn,
    probationFrom: p.probationFrom,
    probationTo: p.probationTo,
    suspendedFrom: p.suspendedFrom,
    suspendedTo: p.suspendedTo,
    notes: p.notes,
    leftNote: p.leftNote,
    email: p.email,
    nativePlace: p.nativePlace,
    workPost: p.workPost,
    partyStanding: p.partyStanding ?? (p.status === 'full' || p.status === 'probationary' ? 'normal' : null),
    sponsors: facts.sponsors ?? p.sponsors,
    transferredInOn: p.transferredInOn,
    appliedOn: facts.appliedOn ?? p.appliedOn,
    activistOn: facts.activistOn ?? p.activistOn,
    candidateOn: facts.candidateOn ?? p.candidateOn,
    fromDevelopment,
    hasAccount: row.hasAccount,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function listPeople(ctx: RequestContext, query: MembersQuery): Promise<MemberPage> {
  const today = courtToday();
  const scope = await ctx.scopeOf('people.read');
  const orgUnitIds = query.orgUnitId ? await subtreeOf(ctx, query.orgUnitId) : undefined;
  const where = repo.rosterConditions(ctx.tenantId, scope, { ...query, orgUnitIds }, today);
  const { rows, total } = await repo.findRosterPage(ctx.db, where, query);
  return {
    items: rows.map((r) => toListItem(r, today, ctx.has('people.pii.reveal'))),
    total,
    page: query.page,
    pageSize: query.pageSize,
    // The one other read on a roster view, skipped for the court-wide scope most viewers have.
    scopeName: await scopeNameLoading(scope, () => orgUnitsOfCourt(ctx)),
  };
}

export async function findVisiblePerson(
  ctx: RequestContext,
  id: string,
  permission: 'people.read' | 'people.manage' | 'people.pii.reveal',
) {
  const row = await repo.findPersonById(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('人员');
  // Outside one's reach a person is simply not there, so ids of other branches are not confirmed.
  if (!(await ctx.can(permission, row.person.orgUnitId)) && ctx.personId !== id) throw notFound('人员');
  return row;
}

/** What the person's development steps say of their record (steps 1, 3, 7, 9), if they have any. */
async function factsOf(ctx: RequestContext, id: string): Promise<DevelopmentFacts> {
  return (await developmentFactsOf(ctx.db, ctx.tenantId, [id])).get(id) ?? {};
}

export async function getPerson(ctx: RequestContext, id: string): Promise<MemberDetail> {
  const row = await findVisiblePerson(ctx, id, 'people.read');
  return toDetail(row, courtToday(), ctx.has('people.pii.reveal'), await factsOf(ctx, id));
}

/** Whether the court has this person (for linking an account to a person). */
export async function personExists(ctx: RequestContext, id: string): Promise<boolean> {
  return (await repo.findPersonById(ctx.db, ctx.tenantId, id)) !== undefined;
}

export async function getOwnProfile(ctx: RequestContext): Promise<MemberDetail> {
  if (!ctx.personId) throw new AppError('NOT_FOUND', '当前账号未关联人员信息');
  const row = await repo.findPersonById(ctx.db, ctx.tenantId, ctx.personId);
  if (!row) throw new AppError('NOT_FOUND', '当前账号未关联人员信息');
  return toDetail(row, courtToday(), true, await factsOf(ctx, ctx.personId)); // one's own record, in full
}

export async function revealPii(ctx: RequestContext, id: string) {
  const row = await findVisiblePerson(ctx, id, 'people.pii.reveal');
  await writeAudit(ctx.db, ctx.actor, {
    action: 'person.pii_revealed',
    entity: 'person',
    entityId: id,
    summary: `查看完整身份证号和手机号：${row.person.name}`,
  });
  return { id, idNumber: row.person.idNumber, phone: row.person.phone };
}

type PersonInput = Partial<CreateMemberRequest>;

/** Rules across fields, checked on the record as it will be after the change. */
async function checkPerson(
  ctx: RequestContext,
  scope: Scope,
  merged: PersonInput,
  facts: DevelopmentFacts = {},
): Promise<repo.PersonValues> {
  const issues: FieldIssue[] = [];
  const idNumber = merged.idNumber ?? null;
  let birthDate = merged.birthDate ?? null;
  let gender = merged.gender;
  if (idNumber) {
    const fromId = parseIdBirthDate(idNumber);
    if (birthDate && fromId && birthDate !== fromId)
      issues.push({ path: 'birthDate', message: `出生日期与公民身份号码不一致（号码中为${fromId}）` });
    birthDate ??= fromId;
    const genderFromId = parseIdGender(idNumber);
    if (gender && gender !== genderFromId) issues.push({ path: 'gender', message: '性别与公民身份号码不一致' });
    gender ??= genderFromId;
  }
  if (!gender) issues.push({ path: 'gender', message: '请选择性别（或填写公民身份号码）' });
  const status = merged.status ?? 'non_party';
  const orgUnitId = merged.orgUnitId ?? null;
  if (status === 'non_party' && orgUnitId)
    issues.push({ path: 'orgUnitId', message: '群众不编入党组织，请先修改人员类别' });
  if (merged.joinedOn && merged.confirmedOn && merged.confirmedOn < merged.joinedOn)
    issues.push({ path: 'confirmedOn', message: '转正日期不能早于入党日期' });
  if (birthDate && merged.joinedOn && merged.joinedOn < birthDate)
    issues.push({ path: 'joinedOn', message: '入党日期不能早于出生日期' });
  if (orgUnitId) {
    const unit = await findOrgUnit(ctx, orgUnitId);
    if (!unit) issues.push({ path: 'orgUnitId', message: '所选党组织不存在' });
    else if (!covers(scope, orgUnitId)) issues.push({ path: 'orgUnitId', message: '只能编入本人负责的党组织' });
  } else if (!covers(scope, null)) {
    issues.push({ path: 'orgUnitId', message: '请选择本人负责的党组织' });
  }
  issues.push(...disciplineProblems(status, merged));
  const member = status === 'full' || status === 'probationary';
  if (merged.partyStanding && !member) issues.push({ path: 'partyStanding', message: '只有党员才有党籍状态' });
  // The stage dates in order, reading those the development steps hold from there.
  issues.push(
    ...stageDateProblems({
      birthDate,
      appliedOn: facts.appliedOn ?? merged.appliedOn ?? null,
      activistOn: facts.activistOn ?? merged.activistOn ?? null,
      candidateOn: facts.candidateOn ?? merged.candidateOn ?? null,
      joinedOn: merged.joinedOn ?? null,
      confirmedOn: merged.confirmedOn ?? null,
      transferredInOn: merged.transferredInOn ?? null,
    }).filter((i) => i.path !== 'joinedOn' || !issues.some((j) => j.path === 'joinedOn')),
  );
  if (merged.departmentId && !(await findDepartment(ctx, merged.departmentId))) {
    issues.push({ path: 'departmentId', message: '所选内设部门不存在' });
  }
  if (issues.length > 0) throw validationFailed(issues);
  return {
    name: merged.name!,
    gender: gender!,
    ethnicity: merged.ethnicity ?? null,
    birthDate,
    idNumber,
    phone: merged.phone ?? null,
    email: merged.email ?? null,
    education: merged.education ?? null,
    status,
    joinedOn: merged.joinedOn ?? null,
    confirmedOn: merged.confirmedOn ?? null,
    orgUnitId,
    departmentId: merged.departmentId ?? null,
    position: merged.position ?? null,
    partyPosts: merged.partyPosts ?? null,
    retired: merged.retired ?? false,
    retiredOn: merged.retired === false ? null : (merged.retiredOn ?? null),
    probationFrom: merged.probationFrom ?? null,
    probationTo: merged.probationFrom ? (merged.probationTo ?? null) : null,
    suspendedFrom: merged.suspendedFrom ?? null,
    suspendedTo: merged.suspendedFrom ? (merged.suspendedTo ?? null) : null,
    notes: merged.notes ?? null,
    nativePlace: merged.nativePlace ?? null,
    workPost: merged.workPost ?? null,
    partyStanding: member ? (merged.partyStanding ?? null) : null,
    sponsors: merged.sponsors ?? null,
    transferredInOn: merged.transferredInOn ?? null,
    appliedOn: merged.appliedOn ?? null,
    activistOn: merged.activistOn ?? null,
    candidateOn: merged.candidateOn ?? null,
  };
}

/**
 * Fields the person's development steps answer are not asked twice: an edit may send them back as
 * shown (ignored), but a different value is refused with where to change it.
 */
function withoutDevelopmentFacts(input: UpdateMemberRequest, facts: DevelopmentFacts): UpdateMemberRequest {
  const issues: FieldIssue[] = [];
  const rest: UpdateMemberRequest = { ...input };
  for (const field of DEVELOPMENT_FACT_FIELDS) {
    const fact = facts[field];
    if (fact === undefined || input[field] === undefined) continue;
    if (input[field] !== fact) issues.push({ path: field, message: factMessage(field) });
    delete rest[field];
  }
  if (issues.length > 0) throw validationFailed(issues);
  return rest;
}

const FACT_STEP: Record<DevelopmentFactField, number> = { appliedOn: 1, activistOn: 3, candidateOn: 7, sponsors: 9 };
function factMessage(field: DevelopmentFactField): string {
  const label = field === 'sponsors' ? '入党介绍人' : STAGE_DATE_LABELS[field];
  return `${label}取自发展党员纪实第${String(FACT_STEP[field])}步，请在“发展党员”中修改`;
}

/**
 * What an audit row may hold of a person: personal numbers only masked, and the birth date only as
 * changed or not (with the birth date beside it a masked ID number could be rebuilt).
 */
export function auditablePerson(values: Partial<repo.PersonValues>): Record<string, unknown> {
  const { idNumber, phone, birthDate, ...rest } = values;
  return {
    ...rest,
    ...(birthDate !== undefined ? { birthDate: birthDate === null ? null : '（已隐藏）' } : {}),
    ...(idNumber !== undefined ? { idNumber: maskIdNumber(idNumber) } : {}),
    ...(phone !== undefined ? { phone: maskPhone(phone) } : {}),
  };
}

export async function createPerson(ctx: RequestContext, input: CreateMemberRequest): Promise<MemberDetail> {
  const scope = await ctx.scopeOf('people.manage');
  const values = await checkPerson(ctx, scope, input);
  const created = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertPerson(tx, ctx.tenantId, values);
    await writeAudit(tx, ctx.actor, {
      action: 'person.create',
      entity: 'person',
      entityId: row.id,
      summary: `新增人员：${row.name}`,
      after: auditablePerson(values),
    });
    return row;
  });
  return getPerson(ctx, created.id);
}

export async function editPerson(ctx: RequestContext, id: string, input: UpdateMemberRequest): Promise<MemberDetail> {
  const scope = await ctx.scopeOf('people.manage');
  const before = await findVisiblePerson(ctx, id, 'people.manage');
  if (!covers(scope, before.person.orgUnitId)) throw new AppError('FORBIDDEN', '只能修改本人负责的党组织的人员');
  const current = repo.personValuesOf(before.person);
  const facts = await factsOf(ctx, id);
  const merged: PersonInput = { ...current, ...stripUndefined(withoutDevelopmentFacts(input, facts)) };
  const values = await checkPerson(ctx, scope, merged, facts);
  const diff = diffFields(current, values);
  if (diff) {
    await ctx.db.transaction(async (tx) => {
      await repo.updatePerson(tx, ctx.tenantId, id, values);
      await writeAudit(tx, ctx.actor, {
        action: 'person.update',
        entity: 'person',
        entityId: id,
        summary: `修改人员信息：${values.name}（${Object.keys(diff.after).join('、')}）`,
        before: auditablePerson(diff.before),
        after: auditablePerson(diff.after),
      });
    });
  }
  return getPerson(ctx, id);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
