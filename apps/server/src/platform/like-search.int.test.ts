import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

describe('LIKE wildcards typed into a search are taken literally', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('in the audit search and the user search', async () => {
    const auditor = await t.login('auditor');
    const all = (await auditor.request({ method: 'GET', url: '/api/audit' })).json();
    expect(all.total).toBeGreaterThan(0);
    for (const url of ['/api/audit?actor=%25', '/api/audit?action=_']) {
      const res = (await auditor.request({ method: 'GET', url })).json();
      for (const row of res.items) expect(`${String(row.actorName)} ${String(row.action)}`, url).toMatch(/[%_]/);
      expect(res.total, url).toBeLessThan(all.total);
    }
    const secadmin = await t.login('secadmin');
    const users = (await secadmin.request({ method: 'GET', url: '/api/users?q=%25' })).json();
    expect(users.total).toBe(0);
    const underscore = (await secadmin.request({ method: 'GET', url: '/api/users?q=_' })).json();
    for (const u of underscore.items) expect(`${String(u.username)}${String(u.displayName)}`).toContain('_');
  });
});
