import {
  containsPersonalNumber,
  courtToday,
  DISCLOSURE_SCOPE_LABELS,
  isOnShow,
  validPublicationPeriod,
  type CreateDisclosureRequest,
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

function toDisclosure(r: repo.DisclosureRow, today = courtToday()): Disclosure {
  return {
    id: r.id,
    scope: r.scope,
    category: r.category,
    title: r.title,
    body: r.body,
    channels: r.channels,
    attachmentFileIds: r.attachmentFileIds,
    status: r.status,
    publishFrom: r.publishFrom,
    publishUntil: r.publishUntil,
    onShow: isOnShow(r, today),
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    approvedByName: r.approvedByName,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    returnNote: r.returnNote,
    withdrawnReason: r.withdrawnReason,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
  };
}

export async function listDisclosures(
  ctx: RequestContext,
  q: Parameters<typeof repo.disclosureConditions>[1],
): Promise<{ items: Disclosure[] }> {
  if (!ctx.has('openness.manage') && !ctx.has('openness.approve')) throw new AppError('FORBIDDEN');
  const today = courtToday();
  return {
    items: (await repo.findDisclosures(ctx.db, repo.disclosureConditions(ctx.tenantId, q))).map((r) =>
      toDisclosure(r, today),
    ),
  };
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
  return toDisclosure(row);
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
  return toDisclosure(await load(db, actor.tenantId, id));
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
  return toDisclosure(await load(db, actor.tenantId, id));
}
