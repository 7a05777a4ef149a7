/**
 * Target 3: a warm start on an existing data folder is ready (GET /api/health answers 200) in
 * under 3 s. The first start creates, migrates and seeds the folder; the bench then fills the
 * court to 10,000 people and starts the server again five times, from spawn to the first 200.
 *
 *   node --import tsx bench/start.bench.ts             (BENCH_DATABASE_URL adds PostgreSQL)
 */
import fs from 'node:fs';
import { createDatabase, type DatabaseKind } from './databases.ts';
import { fillCourtTo, findTenantId } from './data.ts';
import { round, summarize } from './latency.ts';
import { isMainModule } from './paths.ts';
import { startQizhi } from './qizhi-server.ts';
import { summaryTable } from './report.ts';
import { target, type BenchReport, type TargetResult } from './targets.ts';

export interface StartBenchOptions {
  starts: number;
  people: number;
  adminUrl: string | undefined;
}

const LIMIT_MS = 3_000;

/** The “用时 N ms” main.ts logs once it listens. */
function reportedStartMs(logFile: string): number | undefined {
  const match = /用时 (\d+) ms/.exec(fs.readFileSync(logFile, 'utf8'));
  return match ? Number(match[1]) : undefined;
}

async function benchOn(kind: DatabaseKind, opts: StartBenchOptions) {
  const bench = await createDatabase(kind, opts.adminUrl);
  try {
    const first = await startQizhi(bench, 'start-server.log');
    await first.stop();
    const database = await bench.open();
    try {
      await fillCourtTo(database.db, await findTenantId(database.db, 'anze'), opts.people);
    } finally {
      await database.close();
    }
    const warm: number[] = [];
    const inMain: (number | undefined)[] = [];
    for (let i = 0; i < opts.starts; i++) {
      const server = await startQizhi(bench, `start-server-${String(i + 1)}.log`);
      warm.push(server.readyMs);
      inMain.push(reportedStartMs(server.logFile));
      await server.stop();
    }
    const s = summarize(warm);
    const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const targets: TargetResult[] = [
      target({
        id: `start.warm.${kind}`,
        target: `warm start to health 200 (slowest of ${String(opts.starts)}), ${name}`,
        measured: round(s.max / 1000, 2),
        unit: 's',
        rule: 'below',
        limit: LIMIT_MS / 1000,
        note: `median ${String(round(s.p50 / 1000, 2))} s; first start (initdb, migrate, seed) ${String(round(first.readyMs / 1000, 2))} s`,
      }),
    ];
    return {
      targets,
      details: {
        firstStartMs: Math.round(first.readyMs),
        warmStartsMs: warm.map((ms) => Math.round(ms)),
        // What main.ts logs itself (startServer: open, migrate, build the app, listen); the rest of
        // spawn-to-200 is node, tsx and loading the modules before main runs.
        reportedByServerMs: inMain,
        people: opts.people,
      },
    };
  } finally {
    await bench.dispose();
  }
}

export async function runStartBench(opts: StartBenchOptions): Promise<BenchReport> {
  const targets: TargetResult[] = [];
  const details: Record<string, unknown> = {};
  const kinds: DatabaseKind[] = opts.adminUrl ? ['pglite', 'postgresql'] : ['pglite'];
  for (const kind of kinds) {
    const result = await benchOn(kind, opts);
    targets.push(...result.targets);
    details[kind] = result.details;
  }
  return { bench: 'start', targets, details };
}

if (isMainModule(import.meta.url)) {
  const report = await runStartBench({ starts: 5, people: 10_000, adminUrl: process.env.BENCH_DATABASE_URL });
  process.stdout.write(`${summaryTable(report.targets)}\n\n${JSON.stringify(report.details, null, 2)}\n`);
}
