import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotificationChannel, NotificationStatus } from '@qizhi/domain';
import { tenants } from './tenants.ts';

/**
 * Where a court's notices and reminders go besides the home page: its 企业微信 and 钉钉 group robots
 * and e-mail. Secrets (the robots' webhook keys, DingTalk's signing secret, the SMTP password) are
 * kept here for sending and never answered in clear.
 */
export const notificationSettings = pgTable('notification_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  wecomWebhook: text('wecom_webhook'),
  dingtalkWebhook: text('dingtalk_webhook'),
  dingtalkSecret: text('dingtalk_secret'),
  smtpHost: text('smtp_host'),
  smtpPort: integer('smtp_port'),
  smtpSecure: boolean('smtp_secure').notNull().default(false),
  smtpUser: text('smtp_user'),
  smtpPassword: text('smtp_password'),
  smtpFrom: text('smtp_from'),
  /** Addresses every message is mailed to (a branch's mailing list, the officers). */
  smtpTo: text('smtp_to'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The outbox: one row per message and channel, written after the action that caused it and sent by
 * the in-process worker with retries. `dedupeKey` keeps a reminder from going out twice.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    source: text('source').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The page's path in the app ('/meetings/…'); the public address is put before it when sending. */
    link: text('link'),
    /** E-mail only: the addresses of the people the message concerns (comma-separated, sent as Bcc). */
    recipients: text('recipients'),
    status: text('status').$type<NotificationStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A worker's claim on the row while it sends; a claim left by a dead process runs out. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('notification_outbox_dedupe_idx').on(t.tenantId, t.dedupeKey, t.channel),
    index('notification_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('notification_outbox_recent_idx').on(t.tenantId, t.createdAt),
  ],
);
