import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions, tenants, users } from '../../db/schema/index.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { courtHandles, dailyPurge } from './index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const DAY = 86_400_000;

describe('the daily purge (the server’s hourly check)', () => {
  it('purges at the first check of a court day, not again that day, and again the next day', async () => {
    const [court] = await ctx.database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, 'anze'));
    const db = courtHandles(ctx.database)(court!.id);
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.tenantId, court!.id)).limit(1);
    let now = new Date('2026-12-01T01:00:00Z'); // 09:00 at the court
    const plantExpired = async () => {
      const tokenHash = randomBytes(32).toString('hex');
      await db.insert(sessions).values({
        tokenHash,
        tenantId: court!.id,
        userId: user!.id,
        csrfToken: 'x',
        lastSeenAt: new Date(now.getTime() - 40 * DAY),
        expiresAt: new Date(now.getTime() - 40 * DAY),
        idleSeconds: 60,
      });
      return tokenHash;
    };
    const exists = async (tokenHash: string) =>
      (await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash))).length > 0;
    const logged: string[] = [];
    const log = {
      info: (_o: unknown, msg: string) => logged.push(msg),
      error: (_o: unknown, msg: string) => logged.push(msg),
    };
    const check = dailyPurge(ctx.database, log, () => now);

    const first = await plantExpired();
    await check();
    expect(await exists(first)).toBe(false);
    expect(logged).toContain('已清理超过保存期限的个人信息');

    // Later the same court day (23:30 at the court): nothing runs.
    now = new Date('2026-12-01T15:30:00Z');
    const second = await plantExpired();
    await check();
    expect(await exists(second)).toBe(true);

    // 00:30 at the court is the next day, though still 1 December in UTC: it runs.
    now = new Date('2026-12-01T16:30:00Z');
    await check();
    expect(await exists(second)).toBe(false);
  });
});
