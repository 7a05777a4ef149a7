import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from './config.ts';
import { openPostgres, type Database } from './db.ts';

const ID_NUMBER = '110101199003071234';
const PHONE = '13812345678';
/** Anything shaped like a 公民身份号码 or a mainland mobile number. */
const PERSONAL = /(?<!\d)(\d{17}[\dXx]|1[3-9]\d{9})(?!\d)/;

/** An app whose database is unreachable (nothing listens on port 1), with every log line captured. */
describe('while the database is unreachable', () => {
  let app: FastifyInstance;
  let database: Database;
  const lines: string[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-down-'));
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    database = openPostgres('postgresql://qizhi@127.0.0.1:1/qizhi', 2);
    const config = loadConfig({ QIZHI_DATA_DIR: dataDir, LOG_LEVEL: 'info', QIZHI_LOGIN_RATE_LIMIT: '1000' });
    app = await buildApp({ config, database }, { logStream: stream });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the health check 503 {status: "unavailable", database: "down"} (contract)', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', database: 'down' });
  });

  it('answers the API 503 with a Chinese message, not 500, and logs no personal number', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: ID_NUMBER, password: `${PHONE}Aa!` },
    });
    expect(login.statusCode).toBe(503);
    expect(login.json().error).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringMatching(/数据库/),
    });
    const search = await app.inject({
      method: 'GET',
      url: `/api/members?search=${ID_NUMBER}&phone=${PHONE}`,
      headers: { cookie: `qizhi_session=${ID_NUMBER}${PHONE}` },
    });
    expect(search.statusCode).toBe(503);
    expect(lines.some((l) => l.includes('数据库无法连接'))).toBe(true);
    for (const line of lines) expect(line).not.toMatch(PERSONAL);
  });
});
