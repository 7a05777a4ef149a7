/**
 * Issue 11: a roster import killed midway leaves one copy or none. A large roster (a real .xlsx of
 * new people) is uploaded, the server SIGKILLed at a random instant while it works on it, then
 * started again on the same data: the court holds either none of the file's people or all of them,
 * and the same file imported again ends with exactly all of them (none twice). On the embedded
 * database and on PostgreSQL (a cluster of the script's own).
 *
 * The kill instants are spread from 0.9× to 2× the time a dry run of the same file takes (upload,
 * parse in the worker, plan), so they fall in and after the one write transaction; the full import
 * run again afterwards says how long the whole took (`again.ms`).
 */
import { getMemberPage, importRoster, login, type Session } from '../api-client.ts';
import { BENCH_PASSWORD, type BenchDatabase } from '../databases.ts';
import { startQizhi } from '../qizhi-server.ts';
import { buildRosterFile, rosterPeople } from '../roster-file.ts';
import type { ChildServer } from '../server-process.ts';
import { onEachDatabase } from './private-postgres.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const IMPORTER = 'clerk';

async function signIn(url: string): Promise<Session> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await login(url, IMPORTER, BENCH_PASSWORD);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

const peopleIn = async (url: string, session: Session) => (await getMemberPage(url, session, 'pageSize=1')).total;

interface Round {
  killAfterMs: number;
  /** The import answered before the kill (the instant fell after the transaction). */
  answeredBeforeKill: boolean;
  /** What the court held after the restart: 'none', 'all', or a partial count (a failure). */
  found: 'none' | 'all' | number;
  again: { status: number; ms: number; created?: number; unchanged?: number; total: number };
  passed: boolean;
}

async function killRounds(bench: BenchDatabase, rows: number, rounds: number): Promise<boolean> {
  let server: ChildServer = await startQizhi(bench, 'import-kill.log', {}, 300_000);
  const results: Round[] = [];
  let dryMs = 0;
  try {
    let session = await signIn(server.url);
    for (let round = 0; round < rounds; round++) {
      const file = await buildRosterFile(rosterPeople(rows, 0x5eed + round));
      if (round === 0) {
        const dry = await importRoster(server.url, session, file, true);
        if (dry.status !== 200) throw new Error(`dry run failed: HTTP ${String(dry.status)} ${dry.error ?? ''}`);
        dryMs = dry.ms;
      }
      const before = await peopleIn(server.url, session);
      // Spread over the rounds from 0.9× to 2× the dry run: the later ones fall in the write transaction.
      const killAfterMs = Math.round(dryMs * (0.9 + (1.1 * (round + Math.random())) / rounds));
      let answered = false;
      const upload = importRoster(server.url, session, file, false).then(
        (r) => {
          answered = r.status === 200;
        },
        () => undefined,
      );
      await sleep(killAfterMs);
      process.kill(server.pid, 'SIGKILL');
      await upload;
      await server.stop();
      server = await startQizhi(bench, 'import-kill.log', {}, 300_000);
      session = await signIn(server.url);
      const after = await peopleIn(server.url, session);
      const found = after === before ? 'none' : after === before + rows ? 'all' : after - before;
      const again = await importRoster(server.url, session, file, false);
      const total = await peopleIn(server.url, session);
      results.push({
        killAfterMs,
        answeredBeforeKill: answered,
        found,
        again: {
          status: again.status,
          ms: Math.round(again.ms),
          created: again.result?.created,
          unchanged: again.result?.unchanged,
          total,
        },
        passed:
          (found === 'none' || found === 'all') &&
          again.status === 200 &&
          total === before + rows &&
          (found === 'all' ? again.result?.created === 0 : again.result?.created === rows),
      });
    }
  } finally {
    await server.stop();
  }
  const passed = results.length === rounds && results.every((r) => r.passed);
  process.stdout.write(
    `${JSON.stringify({ script: 'import-kill', database: bench.kind, rows, dryRunMs: Math.round(dryMs), rounds: results, passed }, null, 2)}\n`,
  );
  return passed;
}

export async function runImportKill(
  rounds: number,
  kinds: readonly ('pglite' | 'postgresql')[],
  rows = 5_000,
): Promise<boolean> {
  return onEachDatabase(kinds, (bench) => killRounds(bench, rows, rounds));
}
