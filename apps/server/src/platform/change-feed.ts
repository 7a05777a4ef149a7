import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The channel the database announces committed changes on (migration 0006). */
export const CHANGE_CHANNEL = 'qizhi_changed';

/** A committed change, or `reset`: announcements may have been missed, so forget everything. */
export type Change = { table: string; tenantId: string } | 'reset';

/**
 * Committed changes as the database announces them, for what a process keeps in memory. `live` is
 * false while announcements could be missed (PostgreSQL connection down): then nothing may be
 * served from memory.
 */
export interface ChangeFeed {
  readonly live: boolean;
  subscribe(listener: (change: Change) => void): () => void;
  close(): Promise<void>;
}

function parseChange(payload: string | undefined): Change | undefined {
  const at = payload?.indexOf(':') ?? -1;
  if (!payload || at < 1) return undefined;
  return { table: payload.slice(0, at), tenantId: payload.slice(at + 1) };
}

function listenerSet() {
  const listeners = new Set<(change: Change) => void>();
  return {
    add(listener: (change: Change) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(change: Change | undefined) {
      if (change) for (const listener of listeners) listener(change);
    },
  };
}

/** For deployments where LISTEN cannot work (a transaction-pooling proxy): never live. */
export function silentChangeFeed(): ChangeFeed {
  return { live: false, subscribe: () => () => undefined, close: () => Promise.resolve() };
}

/** PGlite delivers a notification as its transaction commits, before the writer's query returns. */
export function pgliteChangeFeed(client: PGlite): ChangeFeed {
  const listeners = listenerSet();
  let live = false;
  const unlisten = client
    .listen(CHANGE_CHANNEL, (payload) => listeners.emit(parseChange(payload)))
    .then((stop) => {
      live = true;
      return stop;
    });
  return {
    get live() {
      return live;
    },
    subscribe: (listener) => listeners.add(listener),
    close: async () => {
      live = false;
      await (
        await unlisten
      )();
    },
  };
}

/**
 * One connection of its own LISTENs; when it drops, subscribers are told to forget everything and
 * it reconnects after a pause. Until it is listening again the feed is not live.
 */
export function postgresChangeFeed(url: string, reconnectMs = 1_000): ChangeFeed {
  const listeners = listenerSet();
  let client: pg.Client | undefined;
  let live = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = (connection: pg.Client) => {
    if (client !== connection) return;
    client = undefined;
    live = false;
    listeners.emit('reset');
    connection.end().catch(() => undefined);
    if (!closed) retry = setTimeout(connect, reconnectMs).unref();
  };
  const connect = () => {
    if (closed) return;
    const connection = new pg.Client({ connectionString: url });
    client = connection;
    connection.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL) listeners.emit(parseChange(message.payload));
    });
    connection.on('error', () => lost(connection));
    connection.on('end', () => lost(connection));
    connection
      .connect()
      .then(() => connection.query(`LISTEN ${CHANGE_CHANNEL}`))
      .then(() => {
        if (client === connection) live = true;
      })
      .catch(() => lost(connection));
  };
  connect();
  return {
    get live() {
      return live;
    },
    subscribe: (listener) => listeners.add(listener),
    close: async () => {
      closed = true;
      live = false;
      clearTimeout(retry);
      const connection = client;
      client = undefined;
      await connection?.end().catch(() => undefined);
    },
  };
}
