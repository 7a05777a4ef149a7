/**
 * A member's dues month by month, from their rows: what was due (computeMonthlyDues through
 * dueForMonth, the same rule as the preview), what was paid, and the arrears run.
 */
import { addMonthsToMonth, countArrearsMonths, dueForMonth, monthsBetween, type DuesRounding } from '@qizhi/domain';
import type { DuesBaseRow, DuesPaymentRow, DuesPerson, DuesReductionRow } from './dues.repo.ts';

/** How far back arrears are counted: beyond the 6-month line there is nothing more to flag. */
export const ARREARS_LOOKBACK_MONTHS = 24;

/** The month dues start: the month of admission as probationary member (unknown: any month with a base). */
export function memberFromOf(p: Pick<DuesPerson, 'status' | 'joinedOn'>): string | null {
  if (p.status !== 'probationary' && p.status !== 'full') return null;
  return p.joinedOn ? p.joinedOn.slice(0, 7) : '0000-01';
}

export interface PersonRows {
  bases: readonly DuesBaseRow[];
  reductions: readonly DuesReductionRow[];
  payments: readonly DuesPaymentRow[];
}

export interface DuesMonth {
  month: string;
  dueFen: number;
  paidFen: number;
  extraFen: number;
  reduced: boolean;
  hasBase: boolean;
  payment: DuesPaymentRow | undefined;
}

export function monthOf(memberFrom: string | null, rows: PersonRows, month: string, rounding: DuesRounding): DuesMonth {
  const due = dueForMonth(month, {
    memberFrom,
    bases: rows.bases.map((b) => ({ category: b.category, baseFen: b.baseFen, from: b.fromMonth })),
    reductions: rows.reductions.map((r) => ({ from: r.fromMonth, to: r.toMonth, amountFen: r.amountFen })),
    rounding,
  });
  const payment = rows.payments.find((p) => p.month === month);
  return {
    month,
    dueFen: due.dueFen,
    paidFen: payment?.amountFen ?? 0,
    extraFen: payment?.extraFen ?? 0,
    reduced: due.reduced,
    hasBase: due.hasBase,
    payment,
  };
}

/** Consecutive months in arrears ending with `month`. */
export function arrearsAt(memberFrom: string | null, rows: PersonRows, month: string, rounding: DuesRounding): number {
  if (memberFrom === null) return 0;
  const start = addMonthsToMonth(month, -(ARREARS_LOOKBACK_MONTHS - 1));
  const months = monthsBetween(start > memberFrom ? start : memberFrom, month);
  return countArrearsMonths(months.map((m) => monthOf(memberFrom, rows, m, rounding)));
}

/** The last month of the unbroken run of paid (or nothing due) months from the start: 党费交至. */
export function paidUpTo(memberFrom: string | null, rows: PersonRows, rounding: DuesRounding): string | null {
  const last = rows.payments.at(-1)?.month;
  if (memberFrom === null || !last) return null;
  const first = rows.payments[0]!.month;
  let upTo: string | null = null;
  for (const m of monthsBetween(first, last)) {
    const s = monthOf(memberFrom, rows, m, rounding);
    if (s.dueFen > 0 && s.paidFen < s.dueFen) break;
    upTo = m;
  }
  return upTo;
}

export function rowsFor(personId: string, all: PersonRows): PersonRows {
  return {
    bases: all.bases.filter((b) => b.personId === personId),
    reductions: all.reductions.filter((r) => r.personId === personId),
    payments: all.payments.filter((p) => p.personId === personId),
  };
}
