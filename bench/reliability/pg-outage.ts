/**
 * Issue 11: PostgreSQL killed mid-traffic and started again. While it is away the API answers 503
 * (health: `{status: "unavailable", database: "down"}`), never 500; when it is back the same server
 * process recovers without a restart; nothing it acknowledged is lost or written twice.
 */
import { BENCH_PASSWORD, createPostgresDatabase } from '../databases.ts';
import { startQizhi } from '../qizhi-server.ts';
import { startPrivatePostgres } from './private-postgres.ts';
import { checkWrites, newTally, signInWhenReady, streamWrites } from './write-stream.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Health {
  status: number;
  body: string;
}

async function health(baseUrl: string): Promise<Health> {
  try {
    const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
    return { status: res.status, body: await res.text() };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}

export interface OutageRound {
  /** The health answers seen while PostgreSQL was down. */
  downAnswers: string[];
  sawUnavailable: boolean;
  recoveredMs: number | undefined;
  acknowledgedAfter: number;
}

export async function runPgOutage(rounds: number): Promise<boolean> {
  const cluster = await startPrivatePostgres();
  const bench = await createPostgresDatabase(cluster.adminUrl);
  const server = await startQizhi(bench, 'pg-outage.log', {}, 300_000);
  const results: OutageRound[] = [];
  const tally = newTally();
  let stopped = false;
  try {
    const session = await signInWhenReady(server.url, BENCH_PASSWORD);
    const stream = streamWrites({
      label: 'pg',
      writers: 4,
      tally,
      target: () => ({ baseUrl: server.url, session }),
      stop: () => stopped,
    });
    for (let round = 0; round < rounds; round++) {
      await sleep(2_000);
      cluster.kill();
      const downAnswers: string[] = [];
      const downUntil = Date.now() + 3_000;
      while (Date.now() < downUntil) {
        const answer = await health(server.url);
        downAnswers.push(`${String(answer.status)} ${answer.body}`);
        await sleep(250);
      }
      const sawUnavailable = downAnswers.some((a) => {
        if (!a.startsWith('503 ')) return false;
        const body = JSON.parse(a.slice(4)) as { status?: string; database?: string };
        return body.status === 'unavailable' && body.database === 'down';
      });
      const restartedAt = Date.now();
      cluster.start();
      let recoveredMs: number | undefined;
      while (Date.now() - restartedAt < 30_000) {
        if ((await health(server.url)).status === 200) {
          recoveredMs = Date.now() - restartedAt;
          break;
        }
        await sleep(100);
      }
      const before = tally.acknowledged.size;
      await sleep(2_000);
      results.push({
        downAnswers: [...new Set(downAnswers)],
        sawUnavailable,
        recoveredMs,
        acknowledgedAfter: tally.acknowledged.size - before,
      });
    }
    stopped = true;
    await stream;
  } finally {
    stopped = true;
    await server.stop();
  }
  const database = await bench.open();
  const check = await checkWrites(database, tally);
  await database.close();
  await bench.dispose();
  cluster.dispose();

  const passed =
    results.every((r) => r.sawUnavailable && r.recoveredMs !== undefined && r.acknowledgedAfter > 0) &&
    tally.unexpected.length === 0 &&
    check.missing.length === 0 &&
    check.duplicated.length === 0;
  process.stdout.write(
    `${JSON.stringify(
      {
        script: 'pg-outage',
        rounds: results,
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
