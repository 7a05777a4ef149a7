import { randomBytes } from 'node:crypto';
import { inCourtZone, meetingTitle, MEETING_STATUS_LABELS } from '@qizhi/domain';
import { writeAudit } from '../../../platform/audit.ts';
import { hashToken } from '../../../platform/auth.ts';
import type { Database } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import * as meetingsRepo from '../meetings.repo.ts';
import * as repo from './calendar.repo.ts';
import { buildCalendar, type IcsEvent } from './ics.ts';

/** A meeting without an end time is shown as two hours long. */
const DEFAULT_LENGTH_HOURS = 2;

export async function getFeedStatus(ctx: RequestContext) {
  const row = await repo.findFeed(ctx.db, ctx.tenantId, ctx.user.id);
  return { active: row !== undefined, createdAt: row?.createdAt.toISOString() ?? null };
}

/** A new secret address (the old one stops working). The token is shown once; only its hash is kept. */
export async function createFeed(ctx: RequestContext, origin: string) {
  if (!ctx.personId) throw new AppError('NOT_FOUND', '当前账号未关联人员信息，没有个人日程');
  const token = randomBytes(24).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteFeed(tx, ctx.tenantId, ctx.user.id);
    await repo.insertFeed(tx, ctx.tenantId, ctx.user.id, hashToken(token));
    await writeAudit(tx, ctx.actor, {
      action: 'calendar.feed_create',
      entity: 'user',
      entityId: ctx.user.id,
      summary: '生成个人日程订阅地址（原地址作废）',
    });
  });
  return { url: `${origin}/api/calendar/${token}.ics` };
}

export async function revokeFeed(ctx: RequestContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const gone = await repo.deleteFeed(tx, ctx.tenantId, ctx.user.id);
    if (gone > 0)
      await writeAudit(tx, ctx.actor, {
        action: 'calendar.feed_revoke',
        entity: 'user',
        entityId: ctx.user.id,
        summary: '停用个人日程订阅地址',
      });
  });
}

/** The feed behind a secret address (public: no session): the person's meetings from 90 days ago to a year ahead. */
export async function renderFeed(database: Database, token: string, origin: string, now = new Date()): Promise<string> {
  // The address names no court: the court of the token first (migration 0028), then its handle.
  const court = await database.courtOf('calendar_feed', hashToken(token));
  const db = court ? database.forTenant(court) : database.db;
  const owner = court ? await repo.findFeedOwner(db, hashToken(token)) : undefined;
  if (!owner?.personId || owner.disabled) throw notFound('日程订阅');
  const rows = await meetingsRepo.findMeetingsOfPerson(
    db,
    owner.tenantId,
    owner.personId,
    inCourtZone(now).subtract(90, 'day').toDate(),
    inCourtZone(now).add(366, 'day').toDate(),
  );
  const events: IcsEvent[] = rows.map(({ meeting: m, orgUnitName, hostName }) => ({
    uid: `${m.id}@qizhi`,
    start: m.startsAt,
    end: m.endsAt ?? inCourtZone(m.startsAt).add(DEFAULT_LENGTH_HOURS, 'hour').toDate(),
    summary: meetingTitle(m.type, m.topic),
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
