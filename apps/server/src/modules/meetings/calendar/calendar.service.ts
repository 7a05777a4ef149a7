import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { MEETING_STATUS_LABELS, MEETING_TYPE_LABELS } from '@qizhi/domain';
import { calendarFeeds, tenants, users } from '../../../db/schema/index.ts';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import { hashToken, type AuthContext } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import * as meetingsRepo from '../meetings.repo.ts';
import { buildCalendar, type IcsEvent } from './ics.ts';

const DAY = 86_400_000;
/** A meeting without an end time is shown as two hours long. */
const DEFAULT_LENGTH_MS = 2 * 3_600_000;

export async function getFeedStatus(db: Db, auth: AuthContext) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, auth.user.tenantId), eq(calendarFeeds.userId, auth.user.id)));
  return { active: row !== undefined, createdAt: row?.createdAt.toISOString() ?? null };
}

/** A new secret address (the old one stops working). The token is shown once; only its hash is kept. */
export async function createFeed(db: Db, auth: AuthContext, actor: Actor, origin: string) {
  if (!auth.user.personId) throw new AppError('NOT_FOUND', '当前账号未关联人员信息，没有个人日程');
  const token = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await tx
      .delete(calendarFeeds)
      .where(and(eq(calendarFeeds.tenantId, auth.user.tenantId), eq(calendarFeeds.userId, auth.user.id)));
    await tx
      .insert(calendarFeeds)
      .values({ tenantId: auth.user.tenantId, userId: auth.user.id, tokenHash: hashToken(token) });
    await writeAudit(tx, actor, {
      action: 'calendar.feed_create',
      entity: 'user',
      entityId: auth.user.id,
      summary: '生成个人日程订阅地址（原地址作废）',
    });
  });
  return { url: `${origin}/api/calendar/${token}.ics` };
}

export async function revokeFeed(db: Db, auth: AuthContext, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(calendarFeeds)
      .where(and(eq(calendarFeeds.tenantId, auth.user.tenantId), eq(calendarFeeds.userId, auth.user.id)))
      .returning();
    if (gone.length > 0)
      await writeAudit(tx, actor, {
        action: 'calendar.feed_revoke',
        entity: 'user',
        entityId: auth.user.id,
        summary: '停用个人日程订阅地址',
      });
  });
}

/** The feed behind a secret address: the person's meetings from 90 days ago to a year ahead. */
export async function renderFeed(db: Db, token: string, origin: string, now = new Date()): Promise<string> {
  const [owner] = await db
    .select({ tenantId: users.tenantId, personId: users.personId, disabled: users.disabled, tenantName: tenants.name })
    .from(calendarFeeds)
    .innerJoin(users, and(eq(users.tenantId, calendarFeeds.tenantId), eq(users.id, calendarFeeds.userId)))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  if (!owner?.personId || owner.disabled) throw notFound('日程订阅');
  const rows = await meetingsRepo.findMeetingsOfPerson(
    db,
    owner.tenantId,
    owner.personId,
    new Date(now.getTime() - 90 * DAY),
    new Date(now.getTime() + 366 * DAY),
  );
  const events: IcsEvent[] = rows.map(({ meeting: m, orgUnitName, hostName }) => ({
    uid: `${m.id}@qizhi`,
    start: m.startsAt,
    end: m.endsAt ?? new Date(m.startsAt.getTime() + DEFAULT_LENGTH_MS),
    summary: `${MEETING_TYPE_LABELS[m.type]}：${m.topic}`,
    location: m.place,
    description: [
      `${orgUnitName}`,
      hostName ? `主持人：${hostName}` : '',
      `状态：${MEETING_STATUS_LABELS[m.status]}`,
      m.agenda ?? '',
    ]
      .filter(Boolean)
      .join('\n'),
    url: `${origin}/meetings/${m.id}`,
    cancelled: m.status === 'cancelled',
    sequence: m.revision,
    lastModified: m.updatedAt,
  }));
  return buildCalendar(`${owner.tenantName}·我的会议`, events, now);
}
