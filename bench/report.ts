/** The summary table on the terminal and the JSON file in bench/results. */
import fs from 'node:fs';
import path from 'node:path';
import type { MachineInfo } from './machine.ts';
import { RESULTS_DIR } from './paths.ts';
import type { BenchReport, TargetResult } from './targets.ts';

function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function summaryTable(targets: readonly TargetResult[]): string {
  const rows = targets.map((t) => [
    t.pass ? 'PASS' : 'FAIL',
    t.target,
    `${formatNumber(t.measured)} ${t.unit}`,
    `${t.rule === 'below' ? '<' : '≥'} ${formatNumber(t.limit)} ${t.unit}`,
    t.note ?? '',
  ]);
  const header = ['', 'target', 'measured', 'limit', 'note'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export interface RunRecord {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  reports: BenchReport[];
  pass: boolean;
}

/** bench/results/<timestamp>.json; returns the path. */
export function writeRunRecord(record: RunRecord): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${record.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
