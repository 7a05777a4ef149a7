import { createHash } from 'node:crypto';
import type { PGlite, Results } from '@electric-sql/pglite';
import { parse as pgliteParse, protocol } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from './db.ts';

/**
 * Server-side prepared statements for the reads that run on every page view (the roster list):
 * the database parses and plans a statement once per connection instead of on every request —
 * on PGlite that planning was a third of a roster request (docs/performance.md). Both paths use
 * only public APIs: node-postgres's named statements, and PGlite's `execProtocol`, `runExclusive`
 * and `isInTransaction`. Rows come back as arrays in the statement's column order, with dates and
 * timestamps as the database's text, as Drizzle gives them.
 */
export type PreparedRead = (text: string, values: readonly unknown[]) => Promise<unknown[][]>;

/** The prepared reader of each root Drizzle instance; a transaction has none and reads as usual. */
const readers = new WeakMap<object, PreparedRead>();

export function usePreparedReads(db: Db, reader: PreparedRead): void {
  readers.set(db, reader);
}

interface BuiltSelect<Row> extends PromiseLike<Row[]> {
  toSQL(): { sql: string; params: unknown[] };
}

/**
 * Runs a Drizzle select as a prepared statement where the database allows it, else as Drizzle
 * would. `fields` names the select's fields in the order it lists them; they must be plain
 * values the driver returns as Drizzle does (no column with its own decoding, such as JSON).
 */
export async function selectPrepared<Row extends Record<string, unknown>>(
  db: Db,
  query: BuiltSelect<Row>,
  fields: readonly (keyof Row & string)[],
): Promise<Row[]> {
  const read = readers.get(db);
  if (!read) return query;
  const built = query.toSQL();
  const rows = await read(built.sql, built.params);
  return rows.map((values) => Object.fromEntries(fields.map((field, i) => [field, values[i]])) as Row);
}

/** One name per statement text, so two texts never share a name on a connection. */
function statementName(text: string, generation: number): string {
  return `qz_${createHash('sha1').update(text).digest('hex').slice(0, 20)}_${String(generation)}`;
}

const { builtins } = pg.types;
const KEEP_AS_TEXT = new Set<number>([builtins.DATE, builtins.TIMESTAMP, builtins.TIMESTAMPTZ, builtins.INTERVAL]);
const keepText = (value: string) => value;
const defaultParser = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => (value: string) => unknown;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    KEEP_AS_TEXT.has(oid) ? keepText : defaultParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** PostgreSQL's answer when a table a prepared statement reads changed shape after it was prepared. */
function isStalePlan(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err as { code?: string }).code === '0A000' &&
    err.message.includes('cached plan must not change result type')
  );
}

export function postgresPreparedRead(pool: pg.Pool): PreparedRead {
  // Bumped when a migration by another process changed a table under our statements: new names
  // make every connection prepare them afresh.
  let generation = 0;
  const run = (text: string, values: readonly unknown[]) =>
    pool.query<unknown[]>({
      name: statementName(text, generation),
      text,
      values: [...values],
      rowMode: 'array',
      types: pgTypes,
    });
  return async (text, values) => {
    try {
      return (await run(text, values)).rows;
    } catch (err) {
      if (!isStalePlan(err)) throw err;
      generation++;
      return (await run(text, values)).rows;
    }
  };
}

/** A value in PostgreSQL's text format, as the protocol sends parameters. */
function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      const text = toText(item);
      return text === null ? 'NULL' : `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
    });
    return `{${items.join(',')}}`;
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TypeError(`unsupported parameter: ${typeof value}`);
}

/**
 * PGlite's `query()` parses, describes and plans every statement. Here a statement is parsed once
 * and each run is one call into the engine: bind, describe, execute, sync.
 *
 * PGlite is one session. `runExclusive` keeps other statements out while ours runs, but another
 * request's transaction may be open between its statements; a read run then would see its
 * uncommitted rows. So the read checks, holding the engine, that no transaction is open; if one
 * is, it queues behind it as a transaction of its own, as `query()` would.
 */
export function pglitePreparedRead(client: PGlite): PreparedRead {
  const prepared = new Set<string>();
  // Merged once: parseResults would otherwise copy every type's parser on every call.
  let parsers: typeof client.parsers | undefined;
  let generation = 0;
  const execute = async (text: string, values: readonly unknown[]) => {
    const name = statementName(text, generation);
    if (!prepared.has(name)) {
      await client.execProtocol(Buffer.concat([protocol.serialize.parse({ name, text }), protocol.serialize.sync()]), {
        syncToFs: false,
      });
      prepared.add(name);
    }
    const { messages } = await client.execProtocol(
      Buffer.concat([
        protocol.serialize.bind({ statement: name, values: values.map(toText) }),
        protocol.serialize.describe({ type: 'P' }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    );
    parsers ??= { ...client.parsers, ...Object.fromEntries([...KEEP_AS_TEXT].map((oid) => [oid, keepText])) };
    const [result] = pgliteParse.parseResults(messages, parsers, { rowMode: 'array' }) as Results<unknown[]>[];
    return result?.rows ?? [];
  };
  const executeFresh = async (text: string, values: readonly unknown[]) => {
    try {
      return await execute(text, values);
    } catch (err) {
      if (!isStalePlan(err)) throw err;
      // A table changed shape under the statements (a migration or an ALTER): prepare anew.
      generation++;
      prepared.clear();
      return execute(text, values);
    }
  };
  const OPEN_TRANSACTION = Symbol('open transaction');
  return async (text, values) => {
    const rows = await client.runExclusive<unknown[][] | typeof OPEN_TRANSACTION>(() =>
      client.isInTransaction() ? Promise.resolve(OPEN_TRANSACTION) : executeFresh(text, values),
    );
    if (rows !== OPEN_TRANSACTION) return rows;
    return client.transaction(() => client.runExclusive(() => executeFresh(text, values)));
  };
}
