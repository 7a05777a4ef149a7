import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { NotificationStatus } from '@qizhi/domain';
import {
  meetings,
  meetingTasks,
  notificationOutbox,
  notificationSettings,
  orgUnits,
  people,
} from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type SettingsRow = typeof notificationSettings.$inferSelect;
export type OutboxRow = typeof notificationOutbox.$inferSelect;
export type NewMessage = typeof notificationOutbox.$inferInsert;

export async function findSettings(db: Db, tenantId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.tenantId, tenantId));
  return row;
}

export async function saveSettings(
  db: Db,
  tenantId: string,
  values: Partial<Omit<typeof notificationSettings.$inferInsert, 'tenantId'>>,
): Promise<void> {
  const set = { ...values, updatedAt: new Date() };
  await db
    .insert(notificationSettings)
    .values({ tenantId, ...set })
    .onConflictDoUpdate({ target: notificationSettings.tenantId, set });
}

/** The e-mail addresses of these people, those on the roster who gave one (lower-cased, once each). */
export async function findEmailsOfPeople(db: Db, tenantId: string, personIds: string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: sql<string>`lower(${people.email})` })
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        inArray(people.id, personIds),
        isNull(people.leftOn),
        sql`${people.email} is not null`,
      ),
    );
  return rows.map((r) => r.email).sort();
}

/** Courts that send anywhere at all: the reminder scan looks only at these. */
export async function findTenantsWithChannels(db: Db): Promise<string[]> {
  const rows = await db
    .select({ tenantId: notificationSettings.tenantId })
    .from(notificationSettings)
    .where(
      or(
        sql`${notificationSettings.wecomWebhook} is not null`,
        sql`${notificationSettings.dingtalkWebhook} is not null`,
        sql`${notificationSettings.smtpHost} is not null`,
      ),
    );
  return rows.map((r) => r.tenantId);
}

/** New messages; one already queued under the same key and channel is left as it is. */
export async function insertMessages(db: Db, rows: NewMessage[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(notificationOutbox)
    .values(rows)
    .onConflictDoNothing({
      target: [notificationOutbox.tenantId, notificationOutbox.dedupeKey, notificationOutbox.channel],
    })
    .returning({ id: notificationOutbox.id });
  return inserted.length;
}

/**
 * The worker's claim on messages due by `now`, across courts (the worker serves the whole
 * database). The claim is a conditional update, so two workers never send the same message.
 */
export async function claimDue(
  db: Db,
  now: Date,
  limit: number,
  claimMs: number,
  tenantId?: string,
): Promise<OutboxRow[]> {
  const free = or(isNull(notificationOutbox.claimedUntil), lt(notificationOutbox.claimedUntil, now));
  const due = and(
    tenantId ? eq(notificationOutbox.tenantId, tenantId) : undefined,
    eq(notificationOutbox.status, 'pending'),
    lte(notificationOutbox.nextAttemptAt, now),
    free,
  );
  const candidates = await db
    .select({ tenantId: notificationOutbox.tenantId, id: notificationOutbox.id })
    .from(notificationOutbox)
    .where(due)
    .orderBy(asc(notificationOutbox.nextAttemptAt))
    .limit(limit);
  if (candidates.length === 0) return [];
  return db
    .update(notificationOutbox)
    .set({ claimedUntil: new Date(now.getTime() + claimMs) })
    .where(
      and(
        due,
        inArray(
          notificationOutbox.id,
          candidates.map((c) => c.id),
        ),
      ),
    )
    .returning();
}

export async function finishAttempt(
  db: Db,
  tenantId: string,
  id: string,
  values: {
    status: NotificationStatus;
    attempts: number;
    nextAttemptAt?: Date;
    lastError: string | null;
    sentAt?: Date;
  },
): Promise<void> {
  await db
    .update(notificationOutbox)
    .set({ ...values, claimedUntil: null })
    .where(and(eq(notificationOutbox.tenantId, tenantId), eq(notificationOutbox.id, id)));
}

export async function findMessagePage(
  db: Db,
  tenantId: string,
  q: { status?: NotificationStatus; page: number; pageSize: number },
) {
  const where = and(
    eq(notificationOutbox.tenantId, tenantId),
    q.status ? eq(notificationOutbox.status, q.status) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(notificationOutbox)
      .where(where)
      .orderBy(desc(notificationOutbox.createdAt), desc(notificationOutbox.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notificationOutbox)
      .where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** Notified meetings starting within the window: the reminder the day before. */
export async function findMeetingsStarting(db: Db, tenantId: string, from: Date, to: Date) {
  return db
    .select({
      id: meetings.id,
      type: meetings.type,
      topic: meetings.topic,
      startsAt: meetings.startsAt,
      place: meetings.place,
      orgUnitName: orgUnits.name,
      // Those expected and not on leave (text[], read alike by both drivers).
      attendeeIds: sql<string[]>`(select coalesce(array_agg(a.person_id::text), '{}'::text[])
        from meeting_attendees a where a.tenant_id = "meetings"."tenant_id" and a.meeting_id = "meetings"."id"
          and a.state <> 'leave')`,
    })
    .from(meetings)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, meetings.tenantId), eq(orgUnits.id, meetings.orgUnitId)))
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        eq(meetings.status, 'notified'),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(200);
}

/** Open follow-up tasks due on one of these days, with their owner and meeting. */
export async function findOpenTasksDueOn(db: Db, tenantId: string, days: string[]) {
  return db
    .select({
      id: meetingTasks.id,
      title: meetingTasks.title,
      dueOn: meetingTasks.dueOn,
      meetingId: meetingTasks.meetingId,
      topic: meetings.topic,
      ownerName: people.name,
      ownerPersonId: people.id,
    })
    .from(meetingTasks)
    .innerJoin(meetings, and(eq(meetings.tenantId, meetingTasks.tenantId), eq(meetings.id, meetingTasks.meetingId)))
    .innerJoin(people, and(eq(people.tenantId, meetingTasks.tenantId), eq(people.id, meetingTasks.ownerPersonId)))
    .where(and(eq(meetingTasks.tenantId, tenantId), inArray(meetingTasks.dueOn, days), isNull(meetingTasks.doneAt)))
    .orderBy(asc(meetingTasks.dueOn))
    .limit(500);
}
