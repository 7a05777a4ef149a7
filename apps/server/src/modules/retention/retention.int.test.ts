import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import {
  RETENTION_KINDS,
  VISIT_CATEGORIES,
  courtToday,
  retentionCutoff,
  retentionCutoffDay,
  type RetentionKind,
} from '@qizhi/domain';
import {
  auditLog,
  inquiries,
  notificationOutbox,
  receptionVisits,
  sessions,
  tenants,
  twoFactorChallenges,
  users,
} from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { courtHandles, purgeExpired } from './index.ts';

let ctx: TestContext;
let secadmin: Session;
let courtDb: (tenantId: string) => Db;
const court = { anze: '', other: '' };
const userOf = { anze: '', other: '' };
/** The purge's "now": a fixed instant, so every cutoff is known to the millisecond. */
const NOW = new Date('2026-12-01T10:00:00.000Z');
const DAY = 86_400_000;

beforeAll(async () => {
  ctx = await createTestContext();
  secadmin = await ctx.login('secadmin');
  courtDb = courtHandles(ctx.database);
  const courts = await ctx.database.db.select({ id: tenants.id, code: tenants.code }).from(tenants);
  court.anze = courts.find((c) => c.code === 'anze')!.id;
  court.other = courts.find((c) => c.code === OTHER_COURT.code)!.id;
  for (const key of ['anze', 'other'] as const) {
    const [u] = await courtDb(court[key])
      .select({ id: users.id })
      .from(users)
      .where(eq(users.tenantId, court[key]))
      .limit(1);
    userOf[key] = u!.id;
  }
});
afterAll(() => ctx.close());

const cut = (period: number, unit: 'day' | 'month') => retentionCutoff(NOW, period, unit);
const before = (d: Date, ms = 1) => new Date(d.getTime() - ms);
const dayBefore = (day: string) => courtToday(new Date(new Date(`${day}T12:00:00+08:00`).getTime() - DAY));

/**
 * One court's rows of every kind around the default cutoffs: `edge` exactly at the line, `old` a
 * moment before it, `young` well inside, `open` very old but unfinished. Returns their ids by name.
 */
async function plant(key: 'anze' | 'other') {
  const tenantId = court[key];
  const userId = userOf[key];
  const db = courtDb(tenantId);
  const ids: Record<string, string> = {};
  const sessionCut = cut(30, 'day');
  for (const [name, end] of [
    ['session.edge', sessionCut],
    ['session.old', before(sessionCut)],
    ['session.young', new Date(NOW.getTime() - DAY)],
  ] as const) {
    const tokenHash = randomBytes(32).toString('hex');
    ids[name] = tokenHash;
    // Its idle end (last seen + 2 h) is later than its absolute end: the absolute end counts.
    await db.insert(sessions).values({
      tokenHash,
      tenantId,
      userId,
      csrfToken: 'x',
      createdAt: before(end, 3_600_000),
      lastSeenAt: before(end, 3_600_000),
      expiresAt: end,
      idleSeconds: 7_200,
    });
  }
  // Idle-ended long ago though its absolute end is young: gone.
  const idle = randomBytes(32).toString('hex');
  ids['session.idle_old'] = idle;
  await db.insert(sessions).values({
    tokenHash: idle,
    tenantId,
    userId,
    csrfToken: 'x',
    lastSeenAt: before(sessionCut, 3_600_000),
    expiresAt: NOW,
    idleSeconds: 1_800,
  });

  const challengeCut = cut(1, 'day');
  for (const [name, end] of [
    ['challenge.edge', challengeCut],
    ['challenge.old', before(challengeCut)],
  ] as const) {
    const tokenHash = randomBytes(32).toString('hex');
    ids[name] = tokenHash;
    await db.insert(twoFactorChallenges).values({ tokenHash, tenantId, userId, purpose: 'verify', expiresAt: end });
  }

  const messageCut = cut(180, 'day');
  const message = async (name: string, status: 'sent' | 'failed' | 'pending', at: Date) => {
    const id = randomUUID();
    ids[name] = id;
    await db.insert(notificationOutbox).values({
      tenantId,
      id,
      channel: 'email',
      source: 'test',
      dedupeKey: id,
      title: '测试',
      body: '测试',
      status,
      createdAt: before(at, DAY),
      nextAttemptAt: before(at, DAY),
      sentAt: status === 'sent' ? at : null,
    });
  };
  await message('message.edge', 'sent', messageCut);
  await message('message.old', 'sent', before(messageCut));
  await message('message.failed_old', 'failed', before(messageCut, 2 * DAY));
  await message('message.pending_old', 'pending', before(messageCut, 400 * DAY));

  const inquiryCut = cut(36, 'month');
  const inquiry = async (name: string, closedAt: Date | null) => {
    const id = randomUUID();
    ids[name] = id;
    await db.insert(inquiries).values({
      tenantId,
      id,
      askedAt: before(closedAt ?? inquiryCut, 400 * DAY),
      topic: '咨询',
      askerName: '来问人',
      outcome: closedAt ? 'answered' : 'open',
      status: closedAt ? 'closed' : 'open',
      firstUserId: userId,
      firstName: '首问人',
      holderUserId: userId,
      holderName: '首问人',
      closedAt,
    });
  };
  await inquiry('inquiry.edge', inquiryCut);
  await inquiry('inquiry.old', before(inquiryCut));
  await inquiry('inquiry.open_old', null);

  const visitDay = retentionCutoffDay(NOW, 36, 'month');
  const visit = async (name: string, receivedOn: string, handling?: { handledOn: string | null }) => {
    const id = randomUUID();
    ids[name] = id;
    await db.insert(receptionVisits).values({
      tenantId,
      id,
      receivedOn,
      visitorName: '来访人',
      matter: '反映问题',
      category: VISIT_CATEGORIES[0],
      needsHandling: handling !== undefined,
      handledOn: handling?.handledOn ?? null,
    });
  };
  await visit('visit.edge', visitDay);
  await visit('visit.old', dayBefore(visitDay));
  await visit('visit.unhandled_old', '2019-01-01', { handledOn: null });
  await visit('visit.handled_late', '2019-01-01', { handledOn: visitDay });
  await visit('visit.handled_old', '2019-01-01', { handledOn: dayBefore(visitDay) });
  return ids;
}

