import {
  collectSubtreeIds,
  courtToday,
  type ExportQuery,
  type ImportError,
  type ImportResult,
  type PersonRecord,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { covers } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { developmentFactsOf, type DevelopmentFacts } from '../development/index.ts';
import { departmentsOfCourt, orgUnitsOfCourt, type OrgUnitRow } from '../org/index.ts';
import * as repo from './members.repo.ts';
import { auditablePerson } from './members.service.ts';
import type { RosterPlacement } from './roster-columns.ts';
import { buildRosterWorkbook, type ImportedPerson } from './roster-excel.ts';
import { parseRosterInWorker } from './roster-parse.ts';

/** Fields an import may set; what a file leaves empty it does not erase (offices' files are partial). */
const IMPORTED_FIELDS = [
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'education',
  'status',
  'joinedOn',
  'confirmedOn',
  'orgUnitId',
  'departmentId',
  'position',
  'phone',
  'retired',
  'workPost',
  'nativePlace',
  'partyStanding',
  'sponsors',
  'transferredInOn',
  'appliedOn',
  'activistOn',
  'candidateOn',
] as const satisfies readonly (keyof repo.PersonValues)[];

const FIELD_LABELS: Record<(typeof IMPORTED_FIELDS)[number], string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  education: '学历',
  status: '人员类别',
  joinedOn: '入党日期',
  confirmedOn: '转正日期',
  orgUnitId: '所在党组织',
  departmentId: '工作部门',
  position: '职务',
  phone: '联系电话',
  retired: '是否离退休',
  workPost: '工作岗位',
  nativePlace: '籍贯',
  partyStanding: '党籍状态',
  sponsors: '入党介绍人',
  transferredInOn: '组织关系转入日期',
  appliedOn: '申请入党日期',
  activistOn: '确定积极分子日期',
  candidateOn: '确定发展对象日期',
};

interface PlannedRow {
  row: ImportedPerson;
  values: repo.PersonValues;
  existing: repo.PersonRow | undefined;
  changes: (typeof IMPORTED_FIELDS)[number][];
}

function norm(name: string): string {
  return name.replace(/\s+/g, '');
}

/**
 * Reads a roster file and works out, without writing, what importing it would create and update.
 * The same plan is what a real import then applies, in one transaction.
 */
