import { courtToday } from '@qizhi/domain';
import type { Database, Db } from '../../platform/db.ts';
import { purgeExpired } from './retention.service.ts';

interface Log {
  info: (obj: unknown, msg: string) => void;
  error: (obj: unknown, msg: string) => void;
}

/**
 * The handle of one court where the database gives one (PostgreSQL with row-level security binds each
 * court's connection); else the one handle, which sees every court.
 */
export function courtHandles(database: Database): (tenantId: string) => Db {
  const bound = database as { forTenant?: (tenantId: string) => Db };
  return (tenantId) => bound.forTenant?.(tenantId) ?? database.db;
}

/**
 * The daily purge, for the server's hourly check (the timer of the daily backup, server.ts): the first
 * check of each court day purges, the rest of the day's do nothing. Several server processes each
 * purge once a day; the per-court lock makes the later ones find nothing left.
 */
export function dailyPurge(database: Database, log: Log, now: () => Date = () => new Date()): () => Promise<void> {
  let lastDay: string | null = null;
  return async () => {
    const today = courtToday(now());
    if (lastDay === today) return;
    lastDay = today;
    try {
      const courts = await purgeExpired(database.db, {
        now: now(),
        actorName: '每日自动清理',
        dbFor: courtHandles(database),
      });
      const removed = courts.flatMap((c) => Object.values(c.counts)).reduce((a, b) => a + b, 0);
      if (removed > 0)
        log.info({ courts: courts.map((c) => ({ court: c.code, ...c.counts })) }, '已清理超过保存期限的个人信息');
    } catch (err) {
      // Tried again at the next hourly check.
      lastDay = null;
      log.error({ err }, '清理超过保存期限的个人信息失败');
    }
  };
}
