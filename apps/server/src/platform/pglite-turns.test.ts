import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTurnTakingPGlite } from './pglite-turns.ts';

/**
 * Runs `queries` statements from as many concurrent callers (as requests would) and counts the
 * event-loop turns taken before the last one answered: the turns in which Node could have read
 * another request.
 */
async function turnsDuring(client: PGlite, queries: number): Promise<number> {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  await Promise.all(
    Array.from({ length: queries }, (_, i) => client.query('select count(*) from t where id > $1', [i])),
  );
  done = true;
  return turns;
}

describe('the embedded database takes turns with the event loop', () => {
  const clients: PGlite[] = [];
  beforeAll(async () => {
    clients.push(await createTurnTakingPGlite({}), await PGlite.create());
    for (const client of clients)
      await client.exec('create table t (id int); insert into t select generate_series(1, 1000)');
  }, 120_000);
  afterAll(async () => {
    for (const client of clients) await client.close();
  });

  it('gives Node a turn before every statement, so queued queries never stall the server', async () => {
    expect(await turnsDuring(clients[0]!, 50)).toBeGreaterThanOrEqual(50);
  });

  it('PGlite alone runs a whole queue without one (why TurnTakingPGlite exists)', async () => {
    expect(await turnsDuring(clients[1]!, 50)).toBeLessThan(5);
  });

  it('answers as PGlite does, transactions and errors included', async () => {
    const client = clients[0]!;
    await expect(client.query('select 1 + 1 as two')).resolves.toMatchObject({ rows: [{ two: 2 }] });
    await client.transaction(async (tx) => {
      await tx.query('insert into t values (-1)');
    });
    await expect(client.query('select count(*)::int as n from t where id = -1')).resolves.toMatchObject({
      rows: [{ n: 1 }],
    });
    await expect(client.query('select * from missing')).rejects.toThrow(/missing/);
  });
});
