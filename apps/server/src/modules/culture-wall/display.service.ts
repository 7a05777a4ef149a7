import { redactPersonalNumbers, slideSeconds, type CultureItemKind } from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { FileStorage } from '../../platform/storage.ts';
import * as repo from './culture-wall.repo.ts';

export interface Slide {
  itemId: string;
  kind: CultureItemKind;
  title: string;
  body: string;
  source: string | null;
  seconds: number;
  hasImage: boolean;
}

export interface ScreenShow {
  screenId: string;
  name: string;
  slides: Slide[];
}

/** What a screen shows: its playlist's published items in order; drafts are never there. */
async function showOf(db: Db, tenantId: string, row: repo.ScreenRow): Promise<ScreenShow> {
  const lists = row.playlistId ? await repo.findPlaylists(db, tenantId, row.playlistId) : [];
  const seconds = lists[0]?.playlist.secondsPerItem ?? 10;
  const entries = row.playlistId ? await repo.findEntries(db, tenantId, [row.playlistId]) : [];
  return {
    screenId: row.id,
    name: row.name,
    slides: entries
      .filter((e) => e.item.status === 'published')
      .map((e) => ({
        itemId: e.item.id,
        kind: e.item.kind,
        title: redactPersonalNumbers(e.item.title),
        body: redactPersonalNumbers(e.item.body),
        source: e.item.source === null ? null : redactPersonalNumbers(e.item.source),
        seconds: slideSeconds(e.seconds, seconds),
        hasImage: e.item.kind === 'poster' && e.item.imageFileId !== null,
      })),
  };
}

/** A corridor screen of the court (another court's screen, or none, is 404). */
export async function screenShow(db: Db, tenantId: string, screenId: string): Promise<ScreenShow> {
  const [row] = await repo.findScreens(db, tenantId, repo.screenIs(screenId));
  if (!row) throw notFound('屏幕');
  return showOf(db, tenantId, row.screen);
}

/** The screen the lobby kiosk plays, if the court has marked one. */
export async function kioskShow(db: Db, tenantId: string): Promise<ScreenShow | null> {
  const [row] = await repo.findScreens(db, tenantId, repo.kioskScreen());
  return row ? showOf(db, tenantId, row.screen) : null;
}

/** A published poster's picture, only as it plays on that screen. */
export async function posterImage(db: Db, storage: FileStorage, tenantId: string, screenId: string, itemId: string) {
  const row = await repo.findPublishedPosterOnScreen(db, tenantId, screenId, itemId);
  if (!row) throw notFound('宣传画');
  return { mime: row.mime, data: await storage.get(row.storageKey) };
}
