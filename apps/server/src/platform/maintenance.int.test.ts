import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('Database.maintain', () => {
  it('on PGlite vacuums and analyses what changed since, and then nothing; on PostgreSQL leaves it to autovacuum', async () => {
    const { database } = ctx;
    if (database.kind === 'postgresql') {
      expect(await database.maintain()).toEqual([]);
      return;
    }
    await database.maintain();
    expect(await database.maintain()).toEqual([]);
    await database.pglite!.query(
      `insert into people (tenant_id, name, gender, status, retired)
       select (select id from tenants order by created_at limit 1), '批量' || g, 'male', 'non_party', false
       from generate_series(1, 3000) g`,
    );
    expect(await database.maintain()).toEqual(['people']);
    const { rows } = await database.pglite!.query<{ reltuples: number; n: number }>(
      `select reltuples::int as reltuples, (select count(*)::int from people) as n from pg_class where relname = 'people'`,
    );
    expect(rows[0]!.reltuples).toBe(rows[0]!.n);
    expect(await database.maintain()).toEqual([]);
    expect(await database.maintain({ all: true })).toEqual(['(all)']);
  });
});
