import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { TEST_PASSWORD, TEST_TWO_FACTOR_KEY } from '../test/fixtures.ts';
import { createEmptyPostgresDatabase, createTestContext, type TestContext } from '../test/harness.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { backupDatabase, hasBackupFromDay, pruneBackups, restoreBackup } from './backup.ts';
import { loadConfig } from './config.ts';
import { deriveFieldKeys, open } from './field-crypto.ts';
import { FieldKeyMismatchError, prepareFieldEncryption } from './field-encryption.ts';
import { openPglite, openPostgres, type Database } from './db.ts';

let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestContext();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-backup-'));
  // Some changes after the seed, so the copy is checked against more than the seed itself.
  const clerk = await ctx.login('clerk');
  const added = await clerk.request({
    method: 'POST',
    url: '/api/members',
    payload: { name: '备份测试', gender: 'female', status: 'non_party' },
  });
  if (added.statusCode !== 201) throw new Error(`adding a person failed: ${added.body}`);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Row counts and a digest of every row of every table: equal fingerprints mean the same rows. */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const tables = await database.db.execute<{ name: string }>(
    sql.raw(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  );
  const result: Record<string, string> = {};
  for (const { name } of (tables as { rows: { name: string }[] }).rows) {
    const rows = await database.db.execute<{ n: number; digest: string }>(
      sql.raw(
        `select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${name}" t`,
      ),
    );
    const row = (rows as { rows: { n: number; digest: string }[] }).rows[0]!;
    result[name] = `${String(row.n)}:${row.digest}`;
  }
  return result;
}

/** The restored copy serves: a member signs in through the app built on it. */
async function signsIn(database: Database): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(dir, 'served-'));
  // The server key goes with the restore, kept apart from the backup (README): the same key.
  const config = loadConfig({
    QIZHI_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    QIZHI_SEED_DEMO: 'false',
    QIZHI_TWO_FACTOR_KEY: TEST_TWO_FACTOR_KEY,
  });
  const app = await buildApp({ config, database }, { logger: false });
  try {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'member', password: TEST_PASSWORD },
    });
    return response.statusCode;
  } finally {
    await app.close();
  }
}

describe('backup and restore', () => {
  it('a restored copy has the same rows in every table, an intact audit chain, and serves sign-in', async () => {
    const original = await fingerprint(ctx.database);
    expect(Number(original.people!.split(':')[0])).toBeGreaterThan(160);
    const file = await backupDatabase(ctx.database, { databaseUrl: ctx.databaseUrl, dir });
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    let restored: Database;
    let cleanup: () => Promise<void>;
    if (ctx.kind === 'pglite') {
      const target = path.join(dir, 'restored');
      await restoreBackup({ file, dataDir: target });
      restored = await openPglite(path.join(target, 'pglite'));
      cleanup = () => restored.close();
      await expect(restoreBackup({ file, dataDir: target })).rejects.toThrow(/不为空/);
    } else {
      const empty = await createEmptyPostgresDatabase();
      await restoreBackup({ file, databaseUrl: empty.url });
      restored = openPostgres(empty.url, 1);
      cleanup = async () => {
        await restored.close();
        await empty.drop();
      };
      await expect(restoreBackup({ file, databaseUrl: ctx.databaseUrl })).rejects.toThrow(/不是空的/);
    }
    try {
      const copy = await fingerprint(restored);
      expect(Object.keys(copy).length).toBeGreaterThan(40);
      expect(copy).toEqual(original);
      const chain = await verifyAuditChain(restored.db);
      expect(chain.broken).toBeUndefined();
      expect(chain.checked).toBe(Number(original.audit_log!.split(':')[0]));
      expect(await signsIn(restored)).toBe(200);
      // Personal numbers are in the copy only sealed; they open with the same key and no other.
      const raw = await restored.db.execute<{ id_number: string }>(
        sql`select id_number from people where id_number is not null limit 1`,
      );
      const sealedValue = (raw as { rows: { id_number: string }[] }).rows[0]!.id_number;
      expect(sealedValue).toMatch(/^~a1:/);
      expect(open(sealedValue, 'people.id_number', deriveFieldKeys(Buffer.from(TEST_TWO_FACTOR_KEY, 'hex')))).toMatch(
        /^\d{17}[\dX]$/,
      );
      await expect(prepareFieldEncryption(restored.db, deriveFieldKeys(randomBytes(32)))).rejects.toThrow(
        FieldKeyMismatchError,
      );
    } finally {
      await cleanup();
    }
  });

  it('keeps the newest backups and knows whether one was taken today', () => {
    const keepDir = fs.mkdtempSync(path.join(dir, 'keep-'));
    for (let day = 1; day <= 20; day++)
      fs.writeFileSync(path.join(keepDir, `qizhi-202611${String(day).padStart(2, '0')}-010000.tar.gz`), '');
    fs.writeFileSync(path.join(keepDir, 'notes.txt'), 'not a backup');
    const removed = pruneBackups(keepDir, 14);
    expect(removed).toHaveLength(6);
    expect(removed[0]).toBe('qizhi-20261101-010000.tar.gz');
    expect(fs.readdirSync(keepDir)).toHaveLength(15);
    expect(hasBackupFromDay(keepDir, new Date('2026-11-20T12:00:00Z'))).toBe(true);
    expect(hasBackupFromDay(keepDir, new Date('2026-11-21T12:00:00Z'))).toBe(false);
  });
});
