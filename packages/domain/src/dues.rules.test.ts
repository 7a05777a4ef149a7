import { describe, expect, it } from 'vitest';
import {
  addMonthsToMonth,
  arrearsLevelOf,
  computeMonthlyDues,
  countArrearsMonths,
  dueForMonth,
  formatFen,
  maskDuesBase,
  monthsBetween,
  parseYuanToFen,
  type DuesCategory,
  type DuesRounding,
} from './dues.rules.ts';

function yuan(category: DuesCategory, base: string, rounding?: DuesRounding) {
  const r = computeMonthlyDues(category, parseYuanToFen(base)!, rounding);
  return { rate: r.rate, amount: formatFen(r.amountFen) };
}

describe('parseYuanToFen / formatFen', () => {
  it.each([
    ['0', 0],
    ['3000', 300_000],
    ['3000.0', 300_000],
    ['3000.01', 300_001],
    ['5000.1', 500_010],
    [' 10000.01 ', 1_000_001],
  ])('%s yuan is %d fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });
  it('reads numbers through their decimal text, so 3000.01 is not 300000.99999', () => {
    expect(parseYuanToFen(3000.01)).toBe(300_001);
    expect(parseYuanToFen(0.1 + 0.2)).toBeNull(); // 0.30000000000000004: more than two decimals
    expect(parseYuanToFen(10000.01)).toBe(1_000_001);
  });
  it.each(['-1', '1.234', 'abc', '', '1e5', '1,000', '.5', '1.'])('refuses %j', (text) => {
    expect(parseYuanToFen(text)).toBeNull();
  });
  it('refuses non-finite numbers', () => {
    expect(parseYuanToFen(Number.NaN)).toBeNull();
    expect(parseYuanToFen(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseYuanToFen(-5)).toBeNull();
  });
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [20, '0.20'],
    [1500, '15.00'],
    [123456, '1234.56'],
  ])('%d fen reads %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});

describe('in-service brackets (the whole base at one rate)', () => {
  it.each([
    ['0', 0.005, '0.00'],
    ['0.01', 0.005, '0.00'],
    ['1000', 0.005, '5.00'],
    ['2999.99', 0.005, '15.00'],
    ['3000', 0.005, '15.00'],
    ['3000.01', 0.01, '30.00'],
    ['4000', 0.01, '40.00'],
    ['5000', 0.01, '50.00'],
    ['5000.01', 0.015, '75.00'],
    ['8000', 0.015, '120.00'],
    ['10000', 0.015, '150.00'],
    ['10000.01', 0.02, '200.00'],
    ['12345.67', 0.02, '246.91'],
    ['20000', 0.02, '400.00'],
  ])('base %s → rate %d, %s yuan', (base, rate, amount) => {
    expect(yuan('in_service', base)).toEqual({ rate, amount });
  });
});

describe('retired members', () => {
  it.each([
    ['3000', 0.005, '15.00'],
    ['3000.01', 0.005, '15.00'],
    ['4999.99', 0.005, '25.00'],
    ['5000', 0.005, '25.00'],
    ['5000.01', 0.01, '50.00'],
    ['10000.01', 0.01, '100.00'],
  ])('pension %s → rate %d, %s yuan', (base, rate, amount) => {
    expect(yuan('retired', base)).toEqual({ rate, amount });
  });
});

describe('fixed categories', () => {
  it.each(['0', '800', '5000.01', '20000'])('pay 0.20 yuan whatever the base (%s)', (base) => {
    expect(yuan('fixed', base)).toEqual({ rate: null, amount: '0.20' });
    expect(computeMonthlyDues('fixed', parseYuanToFen(base)!).rateLabel).toBe('定额');
  });
});

describe('rounding setting', () => {
  // 4321.50 × 1% = 43.215; 1234.56 × 0.5% = 6.1728; 2999.90 × 0.5% = 14.9995; 5000.10 × 1.5% = 75.0015
  it.each([
    ['in_service', '4321.50', 'half_up', '43.22'],
    ['in_service', '4321.50', 'down', '43.21'],
    ['in_service', '4321.50', 'up', '43.22'],
    ['in_service', '1234.56', 'half_up', '6.17'],
    ['in_service', '1234.56', 'down', '6.17'],
    ['in_service', '1234.56', 'up', '6.18'],
    ['in_service', '2999.90', 'half_up', '15.00'],
    ['in_service', '2999.90', 'down', '14.99'],
    ['in_service', '5000.10', 'half_up', '75.00'],
    ['in_service', '5000.10', 'up', '75.01'],
    ['in_service', '3000.01', 'up', '30.01'],
    ['in_service', '3000.01', 'half_up', '30.00'],
    ['retired', '5000.01', 'up', '50.01'],
    ['in_service', '4000', 'up', '40.00'],
  ] as const)('%s %s rounded %s → %s', (category, base, rounding, amount) => {
    expect(yuan(category, base, rounding).amount).toBe(amount);
  });
  it('defaults to half up', () => {
    expect(yuan('in_service', '4321.50').amount).toBe('43.22');
  });
  it('fixed categories are not rounded', () => {
    expect(yuan('fixed', '4321.50', 'up').amount).toBe('0.20');
  });
});

describe('months', () => {
  it('adds across year ends', () => {
    expect(addMonthsToMonth('2025-12', 1)).toBe('2026-01');
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12');
    expect(addMonthsToMonth('2026-03', 6)).toBe('2026-09');
    expect(addMonthsToMonth('2026-07', 6)).toBe('2027-01');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
  });
});

describe('arrears', () => {
  const m = (dueFen: number, paidFen: number) => ({ dueFen, paidFen });
  it('counts the consecutive unpaid months ending now', () => {
    expect(countArrearsMonths([])).toBe(0);
    expect(countArrearsMonths([m(100, 100)])).toBe(0);
    expect(countArrearsMonths([m(100, 0)])).toBe(1);
    expect(countArrearsMonths([m(100, 0), m(100, 100), m(100, 0), m(100, 50)])).toBe(2);
    expect(countArrearsMonths([m(100, 0), m(0, 0), m(100, 0)])).toBe(1);
    expect(countArrearsMonths(Array.from({ length: 7 }, () => m(100, 0)))).toBe(7);
  });
  it('flags at 3 and 5 months and the 6-month line', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(arrearsLevelOf)).toEqual([
      'none',
      'none',
      'none',
      'warning',
      'warning',
      'serious',
      'line',
      'line',
    ]);
  });
});

describe('a month’s due', () => {
  const bases = [
    { category: 'in_service' as const, baseFen: 400_000, from: '2026-01' },
    { category: 'in_service' as const, baseFen: 600_000, from: '2026-05' },
  ];
  const base = { memberFrom: '2025-06', bases, reductions: [], rounding: 'half_up' as const };
  it('uses the base in force, a new base from the month pay changed', () => {
    expect(dueForMonth('2026-04', base).dueFen).toBe(4000);
    expect(dueForMonth('2026-05', base).dueFen).toBe(9000);
    expect(dueForMonth('2025-12', base)).toMatchObject({ dueFen: 0, hasBase: false });
  });
  it('owes nothing before admission (probationary members from the month admitted)', () => {
    expect(dueForMonth('2026-02', { ...base, memberFrom: '2026-03' }).dueFen).toBe(0);
    expect(dueForMonth('2026-03', { ...base, memberFrom: '2026-03' }).dueFen).toBe(4000);
    expect(dueForMonth('2026-03', { ...base, memberFrom: null }).dueFen).toBe(0);
  });
  it('applies a branch decision’s reduction or exemption within its months', () => {
    const reductions = [{ from: '2026-02', to: '2026-03', amountFen: 0 }];
    expect(dueForMonth('2026-01', { ...base, reductions })).toMatchObject({ dueFen: 4000, reduced: false });
    expect(dueForMonth('2026-02', { ...base, reductions })).toMatchObject({
      dueFen: 0,
      standardFen: 4000,
      reduced: true,
    });
    expect(dueForMonth('2026-04', { ...base, reductions }).dueFen).toBe(4000);
    const open = [{ from: '2026-04', to: null, amountFen: 1000 }];
    expect(dueForMonth('2026-12', { ...base, reductions: open }).dueFen).toBe(1000);
  });
});

describe('masking', () => {
  it('shows the bracket, never the figure', () => {
    expect(maskDuesBase('in_service', 600_000)).toBe('***（适用1.5%）');
    expect(maskDuesBase('fixed', 0)).toBe('定额');
    expect(maskDuesBase('retired', 500_000)).not.toContain('5000');
  });
});
