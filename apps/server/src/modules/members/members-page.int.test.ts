import { courtToday, type MembersQuery } from '@qizhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentChangeFeed } from '../../platform/change-feed.ts';
import type { Database } from '../../platform/db.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { findMemberPage, memberBindings, type MemberFilter } from './members.repo.ts';

/**
 * A roster page is found two ways: from a kept ordering (the database's announcements heard) or by
 * walking the index to the page and counting (not heard). Both must give the same pages.
 */
let ctx: TestContext;
let tenantId: string;
let unheard: Database;
beforeAll(async () => {
  ctx = await createTestContext();
  const [[id]] = (await ctx.database.readPrepared(
    `select id from tenants where code <> 'fs' order by created_at`,
    [],
  )) as [[string]];
  tenantId = id;
  unheard = { ...ctx.database, changes: silentChangeFeed() };
});
afterAll(async () => {
  await ctx.close();
});

const CASES: { filter: MemberFilter; sort?: MembersQuery['sort']; order?: MembersQuery['order'] }[] = [
  { filter: {} },
  { filter: { status: 'full', retired: false } },
  { filter: { retired: true } },
  { filter: { q: '庭' } },
  { filter: { q: 'Zz' } },
  { filter: { ageBand: '40to49' }, sort: 'birthDate', order: 'desc' },
  { filter: { status: 'full' }, sort: 'joinedOn' },
  { filter: {}, sort: 'department', order: 'desc' },
  { filter: {}, sort: 'name', order: 'desc' },
];

describe('findMemberPage', () => {
  it('gives the same pages and totals from a kept ordering and without one', async () => {
    expect(ctx.database.changes.live).toBe(true);
    for (const { filter, sort, order } of CASES) {
      const bindings = memberBindings(tenantId, { all: true }, filter, courtToday());
      for (const page of [1, 2, 5]) {
        const request = { page, pageSize: 7, sort, order };
        const kept = await findMemberPage(ctx.database, bindings, request);
        const direct = await findMemberPage(unheard, bindings, request);
        expect(direct.total, JSON.stringify({ filter, sort, order })).toBe(kept.total);
        expect(direct.rows, JSON.stringify({ filter, sort, order, page })).toEqual(kept.rows);
      }
    }
  });

  it('pages through a filter without gaps or repeats', async () => {
    const bindings = memberBindings(tenantId, { all: true }, { retired: false }, courtToday());
    const first = await findMemberPage(ctx.database, bindings, { page: 1, pageSize: 10 });
    expect(first.total).toBeGreaterThan(50);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(first.total / 10); page++) {
      seen.push(...(await findMemberPage(ctx.database, bindings, { page, pageSize: 10 })).rows.map((r) => r.id));
    }
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(first.total);
  });
});
