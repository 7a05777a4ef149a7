import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';

/**
 * The roster keeps nothing in memory: every page is read from the database. These tests change
 * people behind the server's back — another connection, as another server process would, or plain
 * SQL — and expect the very next page view to show it.
 */
let ctx: TestContext;
let clerk: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.login('clerk');
});
afterAll(async () => {
  await ctx.close();
});

interface Page {
  total: number;
  items: { id: string; name: string; status: string }[];
}
const FULL_IN_SERVICE = '/api/members?status=full&retired=false&pageSize=100';
const list = async (url = FULL_IN_SERVICE) => (await clerk.request({ method: 'GET', url })).json<Page>();

/** Runs SQL as another writer: its own connection on PostgreSQL, the engine itself on PGlite. */
async function writeBehindTheServer(text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  if (ctx.kind === 'pglite') return (await ctx.database.pglite!.query<Record<string, unknown>>(text, params)).rows;
  const other = new pg.Client({ connectionString: ctx.databaseUrl });
  await other.connect();
  try {
    return (await other.query<Record<string, unknown>>(text, params)).rows;
  } finally {
    await other.end();
  }
}

describe('the roster after changes made elsewhere', () => {
  it('shows a status change and a new name written by another connection', async () => {
    const before = await list();
    await list();
    const [leaving, renamed] = before.items;
    await writeBehindTheServer(`update people set status = 'probationary' where id = $1`, [leaving!.id]);
    await writeBehindTheServer(`update people set name = 'A' || name where id = $1`, [renamed!.id]);
    const after = await list();
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((m) => m.id)).not.toContain(leaving!.id);
    expect(after.items.find((m) => m.id === renamed!.id)?.name).toMatch(/^A/);
    // Names sort by code point: a Latin letter before every Chinese name, so the order moved too.
    expect(after.items[0]?.id).toBe(renamed!.id);
  });

  it('shows people added and removed by plain SQL, with the total', async () => {
    const url = '/api/members?q=%E6%96%B0%E6%9D%A5&pageSize=20'; // q=新来
    expect((await list(url)).total).toBe(0);
    await writeBehindTheServer(
      `insert into people (tenant_id, name, gender, status, retired)
       select tenant_id, '新来的同志', gender, 'activist', false from people limit 1`,
      [],
    );
    const added = await list(url);
    expect(added.total).toBe(1);
    expect(added.items.map((m) => m.name)).toEqual(['新来的同志']);
    await writeBehindTheServer(`delete from people where id = $1`, [added.items[0]!.id]);
    expect((await list(url)).total).toBe(0);
  });

  it('is not announced by the database: the change-feed triggers are gone (migration 0007)', async () => {
    const rows = await writeBehindTheServer(
      `select tgname as name from pg_trigger where tgname like 'people_announce_%'
       union all select proname from pg_proc where proname = 'qizhi_announce_people_change'`,
      [],
    );
    expect(rows).toEqual([]);
  });
});
