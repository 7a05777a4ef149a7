/** Personal calendar feeds: one secret address per account, kept as a hash. */
import { and, eq } from 'drizzle-orm';
import { calendarFeeds, tenants, users } from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';

export async function findFeed(db: Db, tenantId: string, userId: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.userId, userId)));
  return row;
}

/** Answers how many feeds went (0: the account had none). */
export async function deleteFeed(tx: Db, tenantId: string, userId: string): Promise<number> {
  const gone = await tx
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.userId, userId)))
    .returning({ userId: calendarFeeds.userId });
  return gone.length;
}

export async function insertFeed(tx: Db, tenantId: string, userId: string, tokenHash: string): Promise<void> {
  await tx.insert(calendarFeeds).values({ tenantId, userId, tokenHash });
}

/** Whose feed a secret address is, across courts (the address is the only credential). */
export async function findFeedOwner(db: Db, tokenHash: string) {
  const [owner] = await db
    .select({ tenantId: users.tenantId, personId: users.personId, disabled: users.disabled, tenantName: tenants.name })
    .from(calendarFeeds)
    .innerJoin(users, and(eq(users.tenantId, calendarFeeds.tenantId), eq(users.id, calendarFeeds.userId)))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return owner;
}
