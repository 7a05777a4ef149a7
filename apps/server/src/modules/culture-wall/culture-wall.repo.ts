import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CultureItemKind, CultureItemStatus } from '@qizhi/domain';
import {
  cultureItems,
  culturePlaylistEntries,
  culturePlaylists,
  cultureScreens,
  files,
} from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type ItemRow = typeof cultureItems.$inferSelect;
export type PlaylistRow = typeof culturePlaylists.$inferSelect;
export type ScreenRow = typeof cultureScreens.$inferSelect;

// ---- items

export async function findItems(
  db: Db,
  tenantId: string,
  q: { kind?: CultureItemKind | undefined; status?: CultureItemStatus | undefined },
) {
  const uses = sql<number>`(select count(distinct e.playlist_id)::int from culture_playlist_entries e
    where e.tenant_id = ${cultureItems.tenantId} and e.item_id = ${cultureItems.id})`;
  return db
    .select({ item: cultureItems, playlistCount: uses })
    .from(cultureItems)
    .where(
      and(
        eq(cultureItems.tenantId, tenantId),
        q.kind ? eq(cultureItems.kind, q.kind) : undefined,
        q.status ? eq(cultureItems.status, q.status) : undefined,
      ),
    )
    .orderBy(desc(cultureItems.updatedAt), asc(cultureItems.id))
    .limit(2000);
}

export async function findItem(db: Db, tenantId: string, id: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(cultureItems)
    .where(and(eq(cultureItems.tenantId, tenantId), eq(cultureItems.id, id)));
  return row;
}

export async function findItemsByIds(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: cultureItems.id, kind: cultureItems.kind, title: cultureItems.title, status: cultureItems.status })
    .from(cultureItems)
    .where(and(eq(cultureItems.tenantId, tenantId), inArray(cultureItems.id, [...ids])));
}

export async function insertItems(db: Db, rows: (typeof cultureItems.$inferInsert)[]): Promise<ItemRow[]> {
  return db.insert(cultureItems).values(rows).returning();
}

export async function updateItem(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof cultureItems.$inferInsert>,
) {
  await db
    .update(cultureItems)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(cultureItems.tenantId, tenantId), eq(cultureItems.id, id)));
}

export async function deleteItem(db: Db, tenantId: string, id: string) {
  await db.delete(cultureItems).where(and(eq(cultureItems.tenantId, tenantId), eq(cultureItems.id, id)));
}

export async function countPlaylistsUsing(db: Db, tenantId: string, itemId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(culturePlaylistEntries)
    .where(and(eq(culturePlaylistEntries.tenantId, tenantId), eq(culturePlaylistEntries.itemId, itemId)));
  return row?.n ?? 0;
}

/** The statuses of the court's items showing a file (the attachment holder's question). */
export async function findItemsHoldingFile(db: Db, tenantId: string, fileId: string) {
  return db
    .select({ status: cultureItems.status })
    .from(cultureItems)
    .where(and(eq(cultureItems.tenantId, tenantId), eq(cultureItems.imageFileId, fileId)));
}

// ---- playlists

export async function findPlaylists(db: Db, tenantId: string, id?: string) {
  const screens = sql<number>`(select count(*)::int from culture_screens s
    where s.tenant_id = ${culturePlaylists.tenantId} and s.playlist_id = ${culturePlaylists.id})`;
  return db
    .select({ playlist: culturePlaylists, screenCount: screens })
    .from(culturePlaylists)
    .where(and(eq(culturePlaylists.tenantId, tenantId), id ? eq(culturePlaylists.id, id) : undefined))
    .orderBy(asc(culturePlaylists.name));
}

/** The entries of the given playlists in order, with what each item is. */
export async function findEntries(db: Db, tenantId: string, playlistIds: readonly string[]) {
  if (playlistIds.length === 0) return [];
  return db
    .select({
      playlistId: culturePlaylistEntries.playlistId,
      position: culturePlaylistEntries.position,
      seconds: culturePlaylistEntries.seconds,
      item: cultureItems,
    })
    .from(culturePlaylistEntries)
    .innerJoin(
      cultureItems,
      and(
        eq(cultureItems.tenantId, culturePlaylistEntries.tenantId),
        eq(cultureItems.id, culturePlaylistEntries.itemId),
      ),
    )
    .where(
      and(eq(culturePlaylistEntries.tenantId, tenantId), inArray(culturePlaylistEntries.playlistId, [...playlistIds])),
    )
    .orderBy(asc(culturePlaylistEntries.playlistId), asc(culturePlaylistEntries.position));
}

