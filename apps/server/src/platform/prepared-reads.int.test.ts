import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

let ctx: TestContext;
let tenantId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const rows = await ctx.database.readPrepared(`select id from tenants order by created_at limit 1`, []);
  tenantId = rows[0]![0] as string;
});
afterAll(async () => {
  await ctx.close();
});

describe('readPrepared', () => {
  it('returns rows as arrays, dates as text, and takes booleans, numbers, nulls and uuid arrays', async () => {
    const rows = await ctx.database.readPrepared(
      `select $1::boolean, $2::int + 1, $3::text is null, date '2019-07-01', cardinality($4::uuid[]), $4::uuid[]`,
      [false, 41, null, [tenantId, '00000000-0000-0000-0000-000000000000']],
    );
    expect(rows).toEqual([[false, 42, true, '2019-07-01', 2, [tenantId, '00000000-0000-0000-0000-000000000000']]]);
  });

  it('passes text with quotes, backslashes and braces in arrays unchanged', async () => {
    const odd = ['a"b', 'c\\d', '{e}', 'f,g', ''];
    const [[back]] = (await ctx.database.readPrepared(`select $1::text[]`, [odd])) as [[string[]]];
    expect(back).toEqual(odd);
  });

  it('reports a bad value and stays usable, the statement kept', async () => {
    const text = `select count(*)::int from people where tenant_id = $1`;
    await expect(ctx.database.readPrepared(text, ['not-a-uuid'])).rejects.toThrow(/uuid/);
    const [[n]] = (await ctx.database.readPrepared(text, [tenantId])) as [[number]];
    expect(n).toBeGreaterThan(0);
    expect(await ctx.database.readPrepared(text, [tenantId])).toEqual([[n]]);
  });

  it('reads on after another process changed the table under a prepared statement', async () => {
    const text = `select * from honours where tenant_id = $1 order by id limit 1`;
    const before = await ctx.database.readPrepared(text, [tenantId]);
    // As a newer server version's migration would, from outside this process's connections.
    await ctx.database.db.execute(sql`alter table honours add column test_extra integer`);
    try {
      const after = await ctx.database.readPrepared(text, [tenantId]);
      expect(after[0]?.length).toBe((before[0]?.length ?? 0) + 1);
    } finally {
      await ctx.database.db.execute(sql`alter table honours drop column test_extra`);
    }
  });

  it('does not read inside another request’s transaction (PGlite has one session for all)', async () => {
    const text = `select count(*)::int from people where tenant_id = $1 and name = '事务中的人'`;
    let inserted!: () => void;
    const insertedOnce = new Promise<void>((resolve) => (inserted = resolve));
    const rolledBack = ctx.database.db
      .transaction(async (tx) => {
        await tx.execute(
          sql`insert into people (tenant_id, name, gender, status, retired) values (${tenantId}, '事务中的人', 'male', 'full', false)`,
        );
        inserted();
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error('rolled back on purpose');
      })
      .catch((err: unknown) => err);
    await insertedOnce;
    // Asked while the transaction holds its uncommitted row: the answer must not include it.
    expect(await ctx.database.readPrepared(text, [tenantId])).toEqual([[0]]);
    expect(await rolledBack).toBeInstanceOf(Error);
  });
});