const TABLES: Record<RetentionKind, { table: string; id: string }> = {
  receptionVisits: { table: 'reception_visits', id: 'id' },
  inquiries: { table: 'inquiries', id: 'id' },
  notifications: { table: 'notification_outbox', id: 'id' },
  sessions: { table: 'sessions', id: 'token_hash' },
  twoFactorChallenges: { table: 'two_factor_challenges', id: 'token_hash' },
};

async function present(tenantId: string): Promise<Set<string>> {
  const all = new Set<string>();
  for (const kind of RETENTION_KINDS) {
    const { table, id } = TABLES[kind];
    const result: unknown = await courtDb(tenantId).execute(
      sql`select ${sql.raw(id)}::text as id from ${sql.raw(table)} where tenant_id = ${tenantId}`,
    );
    for (const row of (result as { rows: { id: string }[] }).rows) all.add(row.id);
  }
  return all;
}

async function purgeRows(tenantId: string) {
  return courtDb(tenantId)
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, 'retention.purge')));
}

describe('purge-expired: rows past their period go, younger ones never', () => {
  it('a dry run counts and removes nothing; the purge removes exactly those, per court, audited', async () => {
    const mine = await plant('anze');
    const theirs = await plant('other');
    const anzeBefore = await present(court.anze);
    const otherBefore = await present(court.other);

    const dry = await purgeExpired(ctx.database.db, {
      now: NOW,
      dryRun: true,
      courtCode: 'anze',
      actorName: '测试',
      dbFor: courtDb,
    });
    expect(dry).toHaveLength(1);
    expect(await present(court.anze)).toEqual(anzeBefore);
    expect(await purgeRows(court.anze)).toHaveLength(0);

    const [done] = await purgeExpired(ctx.database.db, {
      now: NOW,
      courtCode: 'anze',
      actorName: '测试',
      dbFor: courtDb,
    });
    expect(done!.counts).toEqual(dry[0]!.counts);
    const anzeAfter = await present(court.anze);
    const removed = [...anzeBefore].filter((id) => !anzeAfter.has(id));
    const total = Object.values(done!.counts).reduce((a, b) => a + b, 0);
    expect(removed).toHaveLength(total);

    // Exactly at the line, younger, or unfinished: kept. A moment older: gone.
    for (const name of [
      'session.edge',
      'session.young',
      'challenge.edge',
      'message.edge',
      'message.pending_old',
      'inquiry.edge',
      'inquiry.open_old',
      'visit.edge',
      'visit.unhandled_old',
      'visit.handled_late',
    ])
      expect(anzeAfter.has(mine[name]!), name).toBe(true);
    for (const name of [
      'session.old',
      'session.idle_old',
      'challenge.old',
      'message.old',
      'message.failed_old',
      'inquiry.old',
      'visit.old',
      'visit.handled_old',
    ])
      expect(anzeAfter.has(mine[name]!), name).toBe(false);
    // Of the planted rows only the old ones went (the rest removed is what the seed held past its period).
    const plantedKept = new Set(
      Object.entries(mine)
        .filter(([n]) => !/old$/.test(n))
        .map(([, id]) => id),
    );
    for (const id of removed) expect(plantedKept.has(id)).toBe(false);

    // The other court: untouched, its old rows still there.
    expect(await present(court.other)).toEqual(otherBefore);
    expect((await present(court.other)).has(theirs['session.old']!)).toBe(true);
    expect(await purgeRows(court.other)).toHaveLength(0);

    // One audit row, counting per kind.
    const rows = await purgeRows(court.anze);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorName).toBe('测试');
    expect((rows[0]!.after as { removed: Record<string, number> }).removed).toEqual(done!.counts);
    expect(rows[0]!.summary).toContain('已结束的登录会话');

    // Run again: nothing left, and no second audit row.
    const [again] = await purgeExpired(ctx.database.db, {
      now: NOW,
      courtCode: 'anze',
      actorName: '测试',
      dbFor: courtDb,
    });
    expect(Object.values(again!.counts).every((n) => n === 0)).toBe(true);
    expect(await purgeRows(court.anze)).toHaveLength(1);
  });

  it('each court purges by its own periods', async () => {
    // This court keeps sessions 7 days; the other keeps the default 30.
    await courtDb(court.anze)
      .update(tenants)
      .set({ settings: sql`${tenants.settings} || '{"retentionPeriods":{"sessions":7}}'::jsonb` })
      .where(eq(tenants.id, court.anze));
    const ten = new Date(NOW.getTime() - 10 * DAY);
    const ids: Record<string, string> = {};
    for (const key of ['anze', 'other'] as const) {
      ids[key] = randomBytes(32).toString('hex');
      await courtDb(court[key])
        .insert(sessions)
        .values({
          tokenHash: ids[key],
          tenantId: court[key],
          userId: userOf[key],
          csrfToken: 'x',
          lastSeenAt: before(ten, 60_000),
          expiresAt: ten,
          idleSeconds: 7_200,
        });
    }
    const result = await purgeExpired(ctx.database.db, { now: NOW, actorName: '测试', dbFor: courtDb });
    expect(result.map((c) => c.code).sort()).toEqual(['anze', OTHER_COURT.code].sort());
    expect((await present(court.anze)).has(ids.anze!)).toBe(false);
    expect((await present(court.other)).has(ids.other!)).toBe(true);
    await courtDb(court.anze)
      .update(tenants)
      .set({ settings: sql`${tenants.settings} - 'retentionPeriods'` })
      .where(eq(tenants.id, court.anze));
  });
});

