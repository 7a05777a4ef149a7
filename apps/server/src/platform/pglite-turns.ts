/**
 * The embedded database runs PostgreSQL inside the server's own thread: each statement is a
 * synchronous call into WebAssembly. PGlite queues statements behind a promise mutex, so when many
 * requests wait, the whole queue runs in one stretch of microtasks and Node never gets back to its
 * event loop — no new request is read, no timer fires, no slow answer is flushed — until it is empty.
 *
 * Measured (issue 11, docs/security.md): under twice the peak load the server stalled 2–5 s at a
 * time, every few seconds, while no request took more than 1.2 s by its own clock; 80 queued
 * queries on a bare PGlite ran 3.6 s with not one timer turn in between.
 *
 * `TurnTakingPGlite` gives the event loop one turn (`setImmediate`) before each statement, inside
 * PGlite's lock: the server reads and answers other connections between statements, and the longest
 * stall is the slowest single statement. PGlite sends every statement through `execProtocolStream`
 * (query, exec, transactions) or `execProtocol` (our prepared reads, the protocol's own calls); both
 * are public methods, overridden here. The test beside this file fails if a statement stops taking
 * its turn.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';

export class TurnTakingPGlite extends PGlite {
  override async execProtocol(...args: Parameters<PGlite['execProtocol']>): ReturnType<PGlite['execProtocol']> {
    await nextTurn();
    return super.execProtocol(...args);
  }

  override async execProtocolStream(
    ...args: Parameters<PGlite['execProtocolStream']>
  ): ReturnType<PGlite['execProtocolStream']> {
    await nextTurn();
    return super.execProtocolStream(...args);
  }
}

/** As `PGlite.create`, which always builds a plain PGlite: the instance, once it is ready. */
export async function createTurnTakingPGlite(options: PGliteOptions): Promise<PGlite> {
  const client = new TurnTakingPGlite(options);
  await client.waitReady;
  return client;
}
