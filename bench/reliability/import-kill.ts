/**
 * Issue 11: a roster import killed midway leaves one copy or none. A large roster (a real .xlsx of
 * new people) is uploaded, the server SIGKILLed at a random instant while it works on it, then
 * started again on the same data: the court holds either none of the file's people or all of them,
 * and the same file imported again ends with exactly all of them (none twice). On the embedded
 * database and on PostgreSQL (a cluster of the script's own).
 *
 * The kill is timed by what the server has written, not by the clock: a first, whole import of
 * another file says how many bytes the server hands to write(2) for one import (`/proc/<pid>/io`
 * wchar: the embedded database's WAL and pages, or the statements sent to PostgreSQL; its timeline is
 * printed); each round kills it once it has written a share of that, the shares spread over the
 * rounds (3–40 % by default, IMPORT_KILL_SHARE_FROM/_TO), so the kills fall in the write transaction
 * on a machine of any speed. A round killed before the answer that finds none of the file's people
 * was killed mid-write; one that finds them all was killed after the commit. The full import run again afterwards says how
 * long the whole took (`again.ms`).
 */
import fs from 'node:fs';
import { getMemberPage, importRoster, login, type Session } from '../api-client.ts';
import { BENCH_PASSWORD, type BenchDatabase } from '../databases.ts';
import { startQizhi } from '../qizhi-server.ts';
import { demoCourtIdNumbers } from '../people-generator.ts';
import { buildRosterFile, rosterPeople } from '../roster-file.ts';
import type { ChildServer } from '../server-process.ts';
import { onEachDatabase } from './private-postgres.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const IMPORTER = 'clerk';
/** The kills' shares of a whole import's written bytes, spread over the rounds. */
const SHARE_FROM = Number(process.env.IMPORT_KILL_SHARE_FROM ?? 0.03);
const SHARE_TO = Number(process.env.IMPORT_KILL_SHARE_TO ?? 0.4);

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

/** Bytes the process has handed to write(2) so far, to files and sockets alike. */
function bytesWritten(pid: number): number {
  const wchar = /wchar:\s+(\d+)/.exec(fs.readFileSync(`/proc/${String(pid)}/io`, 'utf8'))?.[1];
  if (wchar === undefined) throw new Error(`/proc/${String(pid)}/io has no wchar`);
  return Number(wchar);
}

const peopleIn = async (url: string, session: Session) => (await getMemberPage(url, session, 'pageSize=1')).total;

interface Round {
  /** The share of a whole import's written bytes the server had written when it was killed. */
  killedAtShare: number;
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
  const wholeImport = { bytes: 0, ms: 0, timeline: [] as string[] };
  // One set of ID numbers across the files, so no person of one file is already in the court from another.
  const taken = demoCourtIdNumbers();
  try {
    let session = await signIn(server.url);
    {
      const calibration = await buildRosterFile(rosterPeople(rows, 0xca1, taken));
      const w0 = bytesWritten(server.pid);
      const t0 = performance.now();
      let done = false;
      const answer = importRoster(server.url, session, calibration, false).finally(() => {
        done = true;
      });
      while (!done) {
        await sleep(100);
        wholeImport.timeline.push(
          `${String(Math.round(performance.now() - t0))} ms ${((bytesWritten(server.pid) - w0) / 2 ** 20).toFixed(1)} MiB`,
        );
      }
      const whole = await answer;
      if (whole.status !== 200)
        throw new Error(`the whole import failed: HTTP ${String(whole.status)} ${whole.error ?? ''}`);
      wholeImport.bytes = bytesWritten(server.pid) - w0;
      wholeImport.ms = Math.round(whole.ms);
    }
    for (let round = 0; round < rounds; round++) {
      const file = await buildRosterFile(rosterPeople(rows, 0x5eed + round, taken));
      const before = await peopleIn(server.url, session);
      const share = SHARE_FROM + ((SHARE_TO - SHARE_FROM) * (round + Math.random())) / rounds;
      let answered = false;
      let settled = false;
      const w0 = bytesWritten(server.pid);
      const t0 = performance.now();
      const upload = importRoster(server.url, session, file, false)
        .then(
          (r) => {
            answered = r.status === 200;
          },
          () => undefined,
        )
        .finally(() => {
          settled = true;
        });
      while (!settled && bytesWritten(server.pid) - w0 < share * wholeImport.bytes) await sleep(2);
      const killAfterMs = Math.round(performance.now() - t0);
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
        killedAtShare: Math.round(share * 100) / 100,
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
    `${JSON.stringify(
      {
        script: 'import-kill',
        database: bench.kind,
        rows,
        wholeImport,
        killedBeforeTheAnswer: results.filter((r) => !r.answeredBeforeKill).length,
        rounds: results,
        passed,
      },
      null,
      2,
    )}\n`,
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
