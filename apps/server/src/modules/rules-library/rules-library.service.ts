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
import { diffFields, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { unitsOf } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { mayAttach } from '../files/index.ts';
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
/** The members a rules manager looks after, as a repository condition. */
async function readersOf(ctx: RequestContext) {
  return repo.readerConditions(ctx.tenantId, unitsOf(await ctx.scopeOf('rules.manage')));
}

async function readCounts(ctx: RequestContext) {
  if (!ctx.has('rules.manage')) return null;
  const where = await readersOf(ctx);
  const [read, expected] = await Promise.all([
    repo.countCurrentReads(ctx.db, ctx.tenantId, where),
    repo.countReaders(ctx.db, where),
  ]);
  return { read, expected };
}

function myReads(ctx: RequestContext): Promise<Map<string, number>> {
  return ctx.personId
    ? repo.findReadsOfPerson(ctx.db, ctx.tenantId, ctx.personId)
    : Promise.resolve(new Map<string, number>());
}

export async function listRules(ctx: RequestContext): Promise<RuleListItem[]> {
  const [rows, mine, counts] = await Promise.all([repo.findRules(ctx.db, ctx.tenantId), myReads(ctx), readCounts(ctx)]);
  return rows.map((r) => toListItem(r, mine.get(r.id), counts));
}

export async function getRule(ctx: RequestContext, id: string): Promise<RuleDetail> {
  const { db, tenantId } = ctx;
  const rule = await repo.findRule(db, tenantId, id);
  if (!rule) throw notFound('制度');
  const [versions, mine, counts, file] = await Promise.all([
    repo.findVersions(db, tenantId, id),
    myReads(ctx),
    readCounts(ctx),
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

async function checkFile(ctx: RequestContext, fileId: string | null | undefined, keep: string | null = null) {
  if (fileId && !(await repo.findFile(ctx.db, ctx.tenantId, fileId)))
    throw validationFailed([{ path: 'fileId', message: '附件不存在，请重新上传' }]);
  // Only an attachment one uploaded oneself (or the one already there): an id seen elsewhere is no way to a file.
  if (fileId && !(await mayAttach(ctx, [fileId], keep)))
    throw validationFailed([{ path: 'fileId', message: '只能附加本人上传的文件，请重新上传' }]);
}

function checkDates(adoptedOn: string, effectiveOn: string): void {
  if (effectiveOn < adoptedOn) throw validationFailed([{ path: 'effectiveOn', message: '施行日期不能早于通过日期' }]);
}

export async function createRule(ctx: RequestContext, input: CreateRuleRequest): Promise<RuleDetail> {
  const { db, actor } = ctx;
  await checkFile(ctx, input.fileId);
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
  return getRule(ctx, id);
}

/** Every change is a new version with what changed; a changed text of a rule in force makes it 修订后有效. */
export async function reviseRule(ctx: RequestContext, id: string, input: UpdateRuleRequest): Promise<RuleDetail> {
  const { db, actor } = ctx;
  const before = await repo.findRule(db, actor.tenantId, id);
  if (!before) throw notFound('制度');
  await checkFile(ctx, input.fileId, before.fileId);
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
  return getRule(ctx, id);
}

export async function confirmRead(ctx: RequestContext, id: string): Promise<void> {
  const { db, actor, personId } = ctx;
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

export async function listReaders(ctx: RequestContext, id: string): Promise<RuleReadersResponse> {
  const { db, tenantId } = ctx;
  const rule = await repo.findRule(db, tenantId, id);
  if (!rule) throw notFound('制度');
  const rows = await repo.findReadersOfRule(db, tenantId, id, await readersOf(ctx));
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
