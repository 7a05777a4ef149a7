import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../db/schema/index.ts';

export type Schema = typeof schema;
/** A database or a transaction: repositories accept either, so a service decides the boundary. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgresql';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Only for PGlite: the in-process engine (for backups). */
  pglite?: PGlite;
}

export function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: async () => {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      // PGlite has no autovacuum, so without this its planner never has statistics and picks
      // nested loops over whole tables. Cheap at a court's size.
      await client.exec('vacuum analyze');
    },
    close: () => client.close(),
  };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir });
  return pgliteDatabase(client);
}

export function openPostgres(url: string, max = 10): Database {
  // JIT compiles recursive CTEs for ~35 ms each; our queries are small and indexed, so it only costs.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off -c timezone=UTC' });
  // An idle connection the server drops (restart, failover, terminated backend) must not crash
  // the process; the pool discards it and opens a new one on the next query.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle connection closed: ${err.message}`);
  });
  const client = drizzlePg(pool, { schema });
  return {
    db: client,
    kind: 'postgresql',
    migrate: async () => {
      await migratePg(client, { migrationsFolder: MIGRATIONS_DIR });
    },
    close: () => pool.end(),
  };
}

export async function openDatabase(opts: { databaseUrl: string | undefined; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(path.join(opts.dataDir, 'pglite'));
}
