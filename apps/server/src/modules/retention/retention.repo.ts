import { and, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { RetentionKind } from '@qizhi/domain';
import {
  inquiries,
  notificationOutbox,
  receptionVisits,
  sessions,
  tenants,
  twoFactorChallenges,
} from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

/** Where a kind's period ends: the instant, and the court day for records kept by day. */
export interface Cutoff {
  instant: Date;
  day: string;
}

interface KindQuery {
  table: PgTable;
  /** The court's rows of this kind past the cutoff — and only finished ones, whatever their age. */
  expired: (tenantId: string, cutoff: Cutoff) => SQL | undefined;
}

/**
 * One entry per kind. Each condition compares the row's own end time with the cutoff strictly
 * (`<`), so a row exactly at the line stays; a record still being worked on (a visit not yet
 * handled, an inquiry not closed, a message not yet sent) is never past it.
 */
const KINDS: Record<RetentionKind, KindQuery> = {
  receptionVisits: {
    table: receptionVisits,
    expired: (tenantId, { day }) =>
      and(
        eq(receptionVisits.tenantId, tenantId),
        sql`(not ${receptionVisits.needsHandling} or ${receptionVisits.handledOn} is not null)`,
        sql`greatest(${receptionVisits.receivedOn}, coalesce(${receptionVisits.handledOn}, ${receptionVisits.receivedOn})) < ${day}::date`,
      ),
  },
  inquiries: {
    table: inquiries,
    expired: (tenantId, { instant }) =>
      and(eq(inquiries.tenantId, tenantId), eq(inquiries.status, 'closed'), lt(inquiries.closedAt, instant)),
  },
  notifications: {
    table: notificationOutbox,
    // A failed message's last attempt was due at next_attempt_at (the worker does not move it on giving up).
    expired: (tenantId, { instant }) =>
      and(
        eq(notificationOutbox.tenantId, tenantId),
        inArray(notificationOutbox.status, ['sent', 'failed']),
        sql`greatest(${notificationOutbox.createdAt}, ${notificationOutbox.nextAttemptAt}, coalesce(${notificationOutbox.sentAt}, ${notificationOutbox.createdAt})) < ${instant.toISOString()}::timestamptz`,
      ),
  },
  sessions: {
    table: sessions,
    // A session ends at its absolute expiry or after its idle time, whichever comes first.
    expired: (tenantId, { instant }) =>
      and(
        eq(sessions.tenantId, tenantId),
        sql`least(${sessions.expiresAt}, ${sessions.lastSeenAt} + ${sessions.idleSeconds} * interval '1 second') < ${instant.toISOString()}::timestamptz`,
      ),
  },
  twoFactorChallenges: {
    table: twoFactorChallenges,
    expired: (tenantId, { instant }) =>
      and(eq(twoFactorChallenges.tenantId, tenantId), lt(twoFactorChallenges.expiresAt, instant)),
  },
};

export async function countExpired(db: Db, kind: RetentionKind, tenantId: string, cutoff: Cutoff): Promise<number> {
  const { table, expired } = KINDS[kind];
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(expired(tenantId, cutoff));
  return row?.n ?? 0;
}

export async function deleteExpired(tx: Db, kind: RetentionKind, tenantId: string, cutoff: Cutoff): Promise<number> {
  const { table, expired } = KINDS[kind];
  const removed = await tx
    .delete(table)
    .where(expired(tenantId, cutoff))
    .returning({ one: sql<number>`1` });
  return removed.length;
}

/**
 * One purge of a court at a time (two server processes, or the CLI beside the server): the second
 * waits and then finds nothing left to remove.
 */
export async function lockCourtPurge(tx: Db, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`retention:${tenantId}`}, 0))`);
}

export async function findCourts(db: Db) {
  return db
    .select({ id: tenants.id, code: tenants.code, name: tenants.name, settings: tenants.settings })
    .from(tenants)
    .orderBy(tenants.code);
}

export async function findCourt(db: Db, tenantId: string) {
  const [row] = await db
    .select({ id: tenants.id, code: tenants.code, name: tenants.name, settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row;
}

const PERIODS_KEY = 'retentionPeriods';

export async function writePeriods(db: Db, tenantId: string, periods: Partial<Record<RetentionKind, number>>) {
  await db
    .update(tenants)
    .set({
      settings: sql`${tenants.settings} || jsonb_build_object(${PERIODS_KEY}::text, ${JSON.stringify(periods)}::jsonb)`,
    })
    .where(eq(tenants.id, tenantId));
}
