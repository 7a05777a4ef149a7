/** 文化墙 · 廉政文化教育长廊: content items, playlists of them, and the corridor screens that play them. */
import { z } from 'zod';
import { Id } from './common.ts';

export const CULTURE_ITEM_KINDS = ['requirement', 'saying', 'poster'] as const;
export type CultureItemKind = (typeof CULTURE_ITEM_KINDS)[number];
export const CULTURE_ITEM_KIND_LABELS: Record<CultureItemKind, string> = {
  requirement: '廉政要求',
  saying: '格言警句',
  poster: '宣传画',
};

export const CULTURE_ITEM_STATUSES = ['draft', 'published'] as const;
export type CultureItemStatus = (typeof CULTURE_ITEM_STATUSES)[number];
export const CULTURE_ITEM_STATUS_LABELS: Record<CultureItemStatus, string> = { draft: '草稿', published: '已发布' };

/** Seconds an item stays on a screen: long enough to read, short enough to rotate. */
export const SLIDE_SECONDS = { min: 3, max: 600 } as const;

const KindSchema = z.enum(CULTURE_ITEM_KINDS, {
  error: '内容类型应为 requirement（廉政要求）、saying（格言警句）或 poster（宣传画）',
});
const Seconds = z
  .number({ error: '请填写秒数' })
  .int('秒数应为整数')
  .min(SLIDE_SECONDS.min, `每条至少显示${String(SLIDE_SECONDS.min)}秒`)
  .max(SLIDE_SECONDS.max, `每条最多显示${String(SLIDE_SECONDS.max)}秒`);

export const CultureItem = z.object({
  id: Id,
  kind: KindSchema,
  title: z.string(),
  body: z.string(),
  source: z.string().nullable().describe('格言警句的出处'),
  imageFileId: Id.nullable().describe('宣传画的图片（已上传的文件）'),
  status: z.enum(CULTURE_ITEM_STATUSES),
  playlistCount: z.number().int().describe('编入了几个播放列表'),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type CultureItem = z.infer<typeof CultureItem>;

export const CultureItemsQuery = z.strictObject({
  kind: KindSchema.optional(),
  status: z.enum(CULTURE_ITEM_STATUSES, { error: '请从列表中选择状态' }).optional(),
});
export const CultureItemsResponse = z.object({ items: z.array(CultureItem) });

/** One request for every kind; what each kind needs is checked by `cultureItemProblems`. */
export const CultureItemRequest = z.strictObject({
  kind: KindSchema,
  title: z.string().trim().max(60, '标题最多60个字').default(''),
  body: z.string().trim().max(1000, '内容最多1000个字').default(''),
  source: z.string().trim().max(100, '出处最多100个字').nullable().default(null),
  imageFileId: Id.nullable().default(null),
});
export type CultureItemRequest = z.infer<typeof CultureItemRequest>;

export const PlaylistEntry = z.object({
  itemId: Id,
  seconds: z.number().int().nullable().describe('本条显示秒数；空则用播放列表的默认值'),
  kind: KindSchema,
  title: z.string(),
  status: z.enum(CULTURE_ITEM_STATUSES),
});
export const Playlist = z.object({
  id: Id,
  name: z.string(),
  secondsPerItem: z.number().int(),
  entries: z.array(PlaylistEntry),
  screenCount: z.number().int(),
  updatedAt: z.string(),
});
export type Playlist = z.infer<typeof Playlist>;
export const PlaylistsResponse = z.object({ items: z.array(Playlist) });

export const PlaylistRequest = z.strictObject({
  name: z.string().trim().min(1, '请填写播放列表名称').max(40, '名称最多40个字'),
  secondsPerItem: Seconds,
  entries: z
    .array(z.strictObject({ itemId: Id, seconds: Seconds.nullable().default(null) }))
    .max(200, '一个播放列表最多200条'),
});
export type PlaylistRequest = z.infer<typeof PlaylistRequest>;

export const CultureScreen = z.object({
  id: Id,
  name: z.string(),
  location: z.string(),
  playlistId: Id.nullable(),
  playlistName: z.string().nullable(),
  kiosk: z.boolean().describe('大厅触摸屏（/kiosk）播放此屏的播放列表'),
  displayUrl: z.string().describe('屏幕的显示页面，无需登录'),
});
export type CultureScreen = z.infer<typeof CultureScreen>;
export const CultureScreensResponse = z.object({ items: z.array(CultureScreen) });

export const CultureScreenRequest = z.strictObject({
  name: z.string().trim().min(1, '请填写屏幕名称').max(40, '名称最多40个字'),
  location: z.string().trim().max(100, '位置最多100个字').default(''),
  playlistId: Id.nullable().default(null),
  kiosk: z.boolean().default(false),
});
export type CultureScreenRequest = z.infer<typeof CultureScreenRequest>;
