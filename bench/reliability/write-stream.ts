/**
 * A stream of acknowledged writes for the reliability scripts: writers record first inquiries (首问,
 * a write every staff member may make, one row each) with a unique topic, and remember which ones
 * the server acknowledged. Afterwards every acknowledged topic must be in the database exactly once.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/platform/db.ts';
import { login, type Session } from '../api-client.ts';

export const WRITER = 'member';
export const TOPIC_PREFIX = '可靠性测试';

export interface StreamTally {
  acknowledged: Set<string>;
  /** When each acknowledgement arrived (performance.now() of this process). */
  acknowledgedAt: Map<string, number>;
  /** 503 answers: the server said it could not write. Never counted as written. */
  unavailable: number;
  /** Requests that got no answer (connection reset while the server was killed). */
  unanswered: number;
  /** Anything else (a 500 above all): each one fails the run. */
  unexpected: string[];
}

export function newTally(): StreamTally {
  return { acknowledged: new Set(), acknowledgedAt: new Map(), unavailable: 0, unanswered: 0, unexpected: [] };
}

/** Signs in, retrying while the server or its database is still coming back. */
export async function signInWhenReady(baseUrl: string, password: string, timeoutMs = 60_000): Promise<Session> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await login(baseUrl, WRITER, password);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Runs `writers` loops of writes against `baseUrl()` until `stop()` says so. `baseUrl` and
 * `session` are read before each write, so a restarted server (new port, new session) is followed.
 */
export async function streamWrites(opts: {
  label: string;
  writers: number;
  tally: StreamTally;
  target: () => { baseUrl: string; session: Session } | undefined;
  stop: () => boolean;
}): Promise<void> {
  let serial = 0;
  const loop = async (writer: number) => {
    while (!opts.stop()) {
      const target = opts.target();
      if (!target) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      serial += 1;
      const topic = `${TOPIC_PREFIX}-${opts.label}-${String(writer)}-${String(serial)}`;
      try {
        const res = await fetch(`${target.baseUrl}/api/inquiries`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: target.session.cookie,
            'x-csrf-token': target.session.csrfToken,
          },
          body: JSON.stringify({ topic, outcome: 'answered' }),
          signal: AbortSignal.timeout(15_000),
        });
        const body = await res.text();
        if (res.status === 201) {
          opts.tally.acknowledged.add(topic);
          opts.tally.acknowledgedAt.set(topic, performance.now());
        } else if (res.status === 503) opts.tally.unavailable += 1;
        else if (res.status === 401) await new Promise((resolve) => setTimeout(resolve, 50));
        else opts.tally.unexpected.push(`${String(res.status)} ${body.slice(0, 200)}`);
      } catch {
        opts.tally.unanswered += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.writers }, (_, i) => loop(i)));
}

/** Every acknowledged write present, none twice, read straight from the database. */
export async function checkWrites(
  database: Database,
  tally: StreamTally,
): Promise<{ acknowledged: number; stored: number; missing: string[]; duplicated: string[] }> {
  const result = await database.db.execute<{ topic: string; n: number }>(
    sql`select topic, count(*)::int as n from inquiries where topic like ${`${TOPIC_PREFIX}-%`} group by topic`,
  );
  const rows = (result as { rows: { topic: string; n: number }[] }).rows;
  const stored = new Map(rows.map((r) => [r.topic, r.n]));
  return {
    acknowledged: tally.acknowledged.size,
    stored: rows.length,
    missing: [...tally.acknowledged].filter((t) => !stored.has(t)),
    duplicated: rows.filter((r) => r.n > 1).map((r) => r.topic),
  };
}
