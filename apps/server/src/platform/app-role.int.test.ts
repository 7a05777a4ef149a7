/**
 * Issue 11, finding 4: the application's own database role could alter the audit log (it owned the
 * table, so it could switch the append-only trigger off). With the roles split, the server works
 * as a role that owns nothing; this test runs the whole migrate-and-seed path as such a role and
 * then tries, as it, everything an intruder holding its connection would try. PostgreSQL only:
 * the embedded database is one process with one user (docs/security.md says what protects it).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCourt } from '../seed/demo-court.ts';
import { TEST_PASSWORD, TEST_TWO_FACTOR_KEY } from '../test/fixtures.ts';
import { createEmptyPostgresDatabase } from '../test/harness.ts';
import { RoleSplitError } from './app-role.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { loadConfig } from './config.ts';
import { deriveFieldKeys, useFieldKeys } from './field-crypto.ts';
import { openDatabase, openPostgres, type Database } from './db.ts';

const onPostgres = process.env.QIZHI_TEST_DB === 'postgresql';

function asRole(url: string, role: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = '';
  return u.toString();
}

describe.skipIf(!onPostgres)('the application role cannot alter the audit log (PostgreSQL)', () => {
  const role = `qizhi_app_${randomBytes(4).toString('hex')}`;
  let owner: { url: string; drop: () => Promise<void> };
  let database: Database;
  let app: pg.Client;

  beforeAll(async () => {
    owner = await createEmptyPostgresDatabase();
    const admin = new pg.Client({ connectionString: owner.url });
    await admin.connect();
    await admin.query(`create role ${role} login`);
    await admin.end();
    const config = loadConfig({
      DATABASE_URL: asRole(owner.url, role),
      QIZHI_MIGRATION_DATABASE_URL: owner.url,
    });
    database = await openDatabase(config);
    await database.migrate();
    // The whole demo court written through the application role: it has what the server needs.
    useFieldKeys(deriveFieldKeys(Buffer.from(TEST_TWO_FACTOR_KEY, 'hex')));
    await seedDemoCourt(database.db, { demoPassword: TEST_PASSWORD });
    app = new pg.Client({ connectionString: asRole(owner.url, role) });
    await app.connect();
  }, 120_000);

  afterAll(async () => {
    await app.end();
    await database.close();
    await owner.drop();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  it('writes and reads the audit log, and the chain verifies', async () => {
    // Row-level security (migration 0028): the role reads a court's rows only when bound to it.
    const court = (await app.query<{ id: string }>('select id from tenants')).rows[0]!.id;
    await app.query(`select set_config('qizhi.tenant_id', $1, false)`, [court]);
    const before = Number((await app.query('select count(*) as n from audit_log')).rows[0].n);
    expect(before).toBeGreaterThan(0);
    // The chain runs through every court: verified as the owner, as `verify-audit` does.
    const asOwner = openPostgres(owner.url, 1);
    try {
      const report = await verifyAuditChain(asOwner.db);
      expect(report.broken).toBeUndefined();
      expect(report.checked).toBe(before);
    } finally {
      await asOwner.close();
    }
  });

  it.each([
    ['update', `update audit_log set summary = 'x'`],
    ['delete', 'delete from audit_log'],
    ['truncate', 'truncate audit_log'],
    ['disable the append-only trigger', 'alter table audit_log disable trigger audit_log_no_update'],
    ['disable the chain trigger', 'alter table audit_log disable trigger audit_log_chain'],
    ['drop the table', 'drop table audit_log'],
    ['drop the chain function', 'drop function audit_log_chain() cascade'],
    ['take over the table', `alter table audit_log owner to ${role}`],
  ])('is refused: %s', async (_what, statement) => {
    await expect(app.query(statement)).rejects.toMatchObject({ code: expect.stringMatching(/^42501$/) });
  });

  it('still updates and deletes business rows', async () => {
    const court = (await app.query<{ id: string }>('select id from tenants')).rows[0]!.id;
    await app.query(`select set_config('qizhi.tenant_id', $1, false)`, [court]);
    await app.query('begin');
    const changed = await app.query(
      `update people set position = position where ctid in (select ctid from people limit 1)`,
    );
    await app.query('rollback');
    expect(changed.rowCount).toBe(1);
  });

  it('refuses a configuration where both connections are the same role', async () => {
    const same = await openDatabase(loadConfig({ DATABASE_URL: owner.url, QIZHI_MIGRATION_DATABASE_URL: owner.url }));
    try {
      await expect(same.migrate()).rejects.toBeInstanceOf(RoleSplitError);
    } finally {
      await same.close();
    }
  });
});

describe('the migration connection is checked with the rest of the configuration', () => {
  it('needs DATABASE_URL beside it', () => {
    expect(() => loadConfig({ QIZHI_MIGRATION_DATABASE_URL: 'postgresql://owner@127.0.0.1/qizhi' })).toThrow(
      /QIZHI_MIGRATION_DATABASE_URL/,
    );
  });
});
