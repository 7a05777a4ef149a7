/** A target from the issue and what one run measured against it. */
export interface TargetResult {
  id: string;
  /** What is measured, in words. */
  target: string;
  /** Null when it could not be measured (which counts as a miss). */
  measured: number | null;
  unit: string;
  /** `below`: measured < limit passes; `atLeast`: measured ≥ limit passes. */
  rule: 'below' | 'atLeast';
  limit: number;
  pass: boolean;
  note?: string;
}

export interface BenchReport {
  bench: string;
  targets: TargetResult[];
  /** Everything else the bench measured, for the JSON file. */
  details: Record<string, unknown>;
}

export function target(t: Omit<TargetResult, 'pass'>): TargetResult {
  const pass =
    t.measured !== null &&
    Number.isFinite(t.measured) &&
    (t.rule === 'below' ? t.measured < t.limit : t.measured >= t.limit);
  return { ...t, pass };
}
