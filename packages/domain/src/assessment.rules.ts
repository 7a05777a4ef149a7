/**
 * 定期考核 (periodic assessment, quarterly by default) and 比学赶超 points. Periods are written
 * `2026-Q3`; quarters are calendar quarters in Asia/Shanghai.
 */
export const ASSESSMENT_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];
export const ASSESSMENT_GRADE_LABELS: Record<AssessmentGrade, string> = {
  excellent: '优秀',
  good: '良好',
  fair: '一般',
  poor: '较差',
};

export const ASSESSMENT_PERIOD_PATTERN = /^(\d{4})-Q([1-4])$/;

export interface AssessmentPeriod {
  code: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  startsOn: string;
  endsOn: string;
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;
const QUARTER_STARTS = ['01-01', '04-01', '07-01', '10-01'] as const;

/** `2026-Q3` → its first and last day; null when the text is not a period. */
export function parseAssessmentPeriod(code: string): AssessmentPeriod | null {
  const m = ASSESSMENT_PERIOD_PATTERN.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const quarter = Number(m[2]) as 1 | 2 | 3 | 4;
  return {
    code,
    year,
    quarter,
    startsOn: `${String(year)}-${QUARTER_STARTS[quarter - 1]}`,
    endsOn: `${String(year)}-${QUARTER_ENDS[quarter - 1]}`,
  };
}

/** The quarter a day falls in: 2026-08-15 → 2026-Q3. */
export function assessmentPeriodOf(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return `${String(y)}-Q${String(Math.floor((m - 1) / 3) + 1)}`;
}

/** The quarter before: 2026-Q1 → 2025-Q4. */
export function previousAssessmentPeriod(code: string): string {
  const p = parseAssessmentPeriod(code);
  if (!p) throw new Error(`not a period: ${code}`);
  return p.quarter === 1 ? `${String(p.year - 1)}-Q4` : `${String(p.year)}-Q${String(p.quarter - 1)}`;
}

/**
 * The grade the completion suggests; the assessor decides. Bands: ≥ 90% 优秀, ≥ 75% 良好, ≥ 60%
 * 一般, below 较差. Without goals there is nothing to suggest.
 */
export function suggestGrade(completion: number | null): AssessmentGrade | null {
  if (completion === null) return null;
  if (completion >= 0.9) return 'excellent';
  if (completion >= 0.75) return 'good';
  if (completion >= 0.6) return 'fair';
  return 'poor';
}

export const HONOUR_LEVELS = ['county', 'city', 'province', 'national'] as const;
export type HonourLevel = (typeof HONOUR_LEVELS)[number];
export const HONOUR_LEVEL_LABELS: Record<HonourLevel, string> = {
  county: '县级',
  city: '市级',
  province: '省级',
  national: '国家级',
};

/**
 * 比学赶超 points, out of 100 (an option each court turns on; off by default because the 2023
 * guidance against formalism discourages points rankings):
 * - goal completion (0–1) × 60, plus meeting attendance rate (0–1) × 20 when attendance records
 *   exist; without them goal completion counts × 80;
 * - the year's individual honours: county 5, city 10, province 15, national 20 each, at most 20.
 * Rounded to one decimal.
 */
export const POINTS_HONOUR_VALUE: Record<HonourLevel, number> = { county: 5, city: 10, province: 15, national: 20 };
export const POINTS_HONOUR_CAP = 20;

export interface PointsInput {
  /** Goal completion 0–1; null (no goals) counts 0. */
  completion: number | null;
  /** Attendance rate 0–1, or null when no meeting records exist. */
  attendance: number | null;
  honourLevels: readonly HonourLevel[];
}

export interface PointsBreakdown {
  goals: number;
  attendance: number | null;
  honours: number;
  total: number;
}

const oneDecimal = (x: number): number => Math.round(x * 10) / 10;
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

export function computePoints(input: PointsInput): PointsBreakdown {
  const completion = clamp01(input.completion ?? 0);
  const goals = oneDecimal(completion * (input.attendance === null ? 80 : 60));
  const attendance = input.attendance === null ? null : oneDecimal(clamp01(input.attendance) * 20);
  const honours = Math.min(
    POINTS_HONOUR_CAP,
    input.honourLevels.reduce((sum, level) => sum + POINTS_HONOUR_VALUE[level], 0),
  );
  return { goals, attendance, honours, total: oneDecimal(goals + (attendance ?? 0) + honours) };
}

/** Standard competition ranking (1, 2, 2, 4) by descending score. */
export function rankByScore<T>(items: readonly T[], scoreOf: (item: T) => number): { item: T; rank: number }[] {
  const sorted = [...items].sort((a, b) => scoreOf(b) - scoreOf(a));
  const ranked: { item: T; rank: number }[] = [];
  sorted.forEach((item, i) => {
    const prev = ranked[i - 1];
    const rank = prev && scoreOf(prev.item) === scoreOf(item) ? prev.rank : i + 1;
    ranked.push({ item, rank });
  });
  return ranked;
}
