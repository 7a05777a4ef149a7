import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { grantApplicationRole } from '../platform/app-role.ts';
import { openPglite, openPostgres, type Database } from '../platform/db.ts';
import { seedDemoCourt } from '../seed/demo-court.ts';
import { deriveTwoFactorKeys } from '../platform/two-factor-key.ts';
import { deriveFieldKeys, useFieldKeys } from '../platform/field-crypto.ts';
import { prepareFieldEncryption } from '../platform/field-encryption.ts';
import { OTHER_COURT, TEST_PASSWORD, TEST_TWO_FACTOR_KEY } from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string;
    /** The role the server runs as in PostgreSQL tests: it owns nothing, row-level security binds it. */
    postgresAppRole: string;
  }
}

async function seedBothCourts(database: Database): Promise<void> {
  await database.migrate();
  // Personal numbers sealed with the tests' server key (the harness's QIZHI_TWO_FACTOR_KEY).
  const fieldKeys = deriveFieldKeys(Buffer.from(TEST_TWO_FACTOR_KEY, 'hex'));
  useFieldKeys(fieldKeys);
  // The demo administrators and officers are enrolled in 双因素登录; the harness signs in with codes.
  const twoFactorKeys = deriveTwoFactorKeys(Buffer.from(TEST_TWO_FACTOR_KEY, 'hex'));
  await seedDemoCourt(database.db, { demoPassword: TEST_PASSWORD, twoFactorKeys });
  await seedDemoCourt(database.db, {
    demoPassword: TEST_PASSWORD,
    twoFactorKeys,
    tenantCode: OTHER_COURT.code,
    tenantName: OTHER_COURT.name,
    usernamePrefix: OTHER_COURT.usernamePrefix,
  });
  // As a server's start would: the key's fingerprint recorded (and nothing left to seal).
  await prepareFieldEncryption(database.db, fieldKeys);
}

/**
 * Migrates and seeds once per run; each test file then starts from a copy (a PGlite data-folder
 * snapshot, or a PostgreSQL database cloned from a template), which costs well under a second.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = process.env.QIZHI_TEST_DB ?? project.config.env?.QIZHI_TEST_DB ?? 'pglite';
  if (target === 'postgresql') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the postgresql project');
    const template = `qizhi_tpl_${String(process.pid)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const url = new URL(adminUrl);
    url.pathname = `/${template}`;
    const database = openPostgres(url.toString(), 2);
    await seedBothCourts(database);
    await database.close();
    // As deployed with the roles split: the server's role owns no table and is granted on the
    // template what the owner grants after migrating, so every test database copied from it serves
    // its requests under row-level security (the tests' own reads stay the owner's).
    const appRole = `qizhi_app_${String(process.pid)}`;
    await admin.query(`drop role if exists ${appRole}`);
    await admin.query(`create role ${appRole} login nosuperuser nobypassrls`);
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    try {
      await grantApplicationRole(owner, appRole);
    } finally {
      await owner.end();
    }
    project.provide('postgresTemplate', template);
    project.provide('postgresAppRole', appRole);
    return async () => {
      await admin.query(`drop database if exists ${template}`);
      // Fails while a test database left behind still grants it something; harmless.
      await admin.query(`drop role if exists ${appRole}`).catch(() => undefined);
      await admin.end();
    };
  }
  const database = await openPglite(undefined);
  await seedBothCourts(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-test-')), 'snapshot.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  return async () => {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  };
}
