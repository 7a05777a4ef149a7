import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { parse as pgliteParse, protocol, type Results } from '@electric-sql/pglite';
import { Placeholder } from 'drizzle-orm';
import pg from 'pg';

/**
 * Server-side prepared statements for the few reads that run on every page view (the roster
 * list): the database parses and analyses the statement once per connection instead of on every
 * request, and the application skips building SQL. Rows come back as arrays in the statement's
 * column order, with dates and timestamps as the database's text (as Drizzle gives them).
 *
 * Only for reads outside a transaction: on PGlite it waits for any running transaction to end.
 */
export type PreparedRead = (text: string, values: readonly unknown[]) => Promise<unknown[][]>;

/** A statement built once (by Drizzle, with placeholders) and run many times with new values. */
export interface PreparedStatement {
  text: string;
  /** Each parameter: a placeholder to fill by name, or a constant the statement was built with. */
  params: ({ placeholder: string } | { value: unknown })[];
}

/** From a Drizzle query's `toSQL()`, whose placeholders stay named. */
export function statementOf(query: { sql: string; params: unknown[] }): PreparedStatement {
  return {
    text: query.sql,
    params: query.params.map((p) => (p instanceof Placeholder ? { placeholder: String(p.name) } : { value: p })),
  };
}

/** The statement's parameter values, placeholders filled from `values` by name. */
export function bindStatement(statement: PreparedStatement, values: Record<string, unknown>): unknown[] {
  return statement.params.map((p) => ('placeholder' in p ? values[p.placeholder] : p.value));
}

/** One name per statement text, so two texts never share a name on a connection. */
function statementName(text: string): string {
  return `qz_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
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
      name: `${statementName(text)}_${String(generation)}`,
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

/** A value in PostgreSQL's text format, as PGlite's protocol layer sends parameters. */
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
 * PGlite's `query()` parses, describes and plans every statement, in six calls into the engine.
 * Here a statement is parsed once (per engine) and each run is one call: bind, describe,
 * execute, sync. Transactions take PGlite's transaction lock, so waiting for it keeps a read from
 * landing between another request's statements.
 */
export function pglitePreparedRead(client: PGlite): PreparedRead {
  const prepared = new Set<string>();
  // Merged once: parseResults would otherwise copy every type's parser on every call.
  let parsers: typeof client.parsers | undefined;
  let generation = 0;
  const exclusive = <T>(fn: () => Promise<T>) => client._runExclusiveTransaction(() => client._runExclusiveQuery(fn));
  const run = async (text: string, values: readonly unknown[]) => {
    const name = `${statementName(text)}_${String(generation)}`;
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
  return (text, values) =>
    exclusive(async () => {
      try {
        return await run(text, values);
      } catch (err) {
        if (!isStalePlan(err)) throw err;
        // A table changed shape under the statements (a migration or an ALTER): prepare anew.
        generation++;
        prepared.clear();
        return run(text, values);
      }
    });
}
