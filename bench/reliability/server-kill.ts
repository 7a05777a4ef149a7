/**
 * Issue 11: the server killed (SIGKILL) during a stream of writes, again and again, then started
 * again on the same data: every write it acknowledged is there, none twice. On the embedded
 * database and on PostgreSQL (a cluster of the script's own).
 */
import type { Session } from '../api-client.ts';
import { BENCH_PASSWORD, type BenchDatabase } from '../databases.ts';
import { startQizhi } from '../qizhi-server.ts';
import type { ChildServer } from '../server-process.ts';
import { onEachDatabase } from './private-postgres.ts';
import { checkWrites, newTally, signInWhenReady, streamWrites } from './write-stream.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function killRounds(bench: BenchDatabase, rounds: number): Promise<boolean> {
  const tally = newTally();
  let target: { baseUrl: string; session: Session } | undefined;
  let stopped = false;
  let server: ChildServer = await startQizhi(bench, 'server-kill.log', {}, 300_000);
  target = { baseUrl: server.url, session: await signInWhenReady(server.url, BENCH_PASSWORD) };
  const stream = streamWrites({ label: bench.kind, writers: 4, tally, target: () => target, stop: () => stopped });
  const startMs: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      // Kill only once writes are flowing again, at a random instant among them.
      const flowing = tally.acknowledged.size + 5;
      for (let waited = 0; tally.acknowledged.size < flowing && waited < 60_000; waited += 50) await sleep(50);
      await sleep(Math.random() * 500);
      process.kill(server.pid, 'SIGKILL');
      await server.stop();
      target = undefined;
      const t0 = performance.now();
      server = await startQizhi(bench, 'server-kill.log', {}, 300_000);
      target = { baseUrl: server.url, session: await signInWhenReady(server.url, BENCH_PASSWORD) };
      startMs.push(Math.round(performance.now() - t0));
    }
    await sleep(1_000);
  } finally {
    stopped = true;
    await stream;
    await server.stop();
  }
  const database = await bench.open();
  const check = await checkWrites(database, tally);
  await database.close();
  const passed = tally.unexpected.length === 0 && check.missing.length === 0 && check.duplicated.length === 0;
  process.stdout.write(
    `${JSON.stringify(
      {
        script: 'server-kill',
        database: bench.kind,
        kills: rounds,
        restartMs: { min: Math.min(...startMs), max: Math.max(...startMs) },
        writes: { ...check, unavailable: tally.unavailable, unanswered: tally.unanswered },
        unexpected: tally.unexpected.slice(0, 10),
        passed,
      },
      null,
      2,
    )}\n`,
  );
  return passed;
}

export async function runServerKill(rounds: number, kinds: readonly ('pglite' | 'postgresql')[]): Promise<boolean> {
  return onEachDatabase(kinds, (bench) => killRounds(bench, rounds));
}
