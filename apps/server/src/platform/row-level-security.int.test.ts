/**
 * Issue 11: tenant isolation enforced by the database as well (migration 0028). On PostgreSQL the
 * harness serves every route test as an application role that owns nothing, so all of them run
 * under row-level security; this file proves the policies themselves, as that role: unbound it sees
 * no row of any court's table, bound to one court it sees and writes that court's rows only, and it
 * can switch nothing off. The embedded database runs as a superuser, which row-level security never
 * binds (docs/security.md): there only the policies' presence is checked.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { people } from '../db/schema/index.ts';
import { OTHER_COURT } from '../test/fixtures.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { openPostgres } from './db.ts';
import { inject } from 'vitest';

const onPostgres = process.env.QIZHI_TEST_DB === 'postgresql';

let ctx: TestContext;
/** Every table with a tenant_id, read from the catalogue (a table added later is covered too). */
let tenantTables: string[];
let demo: string;
let other: string;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await ctx.database.db.execute(query);
  return (result as { rows: T[] }).rows;
}

beforeAll(async () => {
  ctx = await createTestContext();
  tenantTables = (
    await rows<{ name: string }>(
      sql`select c.table_name as name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
        order by 1`,
    )
  ).map((r) => r.name);
  const courts = await rows<{ id: string; code: string }>(sql`select id, code from tenants`);
  other = courts.find((c) => c.code === OTHER_COURT.code)!.id;
  demo = courts.find((c) => c.code !== OTHER_COURT.code)!.id;
}, 60_000);

afterAll(async () => {
  await ctx.close();
});

describe('the policies (both databases)', () => {
  it('cover every table with a tenant_id, for every command, and the courts table', async () => {
    expect(tenantTables.length).toBeGreaterThan(60);
    const enabled = await rows<{ name: string; rls: boolean }>(
      sql`select relname as name, relrowsecurity as rls from pg_class
        where relnamespace = 'public'::regnamespace and relkind = 'r'`,
    );
    const rlsOf = new Map(enabled.map((r) => [r.name, r.rls]));
    const policies = await rows<{ name: string; cmd: string; qual: string; check: string | null }>(
      sql`select tablename as name, cmd, qual, with_check as check from pg_policies
        where schemaname = 'public' and policyname = 'tenant_isolation'`,
    );
    const policyOf = new Map(policies.map((p) => [p.name, p]));
    const uncovered = tenantTables.filter((t) => rlsOf.get(t) !== true || !policyOf.has(t));
    expect(uncovered).toEqual([]);
    for (const t of tenantTables) {
      const p = policyOf.get(t)!;
      expect(p.cmd).toBe('ALL');
      expect(p.qual).toContain("current_setting('qizhi.tenant_id'");
      expect(p.check).toContain("current_setting('qizhi.tenant_id'");
    }
    expect(rlsOf.get('tenants')).toBe(true);
  });
});

