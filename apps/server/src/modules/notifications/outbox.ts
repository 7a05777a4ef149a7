/**
 * The outbox's two ends: `queueMessage` (called after the action that causes a message has
 * committed; it never throws) and `deliverDue` (the worker's pass: claim what is due, send, record
 * the outcome, and schedule a retry with back-off or give up after the last attempt).
 */
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_MAX_ATTEMPTS,
  NOTIFICATION_RETRY_MINUTES,
  type NotificationChannel,
  type NotificationSource,
} from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import * as repo from './notifications.repo.ts';
import { channelReady, mailServerReady, send } from './senders.ts';

export interface Notice {
  source: NotificationSource;
  /** Same key, same channel: queued once (a reminder scanned twice, a notice sent again unchanged). */
  key: string;
  title: string;
  body: string;
  /** The page in the app, e.g. `/meetings/<id>`. */
  link: string | null;
  /** The roster people it concerns: by e-mail it also goes to each one's own address (Bcc). */
  personIds?: readonly string[];
}

const wakers = new Set<() => void>();

/** Lets a running worker know there is something to send now rather than at its next tick. */
export function onQueued(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/** Queues the notice on every channel the court has set up (or only `only`); returns how many. */
export async function queueMessage(
  db: Db,
  tenantId: string,
  notice: Notice,
  only?: NotificationChannel,
): Promise<number> {
  const settings = await repo.findSettings(db, tenantId);
  const wanted = (c: NotificationChannel) => (only ? c === only : true);
  // People's own addresses, for e-mail: those on the roster who gave one.
  const personal =
    wanted('email') && mailServerReady(settings) && notice.personIds?.length
      ? await repo.findEmailsOfPeople(db, tenantId, [...notice.personIds])
      : [];
  const channels = NOTIFICATION_CHANNELS.filter(
    (c) => wanted(c) && (channelReady(settings, c) || (c === 'email' && personal.length > 0)),
  );
  const queued = await repo.insertMessages(
    db,
    channels.map((channel) => ({
      tenantId,
      channel,
      source: notice.source,
      dedupeKey: notice.key,
      title: notice.title.slice(0, 200),
      body: notice.body.slice(0, 1000),
      link: notice.link,
      recipients: channel === 'email' && personal.length > 0 ? personal.join(',') : null,
    })),
  );
  if (queued > 0) for (const wake of wakers) wake();
  return queued;
}

/**
 * For hooks in other modules: a notice must never block or fail the action that caused it, so a
 * failure to queue is logged and swallowed.
 */
export async function queueNotice(
  db: Db,
  tenantId: string,
  notice: Notice,
  log: { error: (obj: unknown, msg: string) => void } = console,
): Promise<void> {
  try {
    await queueMessage(db, tenantId, notice);
  } catch (err) {
    log.error({ err, key: notice.key }, '消息未能加入发送队列');
  }
}

export interface DeliveryOptions {
  now?: Date;
  /** QIZHI_PUBLIC_URL: put before each message's link; without it messages carry none. */
  publicUrl?: string;
  limit?: number;
  /** Only this court's messages (the worker's pass, court by court). */
  tenantId?: string;
}

/** One pass of the worker; returns how many messages it tried. */
export async function deliverDue(db: Db, opts: DeliveryOptions = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const claimed = await repo.claimDue(db, now, opts.limit ?? 20, 120_000, opts.tenantId);
  const settingsOf = new Map<string, Promise<repo.SettingsRow | undefined>>();
  for (const row of claimed) {
    if (!settingsOf.has(row.tenantId)) settingsOf.set(row.tenantId, repo.findSettings(db, row.tenantId));
    const settings = await settingsOf.get(row.tenantId);
    const url = row.link && opts.publicUrl ? `${opts.publicUrl}${row.link}` : null;
    const attempts = row.attempts + 1;
    try {
      const recipients = row.recipients ? row.recipients.split(',') : [];
      await send(row.channel, settings, { title: row.title, body: row.body, url, recipients }, new Date());
      await repo.finishAttempt(db, row.tenantId, row.id, {
        status: 'sent',
        attempts,
        lastError: null,
        sentAt: new Date(),
      });
    } catch (err) {
      const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const waitMinutes = NOTIFICATION_RETRY_MINUTES[attempts - 1];
      const giveUp = attempts >= NOTIFICATION_MAX_ATTEMPTS || waitMinutes === undefined;
      await repo.finishAttempt(db, row.tenantId, row.id, {
        status: giveUp ? 'failed' : 'pending',
        attempts,
        lastError,
        nextAttemptAt: giveUp ? undefined : new Date(now.getTime() + waitMinutes * 60_000),
      });
    }
  }
  return claimed.length;
}
