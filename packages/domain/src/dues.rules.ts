/**
 * 党费 (party dues) by 中组部《关于中国共产党党费收缴、使用和管理的规定》(2008). Money is integer fen
 * everywhere (a base of 5000.01 yuan is 500001 fen); yuan strings with two decimals at the edges.
 *
 * Choices where the regulation leaves room (documented in the issue 14 report):
 * - The rate applies to the whole base (not bracket by bracket); a bracket's upper edge belongs to it
 *   (3000.00 → 0.5 %, 3000.01 → 1 %; retired 5000.00 → 0.5 %, 5000.01 → 1 %).
 * - The fixed categories (students, unemployed, minimum living allowance) pay 0.20 yuan a month
 *   whatever base is given; their rate is reported as `null`.
 * - Rounding of the fen is a court setting: `half_up` (default), `down` (truncate) or `up`.
 * - "Arrears" are the consecutive months, ending with the month looked at, whose due is not fully
 *   paid; a month with nothing due (exempted, before admission, no base) ends the run. The 6-month
 *   line of 党章 art. 9 is flagged early at 3 and 5 months.
 * - One payment covers at most 6 months (paying ahead or catching up).
 */

export const DUES_CATEGORIES = ['in_service', 'retired', 'fixed'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];
export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  in_service: '在职党员（月工资收入）',
  retired: '离退休党员（月养老金）',
  fixed: '学生、失业、享受最低生活保障的党员（每月0.2元）',
};

export const DUES_ROUNDINGS = ['half_up', 'down', 'up'] as const;
export type DuesRounding = (typeof DUES_ROUNDINGS)[number];
export const DUES_ROUNDING_LABELS: Record<DuesRounding, string> = {
  half_up: '四舍五入到分',
  down: '舍去分以下',
  up: '分以下进一',
};
export const DEFAULT_DUES_ROUNDING: DuesRounding = 'half_up';

export const DUES_CHANNELS = ['cash', 'transfer', 'wechat', 'alipay', 'payroll', 'other'] as const;
export type DuesChannel = (typeof DUES_CHANNELS)[number];
export const DUES_CHANNEL_LABELS: Record<DuesChannel, string> = {
  cash: '现金',
  transfer: '银行转账',
  wechat: '微信',
  alipay: '支付宝',
  payroll: '工资代扣',
  other: '其他',
};

/** Fixed monthly amount of the fixed categories, in fen. */
export const FIXED_MONTHLY_FEN = 20;
/** The most months one payment may cover, ahead or behind (rules.md: generally at most 6). */
export const MAX_MONTHS_PER_PAYMENT = 6;
/** Arrears flags: early warnings before the 6-month line (党章 art. 9). */
export const ARREARS_WARN_MONTHS = 3;
export const ARREARS_SERIOUS_MONTHS = 5;
export const ARREARS_LINE_MONTHS = 6;
/** The largest base accepted (yuan): a typing slip, not a salary. */
export const MAX_BASE_FEN = 100_000_000;

/** Rates as thousandths of the base (5 = 0.5 %), each bracket with its inclusive upper edge in fen. */
const IN_SERVICE_BRACKETS: readonly { upToFen: number; permille: number }[] = [
  { upToFen: 300_000, permille: 5 },
  { upToFen: 500_000, permille: 10 },
  { upToFen: 1_000_000, permille: 15 },
  { upToFen: Number.POSITIVE_INFINITY, permille: 20 },
];
const RETIRED_BRACKETS: readonly { upToFen: number; permille: number }[] = [
  { upToFen: 500_000, permille: 5 },
  { upToFen: Number.POSITIVE_INFINITY, permille: 10 },
];

/**
 * A yuan amount ("5000.01", 5000.01, "5000") as integer fen, or null when it is not a non-negative
 * amount with at most two decimals. Numbers go through their shortest decimal text, never multiplied.
 */
