import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import { openPglite, openPostgres, type Database } from '../platform/db.ts';
import { TOTP } from 'otpauth';
import { DEMO_TWO_FACTOR_SECRET } from '../seed/demo-two-factor.ts';
import { TEST_PASSWORD, TEST_TWO_FACTOR_KEY } from './fixtures.ts';

export interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
  /** A request as this user: the session cookie and, for writes, the CSRF header. */
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestContext {
  app: FastifyInstance;
  /**
   * The test's own handle on the database: on PostgreSQL the owner's, which sees every court. The app
   * serves as the application role under row-level security (migration 0028), as deployed.
   */
  database: Database;
  kind: 'pglite' | 'postgresql';
  /** The PostgreSQL connection URL of this test's own database (PostgreSQL runs only). */
  databaseUrl: string | undefined;
  /** The app's data folder (uploaded files, backups); removed by `close`. */
  dataDir: string;
  login(username: string, password?: string): Promise<Session>;
  /**
   * 双因素登录: finishes a sign-in whose password step answered `secondFactor` — a code of the demo
   * secret (or of `secret`) for `verify`, or a real enrolment for `enrol` — and returns the last answer.
   */
  secondFactor(
    passwordStep: LightMyRequestResponse,
    secret?: string,
    username?: string,
  ): Promise<LightMyRequestResponse>;
  /**
   * The server's TOTP clock (ms): each code the harness computes moves it on by a step, so no code is
   * a replay. `freeze` stops it at an instant (window-edge tests), `advance` moves it either way.
   */
  clock: { now(): number; advance(ms: number): void; freeze(ms: number): void };
  close(): Promise<void>;
}

/** The code `secret` shows at `ms` — what the person's authenticator app would show. */
export function totpCode(secret: string, ms: number): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: ms });
}

interface TestDatabase {
  /** The tests' own reads and writes: the owner's connection, which sees every court. */
  database: Database;
  /** The server's: on PostgreSQL the application role, bound per court by row-level security. */
  appDatabase: Database;
  url?: string;
  drop: () => Promise<void>;
}

async function openTestDatabase(): Promise<TestDatabase> {
  if (process.env.QIZHI_TEST_DB === 'postgresql') {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `qizhi_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const appUrl = new URL(url);
    appUrl.username = inject('postgresAppRole');
    appUrl.password = '';
    const database = openPostgres(url.toString(), 2);
    // Migrating (a test that calls it) runs as the owner and grants the role again, as deployed.
    const appDatabase = openPostgres(appUrl.toString(), 4, url.toString());
    return {
      database,
      appDatabase,
      url: url.toString(),
      drop: async () => {
        await appDatabase.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
  const database = await openPglite(undefined, new Blob([snapshot]));
  return { database, appDatabase: database, drop: async () => {} };
}

/** A new empty PostgreSQL database beside the test's own, dropped by the returned function. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `qizhi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function cookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (!first) throw new Error('no session cookie in the response');
  return first.split(';')[0]!;
}

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const { database, appDatabase, url, drop } = await openTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-files-'));
  const config = loadConfig({
    QIZHI_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    QIZHI_LOGIN_RATE_LIMIT: '1000',
    QIZHI_TWO_FACTOR_KEY: TEST_TWO_FACTOR_KEY,
    ...env,
  });
  let offset = 0;
  let frozen: number | null = null;
  const clock = {
    now: () => frozen ?? Date.now() + offset,
    advance: (ms: number) => {
      if (frozen !== null) frozen += ms;
      else offset += ms;
    },
    freeze: (ms: number) => {
      frozen = ms;
    },
  };
  const app = await buildApp({ config, database: appDatabase, now: clock.now }, { logger: false });
  await app.ready();
  /**
   * A code of a step the account has not used: the current step, or the one after its last (read from
   * the database); the clock moves on only when that is more than one step ahead, and then by the least,
   * so codes computed meanwhile for other accounts (parallel sign-ins) stay within ±1 step.
   */
  const freshCode = async (secret: string, username?: string) => {
    const step = () => Math.floor(clock.now() / 30_000);
    let last: number | null = null;
    if (username) {
      const result: unknown = await database.db.execute(
        sql`select t.last_step from two_factor t join users u on u.tenant_id = t.tenant_id and u.id = t.user_id where lower(u.username) = lower(${username})`,
      );
      const value = (result as { rows: { last_step: string | null }[] }).rows[0]?.last_step ?? null;
      last = value === null ? null : Number(value);
    }
    const wanted = Math.max(step(), (last ?? -1) + 1);
    if (wanted > step() + 1) clock.advance((wanted - 1 - step()) * 30_000);
    return totpCode(secret, wanted * 30_000);
  };
  async function secondFactor(
    passwordStep: LightMyRequestResponse,
    secret = DEMO_TWO_FACTOR_SECRET,
    username?: string,
  ) {
    const step = passwordStep.json<{ secondFactor?: 'verify' | 'enrol' }>().secondFactor;
    if (!step) return passwordStep;
    const cookie = cookieFrom(passwordStep);
    if (step === 'verify') {
      const payload = { code: await freshCode(secret, username) };
      return app.inject({ method: 'POST', url: '/api/auth/two-factor/verify', headers: { cookie }, payload });
    }
    const setup = await app.inject({ method: 'POST', url: '/api/auth/two-factor/enrolment', headers: { cookie } });
    if (setup.statusCode !== 200) return setup;
    const payload = { code: await freshCode(setup.json<{ secret: string }>().secret) };
    return app.inject({ method: 'POST', url: '/api/auth/two-factor/enrolment/confirm', headers: { cookie }, payload });
  }
  return {
    app,
    database,
    kind: database.kind,
    databaseUrl: url,
    dataDir,
    clock,
    secondFactor,
    async login(username: string, password = TEST_PASSWORD) {
      const passwordStep = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      const response =
        passwordStep.statusCode === 200
          ? await secondFactor(passwordStep, DEMO_TWO_FACTOR_SECRET, username)
          : passwordStep;
      if (response.statusCode !== 200)
        throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = cookieFrom(response);
      const { csrfToken } = response.json<{ csrfToken: string }>();
      return {
        username,
        cookie,
        csrfToken,
        request: (opts: InjectOptions) =>
          app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } }),
      };
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with one file field, as a browser sends an upload. */
export function multipartFile(
  field: string,
  filename: string,
  content: Buffer,
  contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
) {
  const boundary = `----qizhi${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
