import {
  containsPersonalNumber,
  CULTURE_ITEM_KIND_LABELS,
  cultureItemProblems,
  type CultureItem,
  type CultureItemKind,
  type CultureItemRequest,
  type CultureItemStatus,
  type FieldIssue,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { mayAttach } from '../files/index.ts';
import * as repo from './culture-wall.repo.ts';

/**
 * The culture wall belongs to the whole court (its corridors and lobby), so only those whose
 * culture.manage reaches the court keep it — the 党务干事 of the party-affairs office.
 */
export async function assertManages(ctx: RequestContext): Promise<void> {
  if (!(await ctx.can('culture.manage', null))) throw new AppError('FORBIDDEN', '文化墙由全院范围的党务部门维护');
}

function toItem(r: repo.ItemRow, playlistCount: number): CultureItem {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    source: r.source,
    imageFileId: r.imageFileId,
    status: r.status,
    playlistCount,
    createdByName: r.createdByName,
    updatedAt: r.updatedAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
  };
}

/** A short name of an item for lists and audit rows: its title, else the start of its words. */
export function itemLabel(r: { kind: CultureItemKind; title: string; body?: string }): string {
  const text = r.title || (r.body ?? '').slice(0, 20);
  return `${CULTURE_ITEM_KIND_LABELS[r.kind]}“${text}”`;
}

export async function listItems(
  ctx: RequestContext,
  q: { kind?: CultureItemKind | undefined; status?: CultureItemStatus | undefined },
): Promise<{ items: CultureItem[] }> {
  await assertManages(ctx);
  const rows = await repo.findItems(ctx.db, ctx.tenantId, q);
  return { items: rows.map((r) => toItem(r.item, r.playlistCount)) };
}

async function load(ctx: RequestContext, id: string): Promise<repo.ItemRow> {
  const row = await repo.findItem(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('文化墙内容');
  return row;
}

/** What goes on a public screen: what its kind needs, no personal numbers, a picture one uploaded. */
async function check(ctx: RequestContext, v: CultureItemRequest, keepFile: string | null): Promise<CultureItemRequest> {
  const clean = {
    ...v,
    source: v.kind === 'poster' ? null : v.source || null,
    imageFileId: v.kind === 'poster' ? v.imageFileId : null,
  };
  const issues: FieldIssue[] = cultureItemProblems(clean);
  for (const key of ['title', 'body', 'source'] as const)
    if (containsPersonalNumber(clean[key] ?? '')) issues.push({ path: key, message: '不能包含身份证号或电话号码' });
  if (issues.length > 0) throw validationFailed(issues);
  if (clean.imageFileId && !(await mayAttach(ctx, [clean.imageFileId], keepFile)))
    throw validationFailed([{ path: 'imageFileId', message: '只能使用本人上传的图片，请重新上传' }]);
  if (clean.imageFileId && !(await repo.findFileMime(ctx.db, ctx.tenantId, clean.imageFileId))?.startsWith('image/'))
    throw validationFailed([{ path: 'imageFileId', message: '宣传画须是图片（jpg、png、gif、webp）' }]);
  return clean;
}

export async function createItem(ctx: RequestContext, input: CultureItemRequest): Promise<CultureItem> {
  await assertManages(ctx);
  const v = await check(ctx, input, null);
  const { actor } = ctx;
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await repo.insertItems(tx, [
      { tenantId: actor.tenantId, ...v, createdByUserId: actor.userId, createdByName: actor.name },
    ]);
    await writeAudit(tx, actor, {
      action: 'culture_item.create',
      entity: 'culture_item',
      entityId: created!.id,
      summary: `新增${itemLabel(v)}（草稿）`,
    });
    return created!;
  });
  return toItem(row, 0);
}

/** Only a draft is edited: what shows in the corridor changes only by publishing. */
export async function updateItem(ctx: RequestContext, id: string, input: CultureItemRequest): Promise<CultureItem> {
  await assertManages(ctx);
  const row = await load(ctx, id);
  if (row.status !== 'draft') throw new AppError('CONFLICT', '已发布的内容不能修改，请先撤下再修改');
  if (input.kind !== row.kind) throw validationFailed([{ path: 'kind', message: '内容类型不能修改' }]);
  const v = await check(ctx, input, row.imageFileId);
  await ctx.db.transaction(async (tx) => {
    await repo.updateItem(tx, ctx.tenantId, id, v);
    await writeAudit(tx, ctx.actor, {
      action: 'culture_item.update',
      entity: 'culture_item',
      entityId: id,
      summary: `修改${itemLabel(v)}`,
    });
  });
  return toItem(await load(ctx, id), await repo.countPlaylistsUsing(ctx.db, ctx.tenantId, id));
}

/** draft → published (shown on every screen whose playlist has it) and back. */
export async function setItemStatus(ctx: RequestContext, id: string, to: CultureItemStatus): Promise<CultureItem> {
  await assertManages(ctx);
  const row = await load(ctx, id);
  if (row.status === to) throw new AppError('CONFLICT', to === 'published' ? '该内容已经发布' : '该内容尚未发布');
  await ctx.db.transaction(async (tx) => {
    await repo.updateItem(tx, ctx.tenantId, id, { status: to, publishedAt: to === 'published' ? new Date() : null });
    await writeAudit(tx, ctx.actor, {
      action: to === 'published' ? 'culture_item.publish' : 'culture_item.unpublish',
      entity: 'culture_item',
      entityId: id,
      summary: `${to === 'published' ? '发布' : '撤下'}${itemLabel(row)}`,
    });
  });
  return toItem(await load(ctx, id), await repo.countPlaylistsUsing(ctx.db, ctx.tenantId, id));
}

export async function deleteItem(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  await assertManages(ctx);
  const row = await load(ctx, id);
  if (row.status !== 'draft') throw new AppError('CONFLICT', '已发布的内容不能删除，请先撤下');
  if ((await repo.countPlaylistsUsing(ctx.db, ctx.tenantId, id)) > 0)
    throw new AppError('CONFLICT', '该内容仍在播放列表中，请先从播放列表移除');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteItem(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx.actor, {
      action: 'culture_item.delete',
      entity: 'culture_item',
      entityId: id,
      summary: `删除${itemLabel(row)}`,
    });
  });
  return { ok: true };
}
