/**
 * `npm run reliability -- <script> [--rounds N]`: the fault-injection scripts of issue 11, each
 * exiting non-zero when what it proves does not hold.
 *
 *   pg-outage     PostgreSQL killed mid-traffic and restarted (default 3 rounds)
 *   server-kill   the server killed during writes, on PGlite and PostgreSQL (default 30 kills each)
 *
 * Both use a PostgreSQL cluster of their own (initdb in a temporary folder), never the machine's.
 */
import { parseArgs } from 'node:util';
import { runPgOutage } from './pg-outage.ts';
import { runServerKill } from './server-kill.ts';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { rounds: { type: 'string' }, database: { type: 'string' } },
  });
  const rounds = values.rounds ? Number(values.rounds) : undefined;
  if (rounds !== undefined && (!Number.isInteger(rounds) || rounds < 1)) {
    process.stderr.write('--rounds 应为正整数\n');
    return 2;
  }
  const kinds =
    values.database === 'pglite' || values.database === 'postgresql'
      ? ([values.database] as const)
      : (['pglite', 'postgresql'] as const);
  const script = positionals[0];
  if (script === 'pg-outage') return (await runPgOutage(rounds ?? 3)) ? 0 : 1;
  if (script === 'server-kill') return (await runServerKill(rounds ?? 30, kinds)) ? 0 : 1;
  process.stderr.write(
    '用法：npm run reliability -- pg-outage|server-kill [--rounds N] [--database pglite|postgresql]\n',
  );
  return 2;
}

process.exitCode = await main();