async function planImport(ctx: RequestContext, buffer: Buffer): Promise<{ plan: PlannedRow[]; errors: ImportError[] }> {
  const parsed = await parseRosterInWorker(buffer);
  const errors = [...parsed.errors];
  const scope = await ctx.scopeOf('people.import');
  const [units, depts] = await Promise.all([orgUnitsOfCourt(ctx), departmentsOfCourt(ctx)]);
  const branches = units.filter(
    (u) => u.kind === 'branch' || u.kind === 'general_branch' || u.kind === 'party_committee',
  );
  const deptByName = new Map(depts.map((d) => [norm(d.name), d.id]));
  const existing = new Map(
    (
      await repo.findPeopleByIdNumbers(
        ctx.db,
        ctx.tenantId,
        parsed.rows.map((r) => r.idNumber),
      )
    ).map((p) => [p.idNumber, p]),
  );

  const place = (row: RosterPlacement & { status?: PersonRecord['status'] }) => {
    const rowErrors: ImportError[] = [];
    let orgUnitId: string | null = null;
    const branch = row.branchName ? branches.find((b) => norm(b.name) === norm(row.branchName!)) : undefined;
    if (row.branchName && !branch)
      rowErrors.push({
        row: row.row,
        column: '所在党支部',
        message: `党支部“${row.branchName}”不存在，请与组织机构中的名称一致`,
      });
    if (row.cellName) {
      const cells = units.filter(
        (u) => u.kind === 'cell' && norm(u.name) === norm(row.cellName!) && (!branch || u.parentId === branch.id),
      );
      if (cells.length === 0)
        rowErrors.push({
          row: row.row,
          column: '所在党小组',
          message: `党小组“${row.cellName}”不存在${branch ? `于“${branch.name}”` : ''}`,
        });
      else orgUnitId = cells[0]!.id;
    } else if (branch) {
      orgUnitId = branch.id;
    }
    if (orgUnitId && row.status === 'non_party')
      rowErrors.push({
        row: row.row,
        column: '人员类别',
        message: '群众不编入党组织，请清空所在党支部和党小组或修改人员类别',
      });
    if (!covers(scope, orgUnitId)) {
      rowErrors.push(
        orgUnitId
          ? { row: row.row, column: '所在党小组', message: '只能导入本人负责的党组织的人员' }
          : { row: row.row, column: '所在党支部', message: '请填写本人负责的党支部或党小组' },
      );
    }
    const departmentId = row.departmentName ? deptByName.get(norm(row.departmentName)) : null;
    if (departmentId === undefined)
      rowErrors.push({ row: row.row, column: '工作部门', message: `内设部门“${row.departmentName ?? ''}”不存在` });
    return { orgUnitId, departmentId, rowErrors };
  };
  // A row refused for its own cells is still checked for where it belongs: every error in one pass.
  for (const rejected of parsed.rejected ?? []) errors.push(...place(rejected).rowErrors);

  const plan: PlannedRow[] = [];
  for (const row of parsed.rows) {
    const { orgUnitId, departmentId, rowErrors } = place(row);
    const found = existing.get(row.idNumber);
    if (found && !covers(scope, found.orgUnitId)) {
      rowErrors.push({ row: row.row, column: '公民身份号码', message: '该人员不在本人负责的党组织，不能通过导入修改' });
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const incoming: repo.PersonValues = {
      name: row.name,
      gender: row.gender,
      ethnicity: row.ethnicity,
      birthDate: row.birthDate,
      idNumber: row.idNumber,
      education: row.education,
      status: row.status,
      joinedOn: row.joinedOn,
      confirmedOn: row.confirmedOn,
      orgUnitId,
      departmentId: departmentId ?? null,
      position: row.position,
      phone: row.phone,
      retired: row.retired,
      workPost: row.workPost ?? null,
      nativePlace: row.nativePlace ?? null,
      partyStanding: row.partyStanding ?? null,
      sponsors: row.sponsors ?? null,
      transferredInOn: row.transferredInOn ?? null,
      appliedOn: row.appliedOn ?? null,
      activistOn: row.activistOn ?? null,
      candidateOn: row.candidateOn ?? null,
    };
    if (!found) {
      plan.push({ row, values: incoming, existing: undefined, changes: [] });
      continue;
    }
    const values = repo.personValuesOf(found);
    const changes: PlannedRow['changes'] = [];
    for (const field of IMPORTED_FIELDS) {
      const next = incoming[field];
      // An empty cell keeps what is on record; `retired` and `status` are always stated by the file.
      if ((next === null || next === undefined) && field !== 'retired') continue;
      if ((values[field] ?? null) !== (next ?? null)) {
        (values as Record<string, unknown>)[field] = next;
        changes.push(field);
      }
    }
    plan.push({ row, values, existing: found, changes });
  }
  errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return { plan, errors };
}

export async function importRoster(ctx: RequestContext, buffer: Buffer, dryRun: boolean): Promise<ImportResult> {
  const { plan, errors } = await planImport(ctx, buffer);
  const result: ImportResult = {
    dryRun,
    created: plan.filter((p) => !p.existing).length,
    updated: plan.filter((p) => p.existing && p.changes.length > 0).length,
    unchanged: plan.filter((p) => p.existing && p.changes.length === 0).length,
    errors,
    preview: plan.slice(0, 500).map((p) => ({
      row: p.row.row,
      name: p.row.name,
      action: !p.existing ? 'create' : p.changes.length > 0 ? 'update' : 'unchanged',
      changes: p.changes.map((c) => FIELD_LABELS[c]),
    })),
  };
  if (dryRun) return result;
  if (errors.length > 0)
    throw new AppError('IMPORT_HAS_ERRORS', `导入文件有${String(errors.length)}处错误，未导入任何数据`, result);
  const { tenantId } = ctx;
  await ctx.db.transaction(async (tx) => {
    await repo.insertPeople(
      tx,
      tenantId,
      plan.filter((p) => !p.existing).map((p) => p.values),
    );
    const updates = plan.filter((p) => p.existing && p.changes.length > 0);
    await repo.updatePeople(
      tx,
      tenantId,
      updates.map((p) => ({ id: p.existing!.id, values: p.values })),
    );
    await writeAudit(tx, ctx.actor, {
      action: 'person.import',
      entity: 'person',
      summary: `导入花名册：新增${String(result.created)}人，更新${String(result.updated)}人，未变${String(result.unchanged)}人`,
      after: {
        created: plan.filter((p) => !p.existing).map((p) => auditablePerson(p.values)),
        updated: updates.map((p) => ({
          id: p.existing!.id,
          name: p.values.name,
          changes: Object.fromEntries(p.changes.map((c) => [c, auditablePerson({ [c]: p.values[c] })[c]])),
        })),
      },
    });
  });
  // A large import changes the table's shape; fresh statistics keep the roster's plans right
  // (PGlite has no autovacuum to do it).
  if (plan.length >= 1_000) await repo.analyzePeople(ctx.db);
  return result;
}

/**
 * A person on record as the roster sheet writes them: branch and cell by name; the stage dates and
 * sponsors of one who went through the pipeline in Qizhi from their development steps.
 */
function personRecordOf(
  r: Awaited<ReturnType<typeof repo.findPeopleForExport>>[number],
  unitById: ReadonlyMap<string, OrgUnitRow>,
  facts: DevelopmentFacts = {},
): PersonRecord {
  const unit = r.person.orgUnitId ? unitById.get(r.person.orgUnitId) : undefined;
  const isCell = unit?.kind === 'cell';
  return {
    name: r.person.name,
    gender: r.person.gender,
    ethnicity: r.person.ethnicity,
    birthDate: r.person.birthDate,
    idNumber: r.person.idNumber,
    education: r.person.education,
    status: r.person.status,
    joinedOn: r.person.joinedOn,
    confirmedOn: r.person.confirmedOn,
    branchName: isCell ? (unitById.get(unit.parentId ?? '')?.name ?? null) : (unit?.name ?? null),
    cellName: isCell ? unit.name : null,
    departmentName: r.departmentName,
    position: r.person.position,
    phone: r.person.phone,
    retired: r.person.retired,
    workPost: r.person.workPost,
    nativePlace: r.person.nativePlace,
    partyStanding: r.person.partyStanding,
    sponsors: facts.sponsors ?? r.person.sponsors,
    transferredInOn: r.person.transferredInOn,
    appliedOn: facts.appliedOn ?? r.person.appliedOn,
    activistOn: facts.activistOn ?? r.person.activistOn,
    candidateOn: facts.candidateOn ?? r.person.candidateOn,
  };
}

export async function exportRoster(
  ctx: RequestContext,
  query: ExportQuery,
): Promise<{ buffer: Buffer; filename: string }> {
  const full = query.full === true;
  if (full && !ctx.has('people.pii.reveal')) throw new AppError('FORBIDDEN', '没有导出完整号码的权限');
  const today = courtToday();
  const scope = await ctx.scopeOf('people.export');
  const units = await orgUnitsOfCourt(ctx);
  const orgUnitIds = query.orgUnitId ? collectSubtreeIds(units, query.orgUnitId) : undefined;
  const rows = await repo.findPeopleForExport(
    ctx.db,
    repo.rosterConditions(ctx.tenantId, scope, { ...query, orgUnitIds }, today),
  );
  const unitById = new Map(units.map((u) => [u.id, u]));
  const facts = await developmentFactsOf(
    ctx.db,
    ctx.tenantId,
    rows.map((r) => r.person.id),
  );
  const courtName = ctx.user.tenantName;
  const buffer = await buildRosterWorkbook(
    rows.map((r) => personRecordOf(r, unitById, facts.get(r.person.id))),
    { title: `${courtName}党员花名册`, full, generatedAt: new Date() },
  );
  await writeAudit(ctx.db, ctx.actor, {
    action: full ? 'person.export_full' : 'person.export',
    entity: 'person',
    summary: full
      ? `导出含完整身份证号和手机号的花名册（${String(rows.length)}人）`
      : `导出花名册（号码脱敏，${String(rows.length)}人）`,
    after: { filters: query },
  });
  return { buffer, filename: `${courtName}党员花名册-${today}.xlsx` };
}
