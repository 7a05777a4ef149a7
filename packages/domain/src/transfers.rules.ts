/**
 * 组织关系转接 (membership transfers). rules.md, "Organisation-relation transfer": a member away for
 * 6 months or more at a fixed place transfers formally; the letter (介绍信) records the month dues are
 * paid up to; it is valid for a stated period (typically up to 3 months); the sending unit remains
 * responsible until the receipt slip (回执) returns.
 */
import { addMonthsClamped, chineseDate } from './development.rules.ts';
import { daysBetween } from './org.rules.ts';

export const TRANSFER_DIRECTIONS = ['out', 'in'] as const;
export type TransferDirection = (typeof TRANSFER_DIRECTIONS)[number];
export const TRANSFER_DIRECTION_LABELS: Record<TransferDirection, string> = { out: '转出', in: '转入' };

/** Where a letter stands: its receipt returned, still within its validity, or past it without one. */
export const RECEIPT_STATUSES = ['awaiting', 'overdue', 'returned', 'received'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
export const RECEIPT_STATUS_LABELS: Record<ReceiptStatus, string> = {
  awaiting: '待回执',
  overdue: '逾期未回执',
  returned: '回执已返回',
  received: '已接收',
};

/** rules.md: "valid for a stated period (typically up to 3 months)" — the longest a letter may state. */
export const MAX_LETTER_VALIDITY_MONTHS = 3;
export const DEFAULT_LETTER_VALIDITY_MONTHS = 3;

/**
 * The last day a letter issued on `issuedOn` is valid for `months` months. rules.md gives the period
 * but not how it is counted, so the civil rule on periods applies (《民法典》第二百零一条、第二百零二条):
 * the day of issue is not counted, and a period in months ends on the corresponding day of the last
 * month, or on that month's last day when it has no such day — 1月15日 + 3个月 → 4月15日;
 * 11月30日 + 3个月 → 次年2月28日 (2月29日 in a leap year); 8月31日 + 1个月 → 9月30日.
 */
export function letterValidUntil(issuedOn: string, months: number): string {
  return addMonthsClamped(issuedOn, months);
}

/** The validity as the letter's form states it (有效期 N 天): the days after the day of issue, through the last. */
export function letterValidityDays(issuedOn: string, validUntil: string): number {
  return daysBetween(issuedOn, validUntil);
}

/**
 * Where an outgoing letter stands on `today`. The receipt is outstanding through the last valid day;
 * from the day after, without a receipt, it is overdue (the sending unit is still responsible).
 * A transfer in has no receipt to wait for: it is received.
 */
export function receiptStatusOf(t: {
  direction: TransferDirection;
  validUntil: string | null;
  receiptOn: string | null;
  today: string;
}): ReceiptStatus {
  if (t.direction === 'in') return 'received';
  if (t.receiptOn !== null) return 'returned';
  if (t.validUntil !== null && t.today > t.validUntil) return 'overdue';
  return 'awaiting';
}

/** Days past the letter's validity without a receipt (0 while valid or once returned). */
export function receiptDaysOverdue(t: { validUntil: string | null; receiptOn: string | null; today: string }): number {
  if (t.receiptOn !== null || t.validUntil === null || t.today <= t.validUntil) return 0;
  return daysBetween(t.validUntil, t.today);
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** Why a letter cannot be issued on that day: not in the future (it is recorded when issued), valid 1–3 months. */
export function letterProblem(c: { issuedOn: string; validMonths: number; today: string }): FieldProblem | null {
  if (c.issuedOn > c.today) return { path: 'issuedOn', message: '开具日期不能晚于今天' };
  if (!Number.isInteger(c.validMonths) || c.validMonths < 1 || c.validMonths > MAX_LETTER_VALIDITY_MONTHS)
    return { path: 'validMonths', message: `介绍信有效期为1至${String(MAX_LETTER_VALIDITY_MONTHS)}个月` };
  return null;
}

/** Why the returned receipt cannot be recorded with that date: not before the letter, not in the future. */
export function receiptProblem(c: { issuedOn: string; receiptOn: string; today: string }): FieldProblem | null {
  if (c.receiptOn < c.issuedOn)
    return { path: 'receiptOn', message: `回执日期不能早于介绍信开具日期（${chineseDate(c.issuedOn)}）` };
  if (c.receiptOn > c.today) return { path: 'receiptOn', message: '回执日期不能晚于今天' };
  return null;
}

/**
 * Why an incoming letter cannot be accepted: received before it was written, in the future, or after
 * its stated validity (an expired letter is void; the member obtains a new one from the sending unit).
 */
export function incomingLetterProblem(c: {
  issuedOn: string;
  validUntil: string | null;
  receivedOn: string;
  today: string;
}): (FieldProblem & { expired?: true }) | null {
  if (c.receivedOn > c.today) return { path: 'receivedOn', message: '接收日期不能晚于今天' };
  if (c.receivedOn < c.issuedOn) return { path: 'receivedOn', message: '接收日期不能早于介绍信开具日期' };
  if (c.validUntil !== null && c.validUntil < c.issuedOn)
    return { path: 'validUntil', message: '有效期截止日不能早于开具日期' };
  if (c.validUntil !== null && c.receivedOn > c.validUntil)
    return {
      path: 'receivedOn',
      message: `介绍信已于${chineseDate(c.validUntil)}过期，请转出单位重新开具`,
      expired: true,
    };
  return null;
}

/**
 * Dues before the letter: rules.md only says the letter records the month dues are paid up to. A
 * member with arrears in the month of issue (months due and unpaid, counted by the dues module's
 * rule) is flagged so the officer collects them first or issues the letter knowingly.
 */
export function duesFlagForTransfer(d: { arrearsMonths: number; paidUpTo: string | null }): string | null {
  if (d.arrearsMonths <= 0) return null;
  const upTo = d.paidUpTo
    ? `党费交至${d.paidUpTo.slice(0, 4)}年${String(Number(d.paidUpTo.slice(5, 7)))}月`
    : '尚无交纳记录';
  return `该党员${upTo}，已欠缴${String(d.arrearsMonths)}个月，请先补交；确需开具的，请确认后再开具`;
}

/** 介绍信编号 when the officer leaves it blank: the year and a running number (2026-007). */
export function nextLetterNo(year: string, issuedThisYear: number): string {
  return `${year}-${String(issuedThisYear + 1).padStart(3, '0')}`;
}

/** 党费交至 as the letter reads it: 2026年11月 (none: 无交纳记录). */
export function paidUpToLabel(month: string | null): string {
  if (!month) return '无交纳记录';
  return `${month.slice(0, 4)}年${String(Number(month.slice(5, 7)))}月`;
}
