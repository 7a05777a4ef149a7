import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../test/harness.ts';
import { WEB_DIST } from './paths.ts';

describe('headers on personal data and pages', () => {
  let t: TestContext;
  let clerk: Session;
  beforeAll(async () => {
    t = await createTestContext();
    clerk = await t.login('clerk');
  });
  afterAll(() => t.close());

  it('sends Cache-Control: no-store on API answers and exports carrying personal data', async () => {
    for (const url of ['/api/members?pageSize=5', '/api/members/export', '/api/auth/me']) {
      const res = await clerk.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it.runIf(fs.existsSync(path.join(WEB_DIST, 'index.html')))('serves /index.html with the page CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/index.html' });
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });
});
