import {
  completedYears,
  maskIdNumber,
  maskPhone,
  parseIdBirthDate,
  parseIdGender,
  courtToday,
  type CreateMemberRequest,
  type FieldIssue,
  type MemberDetail,
  type MemberListItem,
  type MemberPage,
  type MembersQuery,
  type UpdateMemberRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit, type Actor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth.ts';
import type { Database, Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { resolveScope, type Scope } from '../../platform/policy.ts';
import * as orgRepo from '../org/org.repo.ts';
import { collectSubtreeIds } from '../org/org.service.ts';
import * as repo from './members.repo.ts';

type JoinedPerson = { person: repo.PersonRow; orgUnitName: string | null; departmentName: string | null };

export function toListItem(p: repo.MemberPageRow, today: string): MemberListItem {
  return {
    id: p.id,
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    age: p.birthDate ? completedYears(p.birthDate, today) : null,
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
  };
}

function toDetail(row: JoinedPerson & { hasAccount: boolean }, today: string): MemberDetail {
  const p = row.person;
  return {
    ...toListItem({ ...p, orgUnitName: row.orgUnitName, departmentName: row.departmentName }, today),
    ethnicity: p.ethnicity,
    education: p.education,
    confirmedOn: p.confirmedOn,
    partyPosts: p.partyPosts,
    retiredOn: p.retiredOn,
    notes: p.notes,
    hasAccount: row.hasAccount,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function listMembers(database: Database, auth: AuthContext, query: MembersQuery): Promise<MemberPage> {
  const { db } = database;
  const today = courtToday();
  const scope = await resolveScope(db, auth.user.tenantId, auth.grants, 'people.read');
  const bindings = repo.memberBindings(
    auth.user.tenantId,
    scope,
    {
      ...query,
      orgUnitIds: query.orgUnitId
        ? collectSubtreeIds(await orgRepo.findOrgUnitsOfTenant(db, auth.user.tenantId), query.orgUnitId)
        : undefined,
    },
    today,
  );
  const { rows, total } = await repo.findMemberPage(database, bindings, query);
  return { items: rows.map((r) => toListItem(r, today)), total, page: query.page, pageSize: query.pageSize };
}

function inScope(scope: Scope, orgUnitId: string | null): boolean {
  return scope.all || (orgUnitId !== null && scope.orgUnitIds.includes(orgUnitId));
}

async function findVisiblePerson(
  db: Db,
  auth: AuthContext,
  id: string,
  permission: 'people.read' | 'people.manage' | 'people.pii.reveal',
) {
  const row = await repo.findMemberById(db, auth.user.tenantId, id);
  if (!row) throw notFound('人员');
  const scope = await resolveScope(db, auth.user.tenantId, auth.grants, permission);
  // Outside one's reach a person is simply not there, so ids of other branches are not confirmed.
  if (!inScope(scope, row.person.orgUnitId) && auth.user.personId !== id) throw notFound('人员');
  return row;
}

export async function getMember(db: Db, auth: AuthContext, id: string): Promise<MemberDetail> {
  return toDetail(await findVisiblePerson(db, auth, id, 'people.read'), courtToday());
}

export async function getOwnProfile(db: Db, auth: AuthContext): Promise<MemberDetail> {
  if (!auth.user.personId) throw new AppError('NOT_FOUND', '当前账号未关联人员信息');
  const row = await repo.findMemberById(db, auth.user.tenantId, auth.user.personId);
  if (!row) throw new AppError('NOT_FOUND', '当前账号未关联人员信息');
  return toDetail(row, courtToday());
}

export async function revealPii(db: Db, auth: AuthContext, actor: Actor, id: string) {
  const row = await findVisiblePerson(db, auth, id, 'people.pii.reveal');
  await writeAudit(db, actor, {
    action: 'person.pii_revealed',
    entity: 'person',
    entityId: id,
    summary: `查看完整身份证号和手机号：${row.person.name}`,
  });
  return { id, idNumber: row.person.idNumber, phone: row.person.phone };
}

type PersonInput = Partial<CreateMemberRequest>;

/** Rules across fields, checked on the record as it will be after the change. */
async function checkPerson(db: Db, tenantId: string, scope: Scope, merged: PersonInput): Promise<repo.PersonValues> {
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
    const unit = await orgRepo.findOrgUnit(db, tenantId, orgUnitId);
    if (!unit) issues.push({ path: 'orgUnitId', message: '所选党组织不存在' });
    else if (!inScope(scope, orgUnitId)) issues.push({ path: 'orgUnitId', message: '只能编入本人负责的党组织' });
  } else if (!scope.all) {
    issues.push({ path: 'orgUnitId', message: '请选择本人负责的党组织' });
  }
  if (merged.departmentId && !(await orgRepo.findDepartment(db, tenantId, merged.departmentId))) {
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
    notes: merged.notes ?? null,
  };
}

/** What an audit row may hold of a person: personal numbers only masked. */
export function auditablePerson(values: Partial<repo.PersonValues>): Record<string, unknown> {
  const { idNumber, phone, ...rest } = values;
  return {
    ...rest,
    ...(idNumber !== undefined ? { idNumber: maskIdNumber(idNumber) } : {}),
    ...(phone !== undefined ? { phone: maskPhone(phone) } : {}),
  };
}

export async function createMember(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  input: CreateMemberRequest,
): Promise<MemberDetail> {
  const scope = await resolveScope(db, auth.user.tenantId, auth.grants, 'people.manage');
  const values = await checkPerson(db, auth.user.tenantId, scope, input);
  const created = await db.transaction(async (tx) => {
    const row = await repo.insertPerson(tx, auth.user.tenantId, values);
    await writeAudit(tx, actor, {
      action: 'person.create',
      entity: 'person',
      entityId: row.id,
      summary: `新增人员：${row.name}`,
      after: auditablePerson(values),
    });
    return row;
  });
  return getMember(db, auth, created.id);
}

export async function updateMember(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: UpdateMemberRequest,
): Promise<MemberDetail> {
  const scope = await resolveScope(db, auth.user.tenantId, auth.grants, 'people.manage');
  const before = await findVisiblePerson(db, auth, id, 'people.manage');
  if (!inScope(scope, before.person.orgUnitId)) throw new AppError('FORBIDDEN', '只能修改本人负责的党组织的人员');
  const current = repo.personValuesOf(before.person);
  const merged: PersonInput = { ...current, ...stripUndefined(input) };
  const values = await checkPerson(db, auth.user.tenantId, scope, merged);
  const diff = diffFields(current, values);
  if (diff) {
    await db.transaction(async (tx) => {
      await repo.updatePerson(tx, auth.user.tenantId, id, values);
      await writeAudit(tx, actor, {
        action: 'person.update',
        entity: 'person',
        entityId: id,
        summary: `修改人员信息：${values.name}（${Object.keys(diff.after).join('、')}）`,
        before: auditablePerson(diff.before),
        after: auditablePerson(diff.after),
      });
    });
  }
  return getMember(db, auth, id);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