describe('/api/retention: the 安全管理员 sets the periods', () => {
  it('reads the kinds with their periods and what is due; 401 without a session, 403 for others', async () => {
    const res = await secadmin.request({ method: 'GET', url: '/api/retention' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ kinds: { kind: string; period: number; minimum: number; due: number }[] }>();
    expect(body.kinds.map((k) => k.kind)).toEqual([...RETENTION_KINDS]);
    expect(body.kinds.find((k) => k.kind === 'sessions')).toMatchObject({ period: 30, minimum: 7 });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/retention' })).statusCode).toBe(401);
    for (const username of ['admin', 'auditor', 'clerk']) {
      const other = await ctx.login(username);
      expect((await other.request({ method: 'GET', url: '/api/retention' })).statusCode, username).toBe(403);
    }
  });

  it('refuses a period below the minimum with a Chinese 400; a valid one is kept and audited', async () => {
    const low = await secadmin.request({ method: 'PUT', url: '/api/retention', payload: { periods: { sessions: 6 } } });
    expect(low.statusCode).toBe(400);
    expect(low.json().error.code).toBe('VALIDATION_FAILED');
    expect(low.json().error.message).toBe('已结束的登录会话的保存期限不得少于7天');
    const visits = await secadmin.request({
      method: 'PUT',
      url: '/api/retention',
      payload: { periods: { receptionVisits: 11 } },
    });
    expect(visits.json().error.message).toBe('领导接访来访登记的保存期限不得少于12个月');
    const empty = await secadmin.request({ method: 'PUT', url: '/api/retention', payload: { periods: {} } });
    expect(empty.statusCode).toBe(400);
    const unknown = await secadmin.request({
      method: 'PUT',
      url: '/api/retention',
      payload: { periods: { auditLog: 1 } },
    });
    expect(unknown.statusCode).toBe(400);

    const ok = await secadmin.request({
      method: 'PUT',
      url: '/api/retention',
      payload: { periods: { sessions: 7, receptionVisits: 24 } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const kinds = ok.json<{ kinds: { kind: string; period: number }[] }>().kinds;
    expect(kinds.find((k) => k.kind === 'sessions')!.period).toBe(7);
    expect(kinds.find((k) => k.kind === 'receptionVisits')!.period).toBe(24);
    expect(kinds.find((k) => k.kind === 'inquiries')!.period).toBe(36);
    const [settings] = await ctx.database.db
      .select({ s: tenants.settings })
      .from(tenants)
      .where(eq(tenants.id, court.anze));
    expect(settings!.s.retentionPeriods).toEqual({ sessions: 7, receptionVisits: 24 });
    const audited = await courtDb(court.anze)
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, court.anze), eq(auditLog.action, 'retention.settings_update')));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.summary).toContain('已结束的登录会话 30天 → 7天');
    // The other court keeps its defaults.
    const [other] = await ctx.database.db
      .select({ s: tenants.settings })
      .from(tenants)
      .where(eq(tenants.id, court.other));
    expect(other!.s.retentionPeriods).toBeUndefined();
  });
});
