import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CultureItemKind, CultureItemStatus } from '@qizhi/domain';
import { files } from './files.ts';
import { tenants } from './tenants.ts';

/** 文化墙 content: a 廉政要求, a 格言警句 with its source, or a 宣传画 (an uploaded image); draft → published. */
export const cultureItems = pgTable(
  'culture_items',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<CultureItemKind>().notNull(),
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
    source: text('source'),
    imageFileId: uuid('image_file_id'),
    status: text('status').$type<CultureItemStatus>().notNull().default('draft'),
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'culture_items_image_file_fk',
      columns: [t.tenantId, t.imageFileId],
      foreignColumns: [files.tenantId, files.id],
    }),
    index('culture_items_image_idx').on(t.tenantId, t.imageFileId),
  ],
);

export const culturePlaylists = pgTable(
  'culture_playlists',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    secondsPerItem: integer('seconds_per_item').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('culture_playlists_name_idx').on(t.tenantId, t.name),
  ],
);

/** A playlist's items in order; `seconds` null: the playlist's seconds per item. */
export const culturePlaylistEntries = pgTable(
  'culture_playlist_entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    playlistId: uuid('playlist_id').notNull(),
    position: integer('position').notNull(),
    itemId: uuid('item_id').notNull(),
    seconds: integer('seconds'),
  },
  (t) => [
    primaryKey({ name: 'culture_playlist_entries_pk', columns: [t.tenantId, t.playlistId, t.position] }),
    foreignKey({
      name: 'culture_playlist_entries_playlist_fk',
      columns: [t.tenantId, t.playlistId],
      foreignColumns: [culturePlaylists.tenantId, culturePlaylists.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'culture_playlist_entries_item_fk',
      columns: [t.tenantId, t.itemId],
      foreignColumns: [cultureItems.tenantId, cultureItems.id],
    }),
    index('culture_playlist_entries_item_idx').on(t.tenantId, t.itemId),
  ],
);

/** A named corridor screen (二楼廉政长廊1号屏) playing one playlist; at most one is the lobby kiosk's. */
export const cultureScreens = pgTable(
  'culture_screens',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    location: text('location').notNull().default(''),
    playlistId: uuid('playlist_id'),
    kiosk: boolean('kiosk').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'culture_screens_playlist_fk',
      columns: [t.tenantId, t.playlistId],
      foreignColumns: [culturePlaylists.tenantId, culturePlaylists.id],
    }),
    uniqueIndex('culture_screens_name_idx').on(t.tenantId, t.name),
    uniqueIndex('culture_screens_kiosk_idx')
      .on(t.tenantId)
      .where(sql`${t.kiosk}`),
  ],
);
