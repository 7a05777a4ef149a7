/**
 * A member's dues as another module needs them (the transfer letter's 党费交至 and the arrears flag
 * before it is issued): computed by the same rows and rule as the dues sheet, no permission check —
 * the caller has checked its own.
 */
import type { Db } from '../../platform/db.ts';
import { DEFAULT_DUES_ROUNDING } from '@qizhi/domain';
import { arrearsAt, memberFromOf, paidUpTo } from './dues-months.ts';
import * as repo from './dues.repo.ts';

export interface DuesStanding {
  /** 'YYYY-MM': the last month of the unbroken run of paid months; null without payments. */
  paidUpTo: string | null;
  /** Consecutive months due and unpaid ending with `month`. */
  arrearsMonths: number;
}

export async function duesStandingOf(db: Db, tenantId: string, personId: string, month: string): Promise<DuesStanding> {
  const person = await repo.findPerson(db, tenantId, personId);
  if (!person) return { paidUpTo: null, arrearsMonths: 0 };
  const [bases, reductions, payments, rounding] = await Promise.all([
    repo.findBases(db, tenantId, [personId]),
    repo.findReductions(db, tenantId, [personId]),
    repo.findPayments(db, tenantId, [personId]),
    repo.readRounding(db, tenantId),
  ]);
  const rows = { bases, reductions, payments };
  const from = memberFromOf(person);
  const r = rounding ?? DEFAULT_DUES_ROUNDING;
  return { paidUpTo: paidUpTo(from, rows, r), arrearsMonths: arrearsAt(from, rows, month, r) };
}
