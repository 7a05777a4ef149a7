/**
 * Target 2: importing a 10,000-row roster file (a real .xlsx uploaded over HTTP, dryRun=false)
 * takes under 10 s. Timed from the start of the upload to the parsed answer. Three imports in turn
 * into the demo court: 10,000 new people, the same file again (all unchanged), and a file that
 * changes every row (all updated).
 *
 *   node --import tsx bench/import.bench.ts            (BENCH_DATABASE_URL adds PostgreSQL)
 */
import { getMemberPage, importRoster, login, type TimedImport } from './api-client.ts';
import { BENCH_PASSWORD, createDatabase, prepareCourt, type DatabaseKind } from './databases.ts';
import { round } from './latency.ts';
import { isMainModule } from './paths.ts';
import { startQizhi, waitForStartupBackup } from './qizhi-server.ts';
import { summaryTable } from './report.ts';
import { buildRosterFile, rosterPeople, withChangedPositions } from './roster-file.ts';
import { target, type BenchReport, type TargetResult } from './targets.ts';

export interface ImportBenchOptions {
  rows: number;
  adminUrl: string | undefined;
}

const LIMIT_S = 10;
const DEMO_PEOPLE = 90;

type Expect = 'created' | 'unchanged' | 'updated';

function importTarget(kind: DatabaseKind, what: Expect, rows: number, timed: TimedImport): TargetResult {
  const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const r = timed.result;
  const counted = r ? r[what] : 0;
  const ok = timed.status === 200 && r !== undefined && counted === rows && r.errors.length === 0;
  const t = target({
    id: `import.${what}.${kind}`,
    target: `import ${String(rows)} rows (${what}), ${name}`,
    measured: round(timed.ms / 1000, 2),
    unit: 's',
    rule: 'below',
    limit: LIMIT_S,
    note: ok
      ? `created ${String(r.created)}, updated ${String(r.updated)}, unchanged ${String(r.unchanged)}`
      : `WRONG ANSWER: HTTP ${String(timed.status)} ${r ? `created ${String(r.created)} updated ${String(r.updated)} unchanged ${String(r.unchanged)} errors ${String(r.errors.length)}` : (timed.error ?? '')}`.slice(
          0,
          300,
        ),
  });
  return ok ? t : { ...t, pass: false };
}

async function benchOn(kind: DatabaseKind, opts: ImportBenchOptions, files: { fresh: Buffer; changed: Buffer }) {
  const bench = await createDatabase(kind, opts.adminUrl);
  try {
    await prepareCourt(bench, DEMO_PEOPLE);
    const server = await startQizhi(bench, 'import-server.log');
    try {
      await waitForStartupBackup(bench);
      const session = await login(server.url, 'clerk', BENCH_PASSWORD);
      const runs: [Expect, TimedImport][] = [];
      runs.push(['created', await importRoster(server.url, session, files.fresh, false)]);
      runs.push(['unchanged', await importRoster(server.url, session, files.fresh, false)]);
      runs.push(['updated', await importRoster(server.url, session, files.changed, false)]);
      const after = await getMemberPage(server.url, session, 'pageSize=1');
      const targets = runs.map(([what, timed]) => importTarget(kind, what, opts.rows, timed));
      if (after.total !== DEMO_PEOPLE + opts.rows) {
        const expected = DEMO_PEOPLE + opts.rows;
        targets.push({
          id: `import.total.${kind}`,
          target: `people in the court after the imports, ${kind}`,
          measured: after.total,
          unit: 'people',
          rule: 'atLeast',
          limit: expected,
          pass: false,
          note: `expected exactly ${String(expected)}`,
        });
      }
      return {
        targets,
        details: {
          database: await bench.version(),
          peopleAfter: after.total,
          imports: runs.map(([what, t]) => ({ what, ms: Math.round(t.ms), status: t.status })),
        },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await bench.dispose();
  }
}

export async function runImportBench(opts: ImportBenchOptions): Promise<BenchReport> {
  const t0 = performance.now();
  const people = rosterPeople(opts.rows);
  const files = { fresh: await buildRosterFile(people), changed: await buildRosterFile(withChangedPositions(people)) };
  const details: Record<string, unknown> = {
    rows: opts.rows,
    fileBytes: files.fresh.length,
    buildFilesMs: Math.round(performance.now() - t0),
  };
  const targets: TargetResult[] = [];
  const kinds: DatabaseKind[] = opts.adminUrl ? ['pglite', 'postgresql'] : ['pglite'];
  for (const kind of kinds) {
    const result = await benchOn(kind, opts, files);
    targets.push(...result.targets);
    details[kind] = result.details;
  }
  return { bench: 'import', targets, details };
}

if (isMainModule(import.meta.url)) {
  const report = await runImportBench({ rows: 10_000, adminUrl: process.env.BENCH_DATABASE_URL });
  process.stdout.write(`${summaryTable(report.targets)}\n\n${JSON.stringify(report.details, null, 2)}\n`);
}
