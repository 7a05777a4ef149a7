/**
 * `npm run reliability -- <script> [options]`: the fault-injection scripts of issue 11, each
 * exiting non-zero when what it proves does not hold.
 *
 *   pg-outage     PostgreSQL killed mid-traffic and restarted (default 3 rounds)
 *   server-kill   the server killed during writes, on PGlite and PostgreSQL (default 30 kills each)
 *   power-cut     crash images of the embedded database (default 30 images; --mode synced|default)
 *   import-kill   a roster import killed midway (default 3 rounds of 5,000 rows on each database)
 *   overload      twice the mixed load's peak for 10 minutes (--factor 2 --minutes 10)
 *   sync-cost     a commit's cost with PGlite's fsync off and in synced mode (default 3 rounds)
 *
 * The PostgreSQL ones use a cluster of their own (initdb in a temporary folder), never the machine's.
 */
import { parseArgs } from 'node:util';
import { runImportKill } from './import-kill.ts';
import { runOverload } from './overload.ts';
import { runPgOutage } from './pg-outage.ts';
import { runPowerCut } from './power-cut.ts';
import { runServerKill } from './server-kill.ts';
import { runSyncCost } from './sync-cost.ts';

const USAGE =
  '用法：npm run reliability -- pg-outage|server-kill|power-cut|import-kill|overload|sync-cost ' +
  '[--rounds N] [--database pglite|postgresql] [--images N] [--mode synced|default] [--kind instant|pages|wal-lost|data-lost] [--rows N] ' +
  '[--factor N] [--minutes N]\n';

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} 应为正数`);
  return n;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      rounds: { type: 'string' },
      database: { type: 'string' },
      images: { type: 'string' },
      mode: { type: 'string' },
      kind: { type: 'string' },
      rows: { type: 'string' },
      factor: { type: 'string' },
      minutes: { type: 'string' },
    },
  });
  let rounds: number | undefined;
  let images: number | undefined;
  let rows: number | undefined;
  let factor: number | undefined;
  let minutes: number | undefined;
  try {
    rounds = positive('rounds', values.rounds);
    images = positive('images', values.images);
    rows = positive('rows', values.rows);
    factor = positive('factor', values.factor);
    minutes = positive('minutes', values.minutes);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (values.mode !== undefined && values.mode !== 'synced' && values.mode !== 'default') {
    process.stderr.write('--mode 应为 synced 或 default\n');
    return 2;
  }
  const kinds =
    values.database === 'pglite' || values.database === 'postgresql'
      ? ([values.database] as const)
      : (['pglite', 'postgresql'] as const);
  const script = positionals[0];
  const exit = (passed: boolean) => (passed ? 0 : 1);
  switch (script) {
    case 'pg-outage':
      return exit(await runPgOutage(Math.round(rounds ?? 3)));
    case 'server-kill':
      return exit(await runServerKill(Math.round(rounds ?? 30), kinds));
    case 'power-cut':
      return exit(await runPowerCut(Math.round(images ?? 30), values.mode !== 'default', values.kind));
    case 'import-kill':
      return exit(await runImportKill(Math.round(rounds ?? 3), kinds, Math.round(rows ?? 5_000)));
    case 'overload':
      return exit(await runOverload(kinds, { factor: factor ?? 2, durationMs: (minutes ?? 10) * 60_000 }));
    case 'sync-cost':
      return exit(await runSyncCost(Math.round(rounds ?? 3)));
    case undefined:
    default:
      process.stderr.write(USAGE);
      return 2;
  }
}

process.exitCode = await main();
