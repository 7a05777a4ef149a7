import type { CultureScreen, CultureScreenRequest, Playlist, PlaylistRequest } from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './culture-wall.repo.ts';
import { assertManages } from './items.service.ts';

async function playlists(db: Db, tenantId: string, id?: string): Promise<Playlist[]> {
  const rows = await repo.findPlaylists(db, tenantId, id);
  const entries = await repo.findEntries(
    db,
    tenantId,
    rows.map((r) => r.playlist.id),
  );
  return rows.map(({ playlist: p, screenCount }) => ({
    id: p.id,
    name: p.name,
    secondsPerItem: p.secondsPerItem,
    screenCount,
    updatedAt: p.updatedAt.toISOString(),
    entries: entries
      .filter((e) => e.playlistId === p.id)
      .map((e) => ({
        itemId: e.item.id,
        seconds: e.seconds,
        kind: e.item.kind,
        title: e.item.title || e.item.body.slice(0, 30),
        status: e.item.status,
      })),
  }));
}

export async function listPlaylists(ctx: RequestContext): Promise<{ items: Playlist[] }> {
  await assertManages(ctx);
  return { items: await playlists(ctx.db, ctx.tenantId) };
}

async function loadPlaylist(ctx: RequestContext, id: string): Promise<Playlist> {
  const [found] = await playlists(ctx.db, ctx.tenantId, id);
  if (!found) throw notFound('播放列表');
  return found;
}

/** Every entry an item of the court (drafts may be listed: only published ones are shown). */
async function checkEntries(ctx: RequestContext, input: PlaylistRequest) {
  const ids = [...new Set(input.entries.map((e) => e.itemId))];
  const found = await repo.findItemsByIds(ctx.db, ctx.tenantId, ids);
  if (found.length !== ids.length)
    throw validationFailed([{ path: 'entries', message: '播放列表中有不存在的内容，请刷新后重试' }]);
}

export async function createPlaylist(ctx: RequestContext, input: PlaylistRequest): Promise<Playlist> {
  await assertManages(ctx);
  await checkEntries(ctx, input);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertPlaylist(tx, {
      tenantId: ctx.tenantId,
      name: input.name,
      secondsPerItem: input.secondsPerItem,
    });
    await repo.replaceEntries(tx, ctx.tenantId, row.id, input.entries);
    await writeAudit(tx, ctx.actor, {
      action: 'culture_playlist.create',
      entity: 'culture_playlist',
      entityId: row.id,
      summary: `新建播放列表“${input.name}”（${String(input.entries.length)}条，每条${String(input.secondsPerItem)}秒）`,
    });
    return row.id;
  });
  return loadPlaylist(ctx, id);
}

export async function updatePlaylist(ctx: RequestContext, id: string, input: PlaylistRequest): Promise<Playlist> {
  await assertManages(ctx);
  const before = await loadPlaylist(ctx, id);
  await checkEntries(ctx, input);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePlaylist(tx, ctx.tenantId, id, { name: input.name, secondsPerItem: input.secondsPerItem });
    await repo.replaceEntries(tx, ctx.tenantId, id, input.entries);
    await writeAudit(tx, ctx.actor, {
      action: 'culture_playlist.update',
      entity: 'culture_playlist',
      entityId: id,
      summary: `修改播放列表“${input.name}”（${String(input.entries.length)}条，每条${String(input.secondsPerItem)}秒）`,
      before: { name: before.name, secondsPerItem: before.secondsPerItem, items: before.entries.map((e) => e.itemId) },
      after: { name: input.name, secondsPerItem: input.secondsPerItem, items: input.entries.map((e) => e.itemId) },
    });
  });
  return loadPlaylist(ctx, id);
}

export async function deletePlaylist(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  await assertManages(ctx);
  const found = await loadPlaylist(ctx, id);
  if (found.screenCount > 0) throw new AppError('CONFLICT', '仍有屏幕在播放该列表，请先给屏幕换一个播放列表');
  await ctx.db.transaction(async (tx) => {
    await repo.deletePlaylist(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx.actor, {
      action: 'culture_playlist.delete',
      entity: 'culture_playlist',
      entityId: id,
      summary: `删除播放列表“${found.name}”`,
    });
  });
  return { ok: true };
}

// ---- screens

function toScreen(r: Awaited<ReturnType<typeof repo.findScreens>>[number]): CultureScreen {
  return {
    id: r.screen.id,
    name: r.screen.name,
    location: r.screen.location,
    playlistId: r.screen.playlistId,
    playlistName: r.playlistName,
    kiosk: r.screen.kiosk,
    displayUrl: `/display/${r.screen.id}`,
  };
}

export async function listScreens(ctx: RequestContext): Promise<{ items: CultureScreen[] }> {
  await assertManages(ctx);
  return { items: (await repo.findScreens(ctx.db, ctx.tenantId)).map(toScreen) };
}

async function loadScreen(ctx: RequestContext, id: string): Promise<CultureScreen> {
  const [row] = await repo.findScreens(ctx.db, ctx.tenantId, repo.screenIs(id));
  if (!row) throw notFound('屏幕');
  return toScreen(row);
}

async function checkPlaylist(ctx: RequestContext, playlistId: string | null) {
  if (playlistId && (await repo.findPlaylists(ctx.db, ctx.tenantId, playlistId)).length === 0)
    throw validationFailed([{ path: 'playlistId', message: '播放列表不存在' }]);
}

export async function createScreen(ctx: RequestContext, input: CultureScreenRequest): Promise<CultureScreen> {
  await assertManages(ctx);
  await checkPlaylist(ctx, input.playlistId);
  const id = await ctx.db.transaction(async (tx) => {
    if (input.kiosk) await repo.clearKiosk(tx, ctx.tenantId);
    const row = await repo.insertScreen(tx, { tenantId: ctx.tenantId, ...input });
    await writeAudit(tx, ctx.actor, {
      action: 'culture_screen.create',
      entity: 'culture_screen',
      entityId: row.id,
      summary: `登记屏幕“${input.name}”${input.kiosk ? '（大厅触摸屏）' : ''}`,
    });
    return row.id;
  });
  return loadScreen(ctx, id);
}

export async function updateScreen(
  ctx: RequestContext,
  id: string,
  input: CultureScreenRequest,
): Promise<CultureScreen> {
  await assertManages(ctx);
  const before = await loadScreen(ctx, id);
  await checkPlaylist(ctx, input.playlistId);
  await ctx.db.transaction(async (tx) => {
    if (input.kiosk && !before.kiosk) await repo.clearKiosk(tx, ctx.tenantId);
    await repo.updateScreen(tx, ctx.tenantId, id, input);
    await writeAudit(tx, ctx.actor, {
      action: 'culture_screen.update',
      entity: 'culture_screen',
      entityId: id,
      summary: `修改屏幕“${input.name}”`,
      before: { name: before.name, location: before.location, playlistId: before.playlistId, kiosk: before.kiosk },
      after: input,
    });
  });
  return loadScreen(ctx, id);
}

export async function deleteScreen(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  await assertManages(ctx);
  const before = await loadScreen(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteScreen(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx.actor, {
      action: 'culture_screen.delete',
      entity: 'culture_screen',
      entityId: id,
      summary: `删除屏幕“${before.name}”`,
    });
  });
  return { ok: true };
}
