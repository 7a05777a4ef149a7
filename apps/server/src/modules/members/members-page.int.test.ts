import { eq, ne } from 'drizzle-orm';
import { courtToday, type MembersQuery } from '@qizhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnits, people, tenants } from '../../db/schema/index.ts';
import { WHOLE_COURT } from '../../platform/policy.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { findRosterPage, rosterConditions, type RosterFilter } from './members.repo.ts';

/**
 * A roster page is read straight from the database, a page at a time (LIMIT/OFFSET) with a count:
 * every page must be the matching slice of the whole ordered list, with the same total.
 */
let ctx: TestContext;
let tenantId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const [court] = await ctx.database.db
    .select({ id: tenants.id })
    .from(tenants)
    .where(ne(tenants.code, 'fs'))
    .orderBy(tenants.createdAt);
  tenantId = court!.id;
});
afterAll(async () => {
  await ctx.close();
});

const CASES: { filter: RosterFilter; sort?: MembersQuery['sort']; order?: MembersQuery['order'] }[] = [
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

describe('findRosterPage', () => {
  it('gives each page as the slice of the whole list, and the same total', async () => {
    for (const { filter, sort, order } of CASES) {
      const where = rosterConditions(tenantId, WHOLE_COURT, filter, courtToday());
      const whole = await findRosterPage(ctx.database.db, where, { page: 1, pageSize: 10_000, sort, order });
      for (const page of [1, 2, 5]) {
        const found = await findRosterPage(ctx.database.db, where, { page, pageSize: 7, sort, order });
        expect(found.total, JSON.stringify({ filter, sort, order })).toBe(whole.total);
        expect(found.rows, JSON.stringify({ filter, sort, order, page })).toEqual(
          whole.rows.slice((page - 1) * 7, page * 7),
        );
      }
    }
  });

  it('pages through a filter without gaps or repeats', async () => {
    const where = rosterConditions(tenantId, WHOLE_COURT, { retired: false }, courtToday());
    const first = await findRosterPage(ctx.database.db, where, { page: 1, pageSize: 10 });
    expect(first.total).toBeGreaterThan(50);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(first.total / 10); page++) {
      seen.push(...(await findRosterPage(ctx.database.db, where, { page, pageSize: 10 })).rows.map((r) => r.id));
    }
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(first.total);
  });

  it('orders the whole list as the roster sorts: name by code point, then id', async () => {
    const where = rosterConditions(tenantId, WHOLE_COURT, { status: 'full', retired: false }, courtToday());
    const { rows } = await findRosterPage(ctx.database.db, where, { page: 1, pageSize: 10_000, sort: 'name' });
    const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = [...rows].sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id));
    expect(rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    const units = await ctx.database.db.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId));
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    expect(rows.every((r) => r.orgUnitName === (r.orgUnitId ? nameOf.get(r.orgUnitId) : null))).toBe(true);
  });

  it('tells the total on a page past the last, which has no row to carry it', async () => {
    const where = rosterConditions(tenantId, WHOLE_COURT, {}, courtToday());
    const first = await findRosterPage(ctx.database.db, where, { page: 1, pageSize: 10 });
    const past = await findRosterPage(ctx.database.db, where, { page: 1_000, pageSize: 10 });
    expect(past).toEqual({ rows: [], total: first.total });
  });
});

describe('the roster read as a prepared statement', () => {
  it('gives what Drizzle gives inside a transaction, where no statement is prepared', async () => {
    for (const { filter, sort, order } of CASES) {
      const where = rosterConditions(tenantId, WHOLE_COURT, filter, courtToday());
      const request = { page: 2, pageSize: 9, sort, order };
      const prepared = await findRosterPage(ctx.database.db, where, request);
      const plain = await ctx.database.db.transaction((tx) => findRosterPage(tx, where, request));
      expect(prepared, JSON.stringify(filter)).toEqual(plain);
    }
  });

  it("never sees another request's uncommitted rows (PGlite is one session)", async () => {
    const where = rosterConditions(tenantId, WHOLE_COURT, { q: '未提交者' }, courtToday());
    let inserted!: () => void;
    let release!: () => void;
    const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
    const releaseSignal = new Promise<void>((resolve) => (release = resolve));
    const writer = ctx.database.db
      .transaction(async (tx) => {
        await tx.insert(people).values({ tenantId, name: '未提交者', gender: 'male', status: 'full' });
        inserted();
        await releaseSignal;
        throw new Error('rolled back on purpose');
      })
      .catch((err: unknown) => err);
    await insertedSignal;
    const reading = findRosterPage(ctx.database.db, where, { page: 1, pageSize: 20 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    expect(await writer).toBeInstanceOf(Error);
    expect(await reading).toEqual({ rows: [], total: 0 });
  });
});
