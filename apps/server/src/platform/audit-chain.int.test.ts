import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { openPglite, type Db } from './db.ts';

/** What only the database owner can do: switch the append-only trigger off, change history, switch it on. */
async function asOwner(db: Db, statement: string): Promise<void> {
  await db.execute(sql.raw('alter table audit_log disable trigger audit_log_no_update'));
  await db.execute(sql.raw(statement));
  await db.execute(sql.raw('alter table audit_log enable trigger audit_log_no_update'));
}

describe('the audit trail is a hash chain', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('holds over concurrent writes and names the first row edited, removed or slipped in', async () => {
    const clerk = await t.login('clerk');
    const page = (await clerk.request({ method: 'GET', url: '/api/members?page=1&pageSize=8' })).json();
    const writes = await Promise.all(
      page.items.map((p: { id: string }, i: number) =>
        clerk.request({ method: 'PATCH', url: `/api/members/${p.id}`, payload: { position: `审判员${String(i)}` } }),
      ),
    );
    expect(writes.map((w) => w.statusCode)).toEqual(writes.map(() => 200));
    const db = t.database.db;
    const whole = await verifyAuditChain(db);
    expect(whole.broken).toBeUndefined();
    expect(whole.checked).toBeGreaterThan(8);

    await asOwner(db, `update audit_log set summary = summary || '（改）' where chain_seq = 5`);
    expect((await verifyAuditChain(db)).broken).toMatchObject({ seq: 5 });
    await asOwner(db, `update audit_log set summary = left(summary, length(summary) - 3) where chain_seq = 5`);
    expect((await verifyAuditChain(db)).broken).toBeUndefined();

    await asOwner(db, `delete from audit_log where chain_seq = 7`);
    const gap = await verifyAuditChain(db);
    expect(gap).toMatchObject({ checked: 6, broken: { seq: 7 } });
  });
});

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const run = promisify(execFile);

// The contract other tools rely on: `npm run qizhi -- verify-audit` (embedded database; the chain itself is
// tested on both databases above).
describe.runIf(process.env.QIZHI_TEST_DB !== 'postgresql')('npm run qizhi -- verify-audit', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-audit-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  async function verify() {
    try {
      const { stdout } = await run('npm', ['run', '--silent', 'qizhi', '--', 'verify-audit'], {
        cwd: ROOT,
        env: { ...process.env, QIZHI_DATA_DIR: dir, DATABASE_URL: '' },
      });
      return { code: 0, out: stdout };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  }

  it('prints the rows checked, and exits non-zero naming the first broken link', { timeout: 240_000 }, async () => {
    const database = await openPglite(path.join(dir, 'pglite'));
    await database.migrate();
    for (let i = 0; i < 3; i++) {
      await database.db.execute(
        sql`insert into audit_log (action, summary) values ('auth.login_failed', ${`试登录 ${String(i)}`})`,
      );
    }
    await database.close();
    const good = await verify();
    expect(good.code, good.out).toBe(0);
    expect(good.out).toContain('已校验 3 条');

    const again = await openPglite(path.join(dir, 'pglite'));
    await asOwner(again.db, `update audit_log set summary = '篡改' where chain_seq = 2`);
    await again.close();
    const bad = await verify();
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/已校验 1 条.*第 2 条/);
  });
});
