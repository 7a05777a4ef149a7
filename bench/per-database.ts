/**
 * The frame the scenario benches share: each scenario on PGlite, and on PostgreSQL when an admin URL
 * is given, collected into one report; and running a bench file on its own.
 */
import type { DatabaseKind } from './databases.ts';
import { summaryTable } from './report.ts';
import type { BenchReport, TargetResult } from './targets.ts';

export interface ScenarioOutcome {
  /** One target, or several measured in the same run. */
  target: TargetResult | TargetResult[];
  details: unknown;
}

export async function runOnEachDatabase(
  bench: string,
  opts: { adminUrl: string | undefined },
  scenarios: Record<string, (kind: DatabaseKind) => Promise<ScenarioOutcome>>,
  /** Scenarios that are measured on some databases only (e.g. a province runs on PostgreSQL). */
  only: Record<string, readonly DatabaseKind[]> = {},
): Promise<BenchReport> {
  const kinds: DatabaseKind[] = opts.adminUrl ? ['pglite', 'postgresql'] : ['pglite'];
  const targets: TargetResult[] = [];
  const details: Record<string, unknown> = { options: { ...opts, adminUrl: opts.adminUrl ? '(set)' : undefined } };
  for (const kind of kinds) {
    const perKind: Record<string, unknown> = {};
    for (const [name, run] of Object.entries(scenarios)) {
      if (only[name] && !only[name].includes(kind)) continue;
      const outcome = await run(kind);
      targets.push(...[outcome.target].flat());
      perKind[name] = outcome.details;
    }
    details[kind] = perKind;
  }
  return { bench, targets, details };
}

export function printReport(report: BenchReport): void {
  process.stdout.write(`${summaryTable(report.targets)}\n\n${JSON.stringify(report.details, null, 2)}\n`);
}
