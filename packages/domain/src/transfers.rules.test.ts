import { describe, expect, it } from 'vitest';
import {
  duesFlagForTransfer,
  incomingLetterProblem,
  letterProblem,
  letterValidityDays,
  letterValidUntil,
  nextLetterNo,
  paidUpToLabel,
  receiptDaysOverdue,
  receiptProblem,
  receiptStatusOf,
} from './transfers.rules.ts';

describe('letterValidUntil: the corresponding day, or the month’s last (民法典 202)', () => {
  it.each([
    ['2026-01-15', 3, '2026-04-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2027-11-29', 3, '2028-02-29'],
    ['2026-11-28', 3, '2027-02-28'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-08-31', 2, '2026-10-31'],
    ['2026-10-31', 2, '2026-12-31'],
    ['2026-10-31', 3, '2027-01-31'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2028-02-29', 1, '2028-03-29'],
    ['2028-02-29', 3, '2028-05-29'],
    ['2026-12-01', 1, '2027-01-01'],
  ])('%s + %i months → %s', (issuedOn, months, until) => {
    expect(letterValidUntil(issuedOn, months)).toBe(until);
  });
  it('states the period in days after the day of issue', () => {
    expect(letterValidityDays('2026-01-15', '2026-04-15')).toBe(90);
    expect(letterValidityDays('2027-11-30', '2028-02-29')).toBe(91);
    expect(letterValidityDays('2026-11-30', '2027-02-28')).toBe(90);
    expect(letterValidityDays('2026-03-01', letterValidUntil('2026-03-01', 1))).toBe(31);
    // Across the change to summer time in no zone: plain calendar days.
    expect(letterValidityDays('2026-03-28', '2026-04-28')).toBe(31);
  });
});

describe('receipts', () => {
  const out = { direction: 'out' as const, validUntil: '2027-02-28', receiptOn: null };
  it('is awaited through the last valid day and overdue from the next', () => {
    expect(receiptStatusOf({ ...out, today: '2027-02-28' })).toBe('awaiting');
    expect(receiptStatusOf({ ...out, today: '2027-03-01' })).toBe('overdue');
    expect(receiptDaysOverdue({ ...out, today: '2027-02-28' })).toBe(0);
    expect(receiptDaysOverdue({ ...out, today: '2027-03-01' })).toBe(1);
    expect(receiptDaysOverdue({ ...out, today: '2027-03-31' })).toBe(31);
  });
  it('in a leap year the 29th is still valid', () => {
    const leap = { ...out, validUntil: letterValidUntil('2027-11-30', 3) };
    expect(receiptStatusOf({ ...leap, today: '2028-02-29' })).toBe('awaiting');
    expect(receiptStatusOf({ ...leap, today: '2028-03-01' })).toBe('overdue');
  });
  it('a returned receipt is never overdue, a transfer in is received', () => {
    expect(receiptStatusOf({ ...out, receiptOn: '2027-04-01', today: '2027-05-01' })).toBe('returned');
    expect(receiptDaysOverdue({ ...out, receiptOn: '2027-04-01', today: '2027-05-01' })).toBe(0);
    expect(receiptStatusOf({ direction: 'in', validUntil: null, receiptOn: null, today: '2027-05-01' })).toBe(
      'received',
    );
  });
  it('the receipt is dated between the letter and today', () => {
    expect(receiptProblem({ issuedOn: '2026-11-30', receiptOn: '2026-11-29', today: '2026-12-01' })?.path).toBe(
      'receiptOn',
    );
    expect(receiptProblem({ issuedOn: '2026-11-30', receiptOn: '2026-11-30', today: '2026-12-01' })).toBeNull();
    expect(receiptProblem({ issuedOn: '2026-11-30', receiptOn: '2026-12-01', today: '2026-12-01' })).toBeNull();
    expect(receiptProblem({ issuedOn: '2026-11-30', receiptOn: '2026-12-02', today: '2026-12-01' })?.message).toMatch(
      /今天/,
    );
  });
});

describe('letters', () => {
  it('are issued today or earlier, for 1 to 3 months', () => {
    const today = '2026-12-01';
    expect(letterProblem({ issuedOn: today, validMonths: 3, today })).toBeNull();
    expect(letterProblem({ issuedOn: '2026-12-02', validMonths: 3, today })?.path).toBe('issuedOn');
    expect(letterProblem({ issuedOn: today, validMonths: 0, today })?.path).toBe('validMonths');
    expect(letterProblem({ issuedOn: today, validMonths: 4, today })?.path).toBe('validMonths');
    expect(letterProblem({ issuedOn: today, validMonths: 1, today })).toBeNull();
    expect(letterProblem({ issuedOn: today, validMonths: 1.5, today })?.path).toBe('validMonths');
  });
  it('an incoming letter is accepted through its last valid day, not after', () => {
    const base = { issuedOn: '2027-11-30', validUntil: '2028-02-29', today: '2028-03-05' };
    expect(incomingLetterProblem({ ...base, receivedOn: '2028-02-29' })).toBeNull();
    expect(incomingLetterProblem({ ...base, receivedOn: '2028-03-01' })).toMatchObject({ expired: true });
    expect(incomingLetterProblem({ ...base, receivedOn: '2027-11-29' })?.path).toBe('receivedOn');
    expect(incomingLetterProblem({ ...base, receivedOn: '2028-03-06' })?.message).toMatch(/今天/);
    expect(incomingLetterProblem({ ...base, validUntil: null, receivedOn: '2028-03-05' })).toBeNull();
    expect(incomingLetterProblem({ ...base, validUntil: '2027-11-29', receivedOn: '2027-11-30' })?.path).toBe(
      'validUntil',
    );
  });
  it('numbers run by year', () => {
    expect(nextLetterNo('2026', 0)).toBe('2026-001');
    expect(nextLetterNo('2026', 41)).toBe('2026-042');
    expect(nextLetterNo('2026', 999)).toBe('2026-1000');
  });
});

describe('dues on the letter', () => {
  it('flags arrears, not a member paid up', () => {
    expect(duesFlagForTransfer({ arrearsMonths: 0, paidUpTo: '2026-12' })).toBeNull();
    expect(duesFlagForTransfer({ arrearsMonths: 0, paidUpTo: null })).toBeNull();
    expect(duesFlagForTransfer({ arrearsMonths: 2, paidUpTo: '2026-10' })).toBe(
      '该党员党费交至2026年10月，已欠缴2个月，请先补交；确需开具的，请确认后再开具',
    );
    expect(duesFlagForTransfer({ arrearsMonths: 1, paidUpTo: null })).toMatch(/尚无交纳记录/);
  });
  it('reads the month as the letter prints it', () => {
    expect(paidUpToLabel('2026-01')).toBe('2026年1月');
    expect(paidUpToLabel('2026-12')).toBe('2026年12月');
    expect(paidUpToLabel(null)).toBe('无交纳记录');
  });
});
