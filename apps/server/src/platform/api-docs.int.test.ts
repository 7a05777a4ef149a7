import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/** `/api/goals/:id/progress` → `/api/goals/{id}/progress`, as OpenAPI writes a path (a prefix's `/` dropped). */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}').replace(/(.)\/$/, '$1');
}

describe('the OpenAPI document at /api/docs', () => {
  it('lists every API route with its methods, for officers and administrators', async () => {
    for (const username of ['clerk', 'secretary', 'admin', 'auditor'] as const) {
      const session = await ctx.login(username);
      const res = await session.request({ method: 'GET', url: '/api/docs/json' });
      expect(res.statusCode, username).toBe(200);
      const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
      expect(doc.openapi).toMatch(/^3\./);
      const paths = new Map(Object.entries(doc.paths).map(([p, methods]) => [openApiPath(p), methods]));
      const routes = ctx.app.routeTable.filter(
        (r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
      );
      expect(routes.length).toBeGreaterThan(50);
      for (const r of routes) {
        const path = paths.get(openApiPath(r.url));
        expect(path, `${r.method} ${r.url} missing from the document`).toBeDefined();
        expect(Object.keys(path ?? {}), `${r.method} ${r.url}`).toContain(r.method.toLowerCase());
      }
    }
  });

  it('serves the reading page to officers', async () => {
    const session = await ctx.login('clerk');
    const res = await session.request({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('is refused to members and to anyone signed out', async () => {
    const member = await ctx.login('member');
    expect((await member.request({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(anonymous.statusCode).toBe(401);
  });
});
