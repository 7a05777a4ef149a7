import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import { openPglite, openPostgres, type Database } from '../platform/db.ts';
import { TEST_PASSWORD } from './fixtures.ts';

export interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
  /** A request as this user: the session cookie and, for writes, the CSRF header. */
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  kind: 'pglite' | 'postgresql';
  /** The PostgreSQL connection URL of this test's own database (PostgreSQL runs only). */
  databaseUrl: string | undefined;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

async function openTestDatabase(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  if (process.env.QIZHI_TEST_DB === 'postgresql') {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `qizhi_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = openPostgres(url.toString(), 4);
    return {
      database,
      url: url.toString(),
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
  const database = await openPglite(undefined, new Blob([snapshot]));
  return { database, drop: async () => {} };
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
  const { database, url, drop } = await openTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-files-'));
  const config = loadConfig({
    QIZHI_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    QIZHI_LOGIN_RATE_LIMIT: '1000',
    ...env,
  });
  const app = await buildApp({ config, database }, { logger: false });
  await app.ready();
  return {
    app,
    database,
    kind: database.kind,
    databaseUrl: url,
    async login(username: string, password = TEST_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
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