export function parseYuanToFen(value: string | number): number | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Integer fen as a yuan string with two decimals: 20 → "0.20". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${String(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** The rate (thousandths) of a base, or null for the fixed categories. */
export function duesPermille(category: DuesCategory, baseFen: number): number | null {
  if (category === 'fixed') return null;
  const brackets = category === 'retired' ? RETIRED_BRACKETS : IN_SERVICE_BRACKETS;
  return brackets.find((b) => baseFen <= b.upToFen)!.permille;
}

function roundThousandths(numerator: number, rounding: DuesRounding): number {
  // numerator is fen × 1000; all integers far below 2^53.
  const whole = Math.floor(numerator / 1000);
  const rest = numerator % 1000;
  if (rest === 0) return whole;
  if (rounding === 'down') return whole;
  if (rounding === 'up') return whole + 1;
  return rest >= 500 ? whole + 1 : whole;
}

export interface MonthlyDues {
  /** The rate as a fraction (0.015), null for the fixed categories. */
  rate: number | null;
  /** The rate as people write it: "1.5%", or "定额". */
  rateLabel: string;
  amountFen: number;
}

/** `computeMonthlyDues`: the month's dues of one base; the same rule computes preview and every sheet. */
export function computeMonthlyDues(
  category: DuesCategory,
  baseFen: number,
  rounding: DuesRounding = DEFAULT_DUES_ROUNDING,
): MonthlyDues {
  const permille = duesPermille(category, baseFen);
  if (permille === null) return { rate: null, rateLabel: '定额', amountFen: FIXED_MONTHLY_FEN };
  return {
    rate: permille / 1000,
    rateLabel: `${String(permille / 10)}%`,
    amountFen: roundThousandths(baseFen * permille, rounding),
  };
}

/** `YYYY-MM` arithmetic: the month `n` months after (or before) `month`. */
export function addMonthsToMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to` inclusive (empty when `to` is before `from`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonthsToMonth(m, 1)) out.push(m);
  return out;
}

export type ArrearsLevel = 'none' | 'warning' | 'serious' | 'line';
export const ARREARS_LEVEL_LABELS: Record<ArrearsLevel, string> = {
  none: '',
  warning: '连续3个月未交党费',
  serious: '连续5个月未交党费，即将满6个月',
  line: '连续6个月以上未交党费（党章第九条，按自行脱党处理须支部审查）',
};

export function arrearsLevelOf(months: number): ArrearsLevel {
  if (months >= ARREARS_LINE_MONTHS) return 'line';
  if (months >= ARREARS_SERIOUS_MONTHS) return 'serious';
  if (months >= ARREARS_WARN_MONTHS) return 'warning';
  return 'none';
}

/**
 * Consecutive months in arrears ending with the last month given: `months` oldest first, each with
 * what was due and what was paid (fen). A month with nothing due ends the run.
 */
export function countArrearsMonths(months: readonly { dueFen: number; paidFen: number }[]): number {
  let run = 0;
  for (let i = months.length - 1; i >= 0; i--) {
    const m = months[i]!;
    if (m.dueFen > 0 && m.paidFen < m.dueFen) run++;
    else break;
  }
  return run;
}

/** A month of a member's dues: the base in force that month (latest `from` ≤ month), reduced if decided so. */
export interface DuesBaseEntry {
  category: DuesCategory;
  baseFen: number;
  /** `YYYY-MM`: the month the pay changed. */
  from: string;
}
export interface DuesReductionEntry {
  from: string;
  /** Inclusive; null: until revoked. */
  to: string | null;
  /** The month's amount after the decision, in fen (0 = exempt). */
  amountFen: number;
}

/**
 * What a member owes for a month: nothing before the month of admission as probationary member or
 * before any base; otherwise the base's dues, or the reduced amount a branch decision sets.
 */
export function dueForMonth(
  month: string,
  input: {
    /** `YYYY-MM` of admission (预备党员 from the month admitted), or null if not a member. */
    memberFrom: string | null;
    bases: readonly DuesBaseEntry[];
    reductions: readonly DuesReductionEntry[];
    rounding: DuesRounding;
  },
): { dueFen: number; standardFen: number; reduced: boolean; hasBase: boolean } {
  if (input.memberFrom === null || month < input.memberFrom)
    return { dueFen: 0, standardFen: 0, reduced: false, hasBase: false };
  let base: DuesBaseEntry | undefined;
  for (const b of input.bases) if (b.from <= month && (!base || b.from >= base.from)) base = b;
  if (!base) return { dueFen: 0, standardFen: 0, reduced: false, hasBase: false };
  const standardFen = computeMonthlyDues(base.category, base.baseFen, input.rounding).amountFen;
  const reduction = input.reductions.find((r) => r.from <= month && (r.to === null || month <= r.to));
  if (reduction && reduction.amountFen < standardFen)
    return { dueFen: reduction.amountFen, standardFen, reduced: true, hasBase: true };
  return { dueFen: standardFen, standardFen, reduced: false, hasBase: true };
}

/** Masked base for readers who are not the dues officer: the bracket, never the figure. */
export function maskDuesBase(category: DuesCategory, baseFen: number): string {
  if (category === 'fixed') return '定额';
  const permille = duesPermille(category, baseFen)!;
  return `***（适用${String(permille / 10)}%）`;
}
