import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Per-court settings; every key has a default so a court stores only what it changes. */
export interface TenantSettings {
  lockoutThreshold?: number;
  lockoutMinutes?: number;
  idleMinutes?: number;
  adminIdleMinutes?: number;
  absoluteHours?: number;
  /** 比学赶超 points and rankings: off unless a court turns them on (rules.md, policy limits). */
  pointsRankingEnabled?: boolean;
}

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<TenantSettings>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
