/**
 * Row-level security's binding (migration 0028): on PostgreSQL every table with a tenant_id shows a
 * connection only the rows of the court named by its `qizhi.tenant_id` setting, and none when that
 * is empty. A court's handle is the shared pool seen through `boundPool`: each connection it hands
 * out is first bound to the court — with one statement, and only when that connection was last bound
 * to another court (remembered per connection), so a one-court server pays nothing per query. The
 * setting is made at checkout, outside any transaction, so it holds for whatever the borrower runs.
 * The unbound handle binds to '': a query that forgot its court sees and writes nothing.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './db.ts';

/** The court each pooled connection is bound to now ('' or absent: none). */
const boundTo = new WeakMap<pg.PoolClient, string>();

async function bind(client: pg.PoolClient, tenantId: string): Promise<void> {
  if ((boundTo.get(client) ?? '') === tenantId) return;
  // Forget first: if the statement fails half-way the connection's court is unknown.
  boundTo.delete(client);
  await client.query(`select set_config('qizhi.tenant_id', $1, false)`, [tenantId]);
  boundTo.set(client, tenantId);
}

/**
 * `pool` as a court's (`tenantId`; '' for none): every connection it lends, and every query it runs,
 * is bound first. The result is still a `pg.Pool` to its users (Drizzle opens its transactions on a
 * connection of its own only when handed a pool), and shares the real pool's connections.
 */
export function boundPool(pool: pg.Pool, tenantId: string): pg.Pool {
  const view = Object.create(pool) as pg.Pool;
  const connect = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    try {
      await bind(client, tenantId);
    } catch (err) {
      client.release(err instanceof Error ? err : true);
      throw err;
    }
    return client;
  };
  const query = async (...args: unknown[]): Promise<unknown> => {
    const client = await connect();
    try {
      const result: unknown = await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
      client.release();
      return result;
    } catch (err) {
      // As pg.Pool's own query does: a connection whose statement failed is not reused.
      client.release(err instanceof Error ? err : true);
      throw err;
    }
  };
  Object.defineProperties(view, {
    connect: { value: connect },
    query: { value: query },
  });
  return view;
}

/**
 * Binds an open transaction to a court it has just created (seeding a new court): until the
 * transaction ends, and only inside it, the connection sees and writes that court's rows.
 */
export async function bindTransaction(tx: Db, tenantId: string): Promise<void> {
  await tx.execute(sql`select set_config('qizhi.tenant_id', ${tenantId}, true)`);
}