export async function insertPlaylist(db: Db, values: typeof culturePlaylists.$inferInsert): Promise<PlaylistRow> {
  const [row] = await db.insert(culturePlaylists).values(values).returning();
  return row!;
}

export async function updatePlaylist(
  db: Db,
  tenantId: string,
  id: string,
  values: { name: string; secondsPerItem: number },
): Promise<boolean> {
  const rows = await db
    .update(culturePlaylists)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(culturePlaylists.tenantId, tenantId), eq(culturePlaylists.id, id)))
    .returning({ id: culturePlaylists.id });
  return rows.length > 0;
}

/** The playlist's entries replaced by these, in this order. */
export async function replaceEntries(
  db: Db,
  tenantId: string,
  playlistId: string,
  entries: readonly { itemId: string; seconds: number | null }[],
) {
  await db
    .delete(culturePlaylistEntries)
    .where(and(eq(culturePlaylistEntries.tenantId, tenantId), eq(culturePlaylistEntries.playlistId, playlistId)));
  if (entries.length === 0) return;
  await db
    .insert(culturePlaylistEntries)
    .values(entries.map((e, position) => ({ tenantId, playlistId, position, itemId: e.itemId, seconds: e.seconds })));
}

export async function deletePlaylist(db: Db, tenantId: string, id: string) {
  await db.delete(culturePlaylists).where(and(eq(culturePlaylists.tenantId, tenantId), eq(culturePlaylists.id, id)));
}

// ---- screens

export async function findScreens(db: Db, tenantId: string, where?: SQL) {
  return db
    .select({ screen: cultureScreens, playlistName: culturePlaylists.name })
    .from(cultureScreens)
    .leftJoin(
      culturePlaylists,
      and(eq(culturePlaylists.tenantId, cultureScreens.tenantId), eq(culturePlaylists.id, cultureScreens.playlistId)),
    )
    .where(and(eq(cultureScreens.tenantId, tenantId), where))
    .orderBy(asc(cultureScreens.name));
}

export const screenIs = (id: string) => eq(cultureScreens.id, id);
export const kioskScreen = () => eq(cultureScreens.kiosk, true);
export const screensPlaying = (playlistId: string) => eq(cultureScreens.playlistId, playlistId);

export async function insertScreen(db: Db, values: typeof cultureScreens.$inferInsert): Promise<ScreenRow> {
  const [row] = await db.insert(cultureScreens).values(values).returning();
  return row!;
}

export async function updateScreen(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof cultureScreens.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(cultureScreens)
    .set(values)
    .where(and(eq(cultureScreens.tenantId, tenantId), eq(cultureScreens.id, id)))
    .returning({ id: cultureScreens.id });
  return rows.length > 0;
}

/** Only one screen of a court is the lobby kiosk's: the others let go before one takes it. */
export async function clearKiosk(db: Db, tenantId: string) {
  await db
    .update(cultureScreens)
    .set({ kiosk: false })
    .where(and(eq(cultureScreens.tenantId, tenantId), eq(cultureScreens.kiosk, true)));
}

export async function deleteScreen(db: Db, tenantId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(cultureScreens)
    .where(and(eq(cultureScreens.tenantId, tenantId), eq(cultureScreens.id, id)))
    .returning({ id: cultureScreens.id });
  return rows.length > 0;
}

// ---- files

export async function findFileMime(db: Db, tenantId: string, fileId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ mime: files.mime })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), eq(files.id, fileId)));
  return row?.mime;
}

/**
 * The stored image of a poster, only if it is published and plays on the screen: the one way to a
 * poster's file without signing in.
 */
export async function findPublishedPosterOnScreen(db: Db, tenantId: string, screenId: string, itemId: string) {
  const [row] = await db
    .select({ storageKey: files.storageKey, mime: files.mime, name: files.name })
    .from(cultureScreens)
    .innerJoin(
      culturePlaylistEntries,
      and(
        eq(culturePlaylistEntries.tenantId, cultureScreens.tenantId),
        eq(culturePlaylistEntries.playlistId, cultureScreens.playlistId),
      ),
    )
    .innerJoin(
      cultureItems,
      and(
        eq(cultureItems.tenantId, culturePlaylistEntries.tenantId),
        eq(cultureItems.id, culturePlaylistEntries.itemId),
      ),
    )
    .innerJoin(files, and(eq(files.tenantId, cultureItems.tenantId), eq(files.id, cultureItems.imageFileId)))
    .where(
      and(
        eq(cultureScreens.tenantId, tenantId),
        eq(cultureScreens.id, screenId),
        eq(cultureItems.id, itemId),
        eq(cultureItems.status, 'published'),
        eq(cultureItems.kind, 'poster'),
      ),
    )
    .limit(1);
  return row;
}