describe.skipIf(!onPostgres)('as the application role (PostgreSQL)', () => {
  let app: pg.Client;
  const role = () => inject('postgresAppRole');

  beforeAll(async () => {
    const url = new URL(ctx.databaseUrl!);
    url.username = role();
    url.password = '';
    app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
  });

  afterAll(async () => {
    await app.end();
  });

  const bindTo = (tenantId: string) => app.query(`select set_config('qizhi.tenant_id', $1, false)`, [tenantId]);
  const count = async (table: string) =>
    Number((await app.query<{ n: string }>(`select count(*) as n from ${pg.escapeIdentifier(table)}`)).rows[0]!.n);

  it('is neither superuser nor owner, and has no BYPASSRLS', async () => {
    const { rows: r } = await app.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'select rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(r[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await app.query(
      `select relname from pg_class where relowner = (select oid from pg_roles where rolname = current_user)`,
    );
    expect(owned.rows).toEqual([]);
  });

  it('sees no row of any court table while no court is set', async () => {
    await app.query(`reset qizhi.tenant_id`);
    const seen: Record<string, number> = {};
    for (const t of tenantTables) seen[t] = await count(t);
    expect(Object.entries(seen).filter(([, n]) => n > 0)).toEqual([]);
    // …while the rows are there (the owner sees them).
    const [owner] = await rows<{ n: string }>(sql`select count(*) as n from people`);
    expect(Number(owner!.n)).toBeGreaterThan(0);
    await bindTo('');
    for (const t of ['people', 'users', 'sessions', 'audit_log', 'files']) expect(await count(t)).toBe(0);
  });

  it('bound to a court, sees exactly that court’s rows', async () => {
    await bindTo(demo);
    const courts = await app.query<{ tenant_id: string; n: string }>(
      'select tenant_id, count(*) as n from people group by tenant_id',
    );
    const [owner] = await rows<{ n: string }>(sql`select count(*) as n from people where tenant_id = ${demo}`);
    expect(courts.rows).toEqual([{ tenant_id: demo, n: owner!.n }]);
    const byId = await app.query(`select id from people where tenant_id = $1`, [other]);
    expect(byId.rows).toEqual([]);
  });

  it('refuses to write a row of another court (WITH CHECK), and changes none of its rows', async () => {
    await bindTo(demo);
    await expect(
      app.query(`insert into org_units (tenant_id, kind, name) values ($1, 'branch', '越界')`, [other]),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      app.query(`update people set tenant_id = $1 where id = (select id from people limit 1)`, [other]),
    ).rejects.toMatchObject({ code: '42501' });
    const changed = await app.query(`update people set position = position where tenant_id = $1`, [other]);
    expect(changed.rowCount).toBe(0);
    const removed = await app.query(`delete from sessions where tenant_id = $1`, [other]);
    expect(removed.rowCount).toBe(0);
    const renamed = await app.query(`update tenants set name = name where id = $1`, [other]);
    expect(renamed.rowCount).toBe(0);
  });

  it.each([
    ['disable row-level security', 'alter table people disable row level security'],
    ['drop the policy', 'drop policy tenant_isolation on people'],
    ['replace the policy', 'alter policy tenant_isolation on people using (true)'],
    ['add a permissive policy', 'create policy open on people using (true)'],
    ['take over the table', 'alter table people owner to current_user'],
    ['grant itself BYPASSRLS', 'alter role current_user bypassrls'],
  ])('cannot switch the policies off: %s', async (_what, statement) => {
    await expect(app.query(statement)).rejects.toMatchObject({ code: '42501' });
  });

  it('cannot read past the policies with row_security off: the query fails instead', async () => {
    await bindTo(demo);
    await app.query('set row_security = off');
    try {
      await expect(app.query('select count(*) from people')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app.query('reset row_security');
    }
  });

  it('answers the look-ups made before the court is known with the court only', async () => {
    await bindTo('');
    const { rows: r } = await app.query<{ id: string | null }>(`select qizhi_account_court('admin') as id`);
    expect(r[0]!.id).toBe(demo);
    const none = await app.query<{ id: string | null }>(`select qizhi_account_court('nobody') as id`);
    expect(none.rows[0]!.id).toBeNull();
  });

  it('the server’s handles: unbound sees nothing, each court’s sees its own, interleaved on one pool', async () => {
    const url = new URL(ctx.databaseUrl!);
    url.username = role();
    url.password = '';
    const database = openPostgres(url.toString(), 3);
    onTestFinished(() => database.close());
    const unbound = await database.db.select({ id: people.id }).from(people);
    expect(unbound).toEqual([]);
    const courtsSeen = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const court = i % 2 === 0 ? demo : other;
        const db = database.forTenant(court);
        const found =
          i % 3 === 0
            ? await db.transaction((tx) => tx.selectDistinct({ t: people.tenantId }).from(people))
            : await db.selectDistinct({ t: people.tenantId }).from(people);
        return { court, seen: found.map((r) => r.t) };
      }),
    );
    for (const { court, seen } of courtsSeen) expect(seen).toEqual([court]);
    expect(await database.courtOf('account', `${OTHER_COURT.usernamePrefix}admin`)).toBe(other);
  });
});
