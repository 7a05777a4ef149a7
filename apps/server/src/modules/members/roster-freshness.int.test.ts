import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';

/**
 * The roster keeps the ordering of a filter in memory (roster-cache.ts). These tests change people
 * behind the server's back — another connection, as another server process would, or plain SQL —
 * and expect the next page view to show it.
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
async function writeBehindTheServer(text: string, params: unknown[]): Promise<void> {
  if (ctx.kind === 'pglite') {
    await ctx.database.pglite!.query(text, params);
    return;
  }
  const other = new pg.Client({ connectionString: ctx.databaseUrl });
  await other.connect();
  try {
    await other.query(text, params);
  } finally {
    await other.end();
  }
}

/** PostgreSQL announces a commit to other connections asynchronously: allow it a moment. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the roster after changes made elsewhere', () => {
  it('shows a status change and a new name written by another connection', async () => {
    const before = await list();
    await list(); // kept now
    const [leaving, renamed] = before.items;
    await writeBehindTheServer(`update people set status = 'probationary' where id = $1`, [leaving!.id]);
    await writeBehindTheServer(`update people set name = 'A' || name where id = $1`, [renamed!.id]);
    const after = await eventually(list, (page) => page.total === before.total - 1);
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
    const added = await eventually(
      () => list(url),
      (page) => page.total === 1,
    );
    expect(added.items.map((m) => m.name)).toEqual(['新来的同志']);
    await writeBehindTheServer(`delete from people where id = $1`, [added.items[0]!.id]);
    expect(
      (
        await eventually(
          () => list(url),
          (page) => page.total === 0,
        )
      ).total,
    ).toBe(0);
  });

  it('does not serve from memory while the database cannot announce changes (PostgreSQL)', async (test) => {
    if (ctx.kind !== 'postgresql') test.skip();
    const before = await list();
    await list();
    // The listening connection is cut, as a database restart or a network fault would.
    await ctx.database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'LISTEN%'`,
    );
    await waitUntil(() => !ctx.database.changes.live);
    const [leaving] = before.items;
    await writeBehindTheServer(`update people set status = 'probationary' where id = $1`, [leaving!.id]);
    // Nothing announced this change to the server; it must still show it.
    const meanwhile = await list();
    expect(meanwhile.total).toBe(before.total - 1);
    await waitUntil(() => ctx.database.changes.live);
    const [another] = meanwhile.items;
    await list();
    await writeBehindTheServer(`update people set status = 'probationary' where id = $1`, [another!.id]);
    const after = await eventually(list, (page) => page.total === before.total - 2);
    expect(after.total).toBe(before.total - 2);
  });
});
