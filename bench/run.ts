/**
 * `npm run bench`: every benchmark in turn, a summary table, the whole record in
 * bench/results/<timestamp>.json, and a non-zero exit when a target is missed.
 *
 *   npm run bench                                  PGlite only
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench
 *                                                  also PostgreSQL (a fresh database per bench, dropped after)
 *   npm run bench -- roster import                 only the named benches (roster, import, start, bundle,
 *                                                  compliance, goals, mixed, study, portal)
 */
import os from 'node:os';
import { runBundleBench } from './bundle.bench.ts';
import { COMPLIANCE_DEFAULTS, runComplianceBench } from './compliance.bench.ts';
import { postgresVersion } from './databases.ts';
import { GOALS_DEFAULTS, runGoalsBench } from './goals.bench.ts';
import { runImportBench } from './import.bench.ts';
import { machineInfo } from './machine.ts';
import { MIXED_DEFAULTS, runMixedBench } from './mixed.bench.ts';
import { summaryTable, writeRunRecord } from './report.ts';
import { ROSTER_DEFAULTS, runRosterBench } from './roster.bench.ts';
import { runStartBench } from './start.bench.ts';
import { runStudyBench, STUDY_DEFAULTS } from './study.bench.ts';
import { PORTAL_DEFAULTS, runPortalBench } from './portal.bench.ts';
import type { BenchReport } from './targets.ts';

const adminUrl = process.env.BENCH_DATABASE_URL || undefined;

const BENCHES: Record<string, () => Promise<BenchReport>> = {
  roster: () => runRosterBench({ ...ROSTER_DEFAULTS, adminUrl }),
  import: () => runImportBench({ rows: 10_000, adminUrl }),
  start: () => runStartBench({ starts: 5, people: 10_000, adminUrl }),
  bundle: () => runBundleBench(),
  compliance: () => runComplianceBench({ ...COMPLIANCE_DEFAULTS, adminUrl }),
  goals: () => runGoalsBench({ ...GOALS_DEFAULTS, adminUrl }),
  mixed: () => runMixedBench({ ...MIXED_DEFAULTS, adminUrl }),
  study: () => runStudyBench({ ...STUDY_DEFAULTS, adminUrl }),
  portal: () => runPortalBench({ ...PORTAL_DEFAULTS, adminUrl }),
};

async function main(): Promise<number> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    process.stderr.write(`unknown bench: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})\n`);
    return 2;
  }
  const startedAt = new Date().toISOString();
  const machine = machineInfo(adminUrl ? await postgresVersion(adminUrl) : undefined);
  process.stdout.write(
    `${String(machine.cpus)} CPUs, ${String(machine.memoryGiB)} GiB, Node ${machine.node}, PGlite ${machine.pgliteVersion}` +
      `${machine.postgres ? `, ${machine.postgres.split(' on ')[0] ?? ''}` : ', PostgreSQL skipped (BENCH_DATABASE_URL not set)'}` +
      `; load average ${machine.loadAverage.join(' ')}\n`,
  );
  const reports: BenchReport[] = [];
  for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) {
    const t0 = performance.now();
    const loadBefore = os.loadavg();
    process.stdout.write(`\n▶ ${name} …\n`);
    try {
      const report = await BENCHES[name]!();
      // Other work on the machine skews every figure; the record keeps how busy it was.
      report.details.loadAverage = { before: loadBefore, after: os.loadavg() };
      reports.push(report);
      process.stdout.write(`${summaryTable(report.targets)}\n`);
    } catch (err) {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`${name} failed: ${message}\n`);
      reports.push({
        bench: name,
        targets: [
          {
            id: `${name}.crashed`,
            target: `${name} bench ran`,
            measured: null,
            unit: '',
            rule: 'below',
            limit: 0,
            pass: false,
            note: message.split('\n')[0],
          },
        ],
        details: { error: message },
      });
    }
    process.stdout.write(`(${name}: ${String(Math.round((performance.now() - t0) / 1000))} s)\n`);
  }
  const targets = reports.flatMap((r) => r.targets);
  const pass = targets.every((t) => t.pass);
  const file = writeRunRecord({ startedAt, finishedAt: new Date().toISOString(), machine, reports, pass });
  process.stdout.write(
    `\nSummary\n${summaryTable(targets)}\n\n${pass ? 'All targets met.' : `${String(targets.filter((t) => !t.pass).length)} target(s) missed.`} Results: ${file}\n`,
  );
  return pass ? 0 : 1;
}

process.exitCode = await main();
