import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from '../db/schema/index.ts';
import { currentRole, grantApplicationRole } from './app-role.ts';
import { ensurePrivateDir, MIGRATIONS_DIR } from './paths.ts';
import { createPglite, pgliteSyncFromEnv } from './pglite-sync.ts';
import { pglitePreparedRead, postgresPreparedRead, usePreparedReads } from './prepared-reads.ts';
import { boundPool } from './tenant-pool.ts';

export type Schema = typeof schema;
/** A database or a transaction: repositories accept either, so a service decides the boundary. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * The look-ups made before the court is known, each answering only which court (migration 0028's
 * SECURITY DEFINER functions): a session by its token's hash, an account by its user name, a
 * calendar subscription and a sign-in's second step by their tokens' hashes.
 */
export type CourtLookup = 'session' | 'account' | 'calendar_feed' | 'sign_in_challenge';
const COURT_LOOKUPS: Record<CourtLookup, string> = {
  session: 'qizhi_session_court',
  account: 'qizhi_account_court',
  calendar_feed: 'qizhi_calendar_feed_court',
  sign_in_challenge: 'qizhi_sign_in_challenge_court',
};

export interface Database {
  /**
   * Bound to no court: on PostgreSQL under the application role (row-level security), it sees and
   * writes no row of a court's table — only `tenants` and what migrations own. Work for a court goes
   * through `forTenant` (a request's `ctx.db`).
   */
  db: Db;
  /** The handle of one court: every query on it sees that court's rows only (PostgreSQL). */
  forTenant(tenantId: string): Db;
  /** Which court `key` belongs to (null: none), whatever court the caller is bound to. */
  courtOf(lookup: CourtLookup, key: string): Promise<string | null>;
  kind: 'pglite' | 'postgresql';
  migrate(): Promise<void>;
  /**
   * What autovacuum does on a server: VACUUM ANALYZE the tables that need it (`all`: every table),
   * returning their names. PGlite has no autovacuum; on PostgreSQL this does nothing.
   */
  maintain(opts?: { all?: boolean }): Promise<string[]>;
  close(): Promise<void>;
  /** Only for PGlite: the in-process engine (for backups). */
  pglite?: PGlite;
}

/**
 * Tables never analysed, or whose size moved by more than a tenth since they were: without
 * statistics PGlite's planner picks nested loops over whole tables, and without a visibility map
 * no scan is index-only. PGlite keeps no activity counters across restarts, so the size recorded by
 * the last VACUUM or ANALYZE (pg_class.relpages) is the one trace of change that survives.
 */
const TABLES_NEEDING_MAINTENANCE = `
  select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind = 'r'
    and (c.reltuples < 0
      or abs(pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages) > greatest(8, c.relpages / 10))
  order by c.relname`;

async function maintainPglite(client: PGlite, all: boolean): Promise<string[]> {
  const names = all
    ? ['(all)']
    : (await client.query<{ name: string }>(TABLES_NEEDING_MAINTENANCE)).rows.map((row) => row.name);
  if (all) await client.exec('vacuum analyze');
  else if (names.length > 0) await client.exec(`vacuum analyze ${names.map((n) => `"${n}"`).join(', ')}`);
  return names;
}

export function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  usePreparedReads(db, pglitePreparedRead(client));
  return {
    db,
    // One session as a superuser: row-level security never applies, so there is nothing to bind
    // (and a session-wide setting would leak between the requests interleaved on it).
    forTenant: () => db,
    courtOf: async (lookup, key) => {
      const result = await client.query<{ id: string | null }>(`select ${COURT_LOOKUPS[lookup]}($1) as id`, [key]);
      return result.rows[0]?.id ?? null;
    },
    kind: 'pglite',
    pglite: client,
    migrate: async () => {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    },
    maintain: (opts = {}) => maintainPglite(client, opts.all ?? false),
    close: () => client.close(),
  };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) ensurePrivateDir(path.dirname(dataDir));
  // Synced unless QIZHI_PGLITE_SYNC=off: every acknowledged commit on the disk (platform/pglite-sync.ts).
  const client = await createPglite(dataDir, { synced: pgliteSyncFromEnv(), loadDataDir });
  return pgliteDatabase(client);
}

/**
 * `migrationUrl` (QIZHI_MIGRATION_DATABASE_URL): migrations run as that role, the owner, which then
 * grants the role of `url` what the server needs (platform/app-role.ts); without it one role does both.
 */
export function openPostgres(url: string, max = 10, migrationUrl?: string): Database {
  // JIT compiles recursive CTEs for ~35 ms each; our queries are small and indexed, so it only costs.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off -c timezone=UTC' });
  // An idle connection the server drops (restart, failover, terminated backend) must not crash
  // the process; the pool discards it and opens a new one on the next query.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle connection closed: ${err.message}`);
  });
  const handle = (tenantId: string): Db => {
    const bound = boundPool(pool, tenantId);
    const db = drizzlePg(bound, { schema }) as unknown as Db;
    usePreparedReads(db, postgresPreparedRead(bound));
    return db;
  };
  const client = handle('');
  // One handle per court, made on first use: as many as there are courts.
  const courts = new Map<string, Db>();
  return {
    db: client,
    forTenant: (tenantId) => {
      let db = courts.get(tenantId);
      if (!db) {
        db = handle(tenantId);
        courts.set(tenantId, db);
      }
      return db;
    },
    // On the pool itself: the functions ignore the binding, so no connection need be rebound.
    courtOf: async (lookup, key) => {
      const result = await pool.query<{ id: string | null }>(`select ${COURT_LOOKUPS[lookup]}($1) as id`, [key]);
      return result.rows[0]?.id ?? null;
    },
    kind: 'postgresql',
    migrate: async () => {
      if (!migrationUrl) {
        await migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_DIR });
        return;
      }
      const owner = new pg.Pool({ connectionString: migrationUrl, max: 1, options: '-c jit=off -c timezone=UTC' });
      try {
        await migratePg(drizzlePg(owner, { schema }), { migrationsFolder: MIGRATIONS_DIR });
        const connection = await owner.connect();
        try {
          await grantApplicationRole(connection, await currentRole(url));
        } finally {
          connection.release();
        }
      } finally {
        await owner.end();
      }
    },
    maintain: () => Promise.resolve([]),
    close: () => pool.end(),
  };
}

export async function openDatabase(config: {
  databaseUrl: string | undefined;
  migrationDatabaseUrl?: string | undefined;
  dataDir: string;
}): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, 10, config.migrationDatabaseUrl);
  return openPglite(path.join(config.dataDir, 'pglite'));
}

/** A database with no court in it yet (the demo court is written only into such a one). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: schema.tenants.id }).from(schema.tenants).limit(1);
  return rows.length === 0;
}

/** Answers when the database does (the health check). */
export async function ping(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`);
}

/** A LIKE pattern matching `text` anywhere, its own `%`, `_` and `\\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
