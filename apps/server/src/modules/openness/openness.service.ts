import {
  containsPersonalNumber,
  courtToday,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_SOURCE_KIND_LABELS,
  isOnShow,
  validPublicationPeriod,
  type CreateDisclosureRequest,
  type CreateSourcedDisclosureRequest,
  type Disclosure,
  type DisclosureStatus,
  type FieldIssue,
  type UpdateDisclosureRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { mayAttach } from '../files/index.ts';
import * as repo from './openness.repo.ts';
import { forgetCourtPages } from './portal-cache.ts';
import { defaultTitleOf, readSources, sourceColumns, sourceKeyOf, sourceKeyOfRow, type SourceText } from './sources.ts';

interface Sources {
  texts: Map<string, SourceText>;
  files: Map<string, { id: string; name: string; size: number }>;
}

/** The texts of the sources the rows name (one read per kind) and the names of their files. */
async function sourcesOf(db: Db, tenantId: string, rows: readonly repo.DisclosureRow[]): Promise<Sources> {
  const keys = rows.flatMap((r) => sourceKeyOfRow(r) ?? []);
  const files = await repo.findFileNames(db, tenantId, [...new Set(rows.flatMap((r) => r.attachmentFileIds))]);
  return {
    texts: keys.length ? await readSources(db, tenantId, keys) : new Map<string, SourceText>(),
    files: new Map(files.map((f) => [f.id, { id: f.id, name: f.name, size: f.size }])),
  };
}

function toDisclosure(r: repo.DisclosureRow, sources: Sources, today = courtToday()): Disclosure {
  const key = sourceKeyOfRow(r);
  const found = key ? sources.texts.get(sourceKeyOf(key)) : undefined;
  return {
    id: r.id,
    scope: r.scope,
    category: r.category,
    title: r.title,
    body: key ? (found?.text ?? '') : r.body,
    channels: r.channels,
    attachmentFileIds: r.attachmentFileIds,
    attachments: r.attachmentFileIds.flatMap((id) => sources.files.get(id) ?? []),
    status: r.status,
    publishFrom: r.publishFrom,
    publishUntil: r.publishUntil,
    onShow: isOnShow(r, today) && (!key || !!found),
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    approvedByName: r.approvedByName,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    returnNote: r.returnNote,
    withdrawnReason: r.withdrawnReason,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    source: key
      ? {
          ...key,
          label: found?.label ?? '（来源记录已没有可公开的内容）',
          url: found?.url ?? '',
          available: !!found,
        }
      : null,
  };
}

export async function listDisclosures(
  ctx: RequestContext,
  q: Parameters<typeof repo.disclosureConditions>[1],
): Promise<{ items: Disclosure[] }> {
  if (!ctx.has('openness.manage') && !ctx.has('openness.approve')) throw new AppError('FORBIDDEN');
  const today = courtToday();
  const rows = await repo.findDisclosures(ctx.db, repo.disclosureConditions(ctx.tenantId, q));
  const sources = await sourcesOf(ctx.db, ctx.tenantId, rows);
  return { items: rows.map((r) => toDisclosure(r, sources, today)) };
}

async function shown(db: Db, row: repo.DisclosureRow): Promise<Disclosure> {
  return toDisclosure(row, await sourcesOf(db, row.tenantId, [row]));
}

async function load(db: Db, tenantId: string, id: string): Promise<repo.DisclosureRow> {
  const row = await repo.findDisclosure(db, tenantId, id);
  if (!row) throw notFound('公开事项');
  return row;
}

/** What goes public may not carry anyone's ID or phone number; the period must make sense. */
async function checkContent(
  db: Db,
  tenantId: string,
  v: { title: string; body: string; publishFrom: string; publishUntil: string | null; attachmentFileIds: string[] },
) {
  const issues: FieldIssue[] = [];
  for (const key of ['title', 'body'] as const)
    if (containsPersonalNumber(v[key])) issues.push({ path: key, message: '公开内容不能包含身份证号或电话号码' });
  if (!validPublicationPeriod(v.publishFrom, v.publishUntil))
    issues.push({ path: 'publishUntil', message: '公开截止日期不能早于开始日期' });
  if (issues.length > 0) throw validationFailed(issues);
  if ((await repo.countFiles(db, tenantId, v.attachmentFileIds)) !== new Set(v.attachmentFileIds).size)
    throw validationFailed([{ path: 'attachmentFileIds', message: '附件不存在，请重新上传' }]);
}

/** Only one's own uploads (or those the item already has): an id seen elsewhere is no way to a file. */
async function checkOwnFiles(ctx: RequestContext, fileIds: readonly string[], kept: readonly string[]) {
  if (!(await mayAttach(ctx, fileIds, kept)))
    throw validationFailed([{ path: 'attachmentFileIds', message: '只能附加本人上传的文件，请重新上传' }]);
}

export async function createDisclosure(ctx: RequestContext, input: CreateDisclosureRequest): Promise<Disclosure> {
  const { db, actor } = ctx;
  await checkContent(db, actor.tenantId, input);
  await checkOwnFiles(ctx, input.attachmentFileIds, []);
  const row = await db.transaction(async (tx) => {
    const [created] = await repo.insertDisclosures(tx, [
      { tenantId: actor.tenantId, ...input, createdByUserId: actor.userId, createdByName: actor.name },
    ]);
    await writeAudit(tx, actor, {
      action: 'disclosure.create',
      entity: 'disclosure',
      entityId: created!.id,
      summary: `编写${DISCLOSURE_SCOPE_LABELS[input.scope]}事项：${input.title}`,
    });
    return created!;
  });
  return shown(db, row);
}

/**
 * An item shown from its source: the source must be the court's and have something to show; one item
 * at a time per source (a withdrawn one does not count). The text stays the source's.
 */
export async function createSourcedDisclosure(
  ctx: RequestContext,
  input: CreateSourcedDisclosureRequest,
): Promise<Disclosure> {
  const { db, actor } = ctx;
  const key = { kind: input.kind, ref: input.ref };
  const source = (await readSources(db, actor.tenantId, [key])).get(sourceKeyOf(key));
  if (!source) throw validationFailed([{ path: 'ref', message: '来源记录不存在，或还没有可公开的内容' }]);
  const title = input.title ?? defaultTitleOf(source);
  await checkContent(db, actor.tenantId, { ...input, title, body: '' });
  await checkOwnFiles(ctx, input.attachmentFileIds, []);
  const columns = sourceColumns(key);
  const row = await db.transaction(async (tx) => {
    if (await repo.findLiveItemOfSource(tx, actor.tenantId, columns))
      throw new AppError('CONFLICT', '这条来源记录已有公开事项；如需重新公开，请先撤回原事项');
    const [created] = await repo.insertDisclosures(tx, [
      {
        tenantId: actor.tenantId,
        scope: input.scope ?? source.scope,
        category: source.category,
        title,
        body: '',
        channels: input.channels,
        attachmentFileIds: input.attachmentFileIds,
        publishFrom: input.publishFrom,
        publishUntil: input.publishUntil,
        createdByUserId: actor.userId,
        createdByName: actor.name,
        ...columns,
      },
    ]);
    await writeAudit(tx, actor, {
      action: 'disclosure.create',
      entity: 'disclosure',
      entityId: created!.id,
      summary: `从${DISCLOSURE_SOURCE_KIND_LABELS[key.kind]}编写公开事项：${title}（来源：${source.label}）`,
    });
    return created!;
  });
  return shown(db, row);
}

const EDITABLE: DisclosureStatus[] = ['draft'];

export async function updateDisclosure(
  ctx: RequestContext,
  id: string,
  input: UpdateDisclosureRequest,
): Promise<Disclosure> {
  const { db, actor } = ctx;
  const row = await load(db, actor.tenantId, id);
  if (!EDITABLE.includes(row.status))
    throw new AppError('CONFLICT', '只有草稿或被退回的事项可以修改；已发布的请撤回后重新编写');
  if (row.sourceKind && (input.body !== undefined || input.category !== undefined))
    throw validationFailed([
      {
        path: input.body !== undefined ? 'body' : 'category',
        message: '此事项的正文和类别来自来源记录，请在来源处修改',
      },
    ]);
  const merged = { ...row, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  await checkContent(db, actor.tenantId, merged);
  await checkOwnFiles(ctx, merged.attachmentFileIds, row.attachmentFileIds);
  await db.transaction(async (tx) => {
    await repo.updateDisclosure(tx, actor.tenantId, id, input);
    await writeAudit(tx, actor, {
      action: 'disclosure.update',
      entity: 'disclosure',
      entityId: id,
      summary: `修改公开事项：${merged.title}`,
    });
  });
  return shown(db, await load(db, actor.tenantId, id));
}

type Transition = 'submit' | 'approve' | 'return' | 'withdraw';
const FROM: Record<Transition, DisclosureStatus> = {
  submit: 'draft',
  approve: 'pending',
  return: 'pending',
  withdraw: 'published',
};

/**
 * draft → pending (submitted) → published (approved by someone other than its writer) → withdrawn
 * (with a reason on record); a returned item goes back to draft with the note.
 */
export async function changeDisclosureStatus(
  ctx: RequestContext,
  id: string,
  step: Transition,
  note?: string,
): Promise<Disclosure> {
  const { db, actor } = ctx;
  const row = await load(db, actor.tenantId, id);
  if (row.status !== FROM[step]) throw new AppError('CONFLICT', '公开事项当前的状态不能进行此操作');
  if ((step === 'submit' || step === 'approve') && sourceKeyOfRow(row)) {
    const current = await shown(db, row);
    if (!current.source?.available)
      throw new AppError('CONFLICT', '来源记录已没有可公开的内容，不能提交或发布；请撤回或退回此事项');
  }
  if ((step === 'approve' || step === 'return') && row.createdByUserId === actor.userId)
    throw new AppError('FORBIDDEN', '不能审核自己编写的公开事项，请由另一位审核人审核');
  const now = new Date();
  const values =
    step === 'submit'
      ? { status: 'pending' as const, returnNote: null }
      : step === 'approve'
        ? { status: 'published' as const, approvedByName: actor.name, approvedAt: now }
        : step === 'return'
          ? { status: 'draft' as const, returnNote: note ?? null }
          : { status: 'withdrawn' as const, withdrawnReason: note ?? null, withdrawnAt: now };
  await db.transaction(async (tx) => {
    await repo.updateDisclosure(tx, actor.tenantId, id, values);
    await writeAudit(tx, actor, {
      action: `disclosure.${step}`,
      entity: 'disclosure',
      entityId: id,
      summary: `${{ submit: '提交审核', approve: '审核发布', return: '退回', withdraw: '撤回' }[step]}公开事项：${row.title}${note ? `（${note}）` : ''}`,
    });
  });
  if (step === 'approve' || step === 'withdraw') forgetCourtPages(actor.tenantId);
  return shown(db, await load(db, actor.tenantId, id));
}
