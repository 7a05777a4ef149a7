import {
  hasReadCurrentVersion,
  ruleNeedsReading,
  RULE_STATUS_LABELS,
  type CreateRuleRequest,
  type RuleDetail,
  type RuleListItem,
  type RuleReadersResponse,
  type UpdateRuleRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit, type Actor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { resolveScope } from '../../platform/policy.ts';
import * as repo from './rules-library.repo.ts';

function toListItem(
  rule: repo.RuleRow,
  readVersion: number | undefined,
  counts: { read: Map<string, number>; expected: number } | null,
): RuleListItem {
  return {
    id: rule.id,
    title: rule.title,
    category: rule.category,
    status: rule.status,
    adoptedBy: rule.adoptedBy,
    adoptedOn: rule.adoptedOn,
    effectiveOn: rule.effectiveOn,
    version: rule.version,
    updatedAt: rule.updatedAt.toISOString(),
    readByMe: hasReadCurrentVersion(readVersion ?? null, rule.version),
    readCount: counts && ruleNeedsReading(rule.status) ? (counts.read.get(rule.id) ?? 0) : null,
    expectedReaders: counts && ruleNeedsReading(rule.status) ? counts.expected : null,
  };
}

/** Read counts over the members a rules manager looks after (the whole court, or the branch). */
async function readCounts(db: Db, auth: AuthContext) {
  if (!auth.permissions.has('rules.manage')) return null;
  const where = repo.readerConditions(
    auth.user.tenantId,
    await resolveScope(db, auth.user.tenantId, auth.grants, 'rules.manage'),
  );
  const [read, expected] = await Promise.all([
    repo.countCurrentReads(db, auth.user.tenantId, where),
    repo.countReaders(db, where),
  ]);
  return { read, expected };
}

export async function listRules(db: Db, auth: AuthContext): Promise<RuleListItem[]> {
  const tenantId = auth.user.tenantId;
  const [rows, mine, counts] = await Promise.all([
    repo.findRules(db, tenantId),
    auth.user.personId ? repo.findReadsOfPerson(db, tenantId, auth.user.personId) : new Map<string, number>(),
    readCounts(db, auth),
  ]);
  return rows.map((r) => toListItem(r, mine.get(r.id), counts));
}

export async function getRule(db: Db, auth: AuthContext, id: string): Promise<RuleDetail> {
  const tenantId = auth.user.tenantId;
  const rule = await repo.findRule(db, tenantId, id);
  if (!rule) throw notFound('制度');
  const [versions, mine, counts, file] = await Promise.all([
    repo.findVersions(db, tenantId, id),
    auth.user.personId ? repo.findReadsOfPerson(db, tenantId, auth.user.personId) : new Map<string, number>(),
    readCounts(db, auth),
    rule.fileId ? repo.findFile(db, tenantId, rule.fileId) : undefined,
  ]);
  return {
    ...toListItem(rule, mine.get(id), counts),
    body: rule.body,
    file: file ?? null,
    versions: versions.map((v) => ({
      version: v.version,
      title: v.title,
      status: v.status,
      effectiveOn: v.effectiveOn,
      changeNote: v.changeNote,
      createdAt: v.createdAt.toISOString(),
      createdByName: v.createdByName,
    })),
  };
}

async function checkFile(db: Db, tenantId: string, fileId: string | null | undefined): Promise<void> {
  if (fileId && !(await repo.findFile(db, tenantId, fileId)))
    throw validationFailed([{ path: 'fileId', message: '附件不存在，请重新上传' }]);
}

function checkDates(adoptedOn: string, effectiveOn: string): void {
  if (effectiveOn < adoptedOn) throw validationFailed([{ path: 'effectiveOn', message: '施行日期不能早于通过日期' }]);
}

export async function createRule(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  input: CreateRuleRequest,
): Promise<RuleDetail> {
  await checkFile(db, actor.tenantId, input.fileId);
  checkDates(input.adoptedOn, input.effectiveOn);
  if (!input.body && !input.fileId) throw validationFailed([{ path: 'body', message: '请填写制度正文或上传附件' }]);
  const id = await db.transaction(async (tx) => {
    const rule = await repo.insertRule(tx, {
      tenantId: actor.tenantId,
      title: input.title,
      category: input.category,
      body: input.body,
      fileId: input.fileId ?? null,
      adoptedBy: input.adoptedBy,
      adoptedOn: input.adoptedOn,
      effectiveOn: input.effectiveOn,
      status: input.status,
      sortOrder: 1000,
    });
    await repo.insertVersion(tx, rule, '制定', actor.name);
    await writeAudit(tx, actor, {
      action: 'rule.create',
      entity: 'rule',
      entityId: rule.id,
      summary: `制度库新增：${rule.title}`,
      after: rule,
    });
    return rule.id;
  });
  return getRule(db, auth, id);
}

/** Every change is a new version with what changed; a changed text of a rule in force makes it 修订后有效. */
export async function reviseRule(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: UpdateRuleRequest,
): Promise<RuleDetail> {
  const before = await repo.findRule(db, actor.tenantId, id);
  if (!before) throw notFound('制度');
  await checkFile(db, actor.tenantId, input.fileId);
  checkDates(input.adoptedOn ?? before.adoptedOn, input.effectiveOn ?? before.effectiveOn);
  const { changeNote, ...fields } = input;
  const diff = diffFields(before, fields);
  if (!diff) throw validationFailed([{ path: '', message: '没有修改任何内容' }]);
  const textChanged = fields.body !== undefined && fields.body !== before.body;
  const status = fields.status ?? (textChanged && before.status === 'in_force' ? 'revised' : before.status);
  await db.transaction(async (tx) => {
    const rule = await repo.updateRule(tx, actor.tenantId, id, { ...fields, status, version: before.version + 1 });
    await repo.insertVersion(tx, rule, changeNote, actor.name);
    await writeAudit(tx, actor, {
      action: 'rule.revise',
      entity: 'rule',
      entityId: id,
      summary: `修订制度：${rule.title}（第${String(rule.version)}版，${RULE_STATUS_LABELS[status]}）：${changeNote}`,
      ...diff,
    });
  });
  return getRule(db, auth, id);
}

export async function confirmRead(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<void> {
  const personId = auth.user.personId;
  const rule = await repo.findRule(db, actor.tenantId, id);
  if (!rule) throw notFound('制度');
  if (!personId) throw new AppError('FORBIDDEN', '当前账号没有关联花名册中的人员，不能确认学习');
  if (!ruleNeedsReading(rule.status)) throw new AppError('CONFLICT', '该制度已废止，无需确认学习');
  await db.transaction(async (tx) => {
    await repo.upsertRead(tx, actor.tenantId, id, personId, rule.version);
    await writeAudit(tx, actor, {
      action: 'rule.read',
      entity: 'rule',
      entityId: id,
      summary: `确认已学习制度：${rule.title}（第${String(rule.version)}版）`,
    });
  });
}

export async function listReaders(db: Db, auth: AuthContext, id: string): Promise<RuleReadersResponse> {
  const tenantId = auth.user.tenantId;
  const rule = await repo.findRule(db, tenantId, id);
  if (!rule) throw notFound('制度');
  const where = repo.readerConditions(
    tenantId,
    await resolveScope(db, auth.user.tenantId, auth.grants, 'rules.manage'),
  );
  const rows = await repo.findReadersOfRule(db, tenantId, id, where);
  const read: RuleReadersResponse['read'] = [];
  const unread: RuleReadersResponse['unread'] = [];
  for (const r of rows) {
    const done = hasReadCurrentVersion(r.version, rule.version);
    (done ? read : unread).push({
      personId: r.personId,
      name: r.name,
      orgUnitName: r.orgUnitName,
      readAt: done ? (r.readAt?.toISOString() ?? null) : null,
    });
  }
  return { ruleId: id, version: rule.version, read, unread };
}
