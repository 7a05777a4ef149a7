import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  addYearsClamped,
  checkExtension,
  checkStep,
  DEVELOPMENT_STEPS,
  nextStepOf,
  probationEndsOn,
  stageOfStep,
  trainingSufficient,
  type DevelopmentState,
} from './development.rules.ts';

function state(steps: Record<number, string>, extra: Partial<DevelopmentState> = {}): DevelopmentState {
  return {
    birthDate: null,
    steps: new Map(Object.entries(steps).map(([k, v]) => [Number(k), v])),
    assessments: [],
    extensionMonths: null,
    ...extra,
  };
}
/** Steps 1..n recorded on the given dates (later steps default to the last date given). */
function upTo(n: number, dates: Record<number, string>): Record<number, string> {
  const out: Record<number, string> = {};
  let last = dates[1] ?? '2024-01-02';
  for (let i = 1; i <= n; i++) {
    last = dates[i] ?? last;
    out[i] = last;
  }
  return out;
}

describe('the 25 steps in 5 stages', () => {
  it('numbers 1–25 and groups them by stage', () => {
    expect(DEVELOPMENT_STEPS.map((s) => s.step)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect([1, 2, 3, 6, 7, 11, 12, 18, 19, 25].map(stageOfStep)).toEqual([
      'application',
      'application',
      'activist',
      'activist',
      'candidate',
      'candidate',
      'probationary',
      'probationary',
      'conversion',
      'conversion',
    ]);
  });
});

describe('date arithmetic (民法典 art. 202: no corresponding day → the month’s last day)', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-15', 3, '2026-04-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2026-02-28', 1, '2026-03-28'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %d months = %s', (from, n, to) => {
    expect(addMonthsClamped(from, n)).toBe(to);
  });
  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2023-02-28', 1, '2024-02-28'],
    ['2025-03-01', 1, '2026-03-01'],
    ['2025-12-31', 1, '2026-12-31'],
    ['2008-02-29', 18, '2026-02-28'],
  ])('%s + %d years = %s', (from, n, to) => {
    expect(addYearsClamped(from, n)).toBe(to);
  });
});

describe('order', () => {
  it('refuses a step whose earlier step is missing, naming it', () => {
    const r = checkStep(3, '2026-01-10', state({ 1: '2026-01-02' }));
    expect(r).toMatchObject({ ok: false, code: 'STEP_OUT_OF_ORDER', missing: 2 });
    expect(checkStep(25, '2026-01-10', state({}))).toMatchObject({ code: 'STEP_OUT_OF_ORDER', missing: 1 });
  });
  it('refuses recording a step twice', () => {
    expect(checkStep(1, '2026-01-10', state({ 1: '2026-01-02' }))).toMatchObject({ code: 'STEP_ALREADY_RECORDED' });
  });
  it('refuses a date before the previous step, saying when it becomes possible', () => {
    const r = checkStep(2, '2026-01-01', state({ 1: '2026-01-02' }));
    expect(r).toMatchObject({ ok: false, code: 'STEP_TOO_EARLY', earliest: '2026-01-02' });
    expect(checkStep(2, '2026-01-02', state({ 1: '2026-01-02' })).ok).toBe(true);
  });
});

describe('step 1: at least 18 years old', () => {
  it('is possible from the 18th birthday', () => {
    const s = state({}, { birthDate: '2008-06-15' });
    expect(checkStep(1, '2026-06-14', s)).toMatchObject({ code: 'STEP_TOO_EARLY', earliest: '2026-06-15' });
    expect(checkStep(1, '2026-06-15', s).ok).toBe(true);
  });
  it('a 29 February birth reaches 18 on 28 February', () => {
    const s = state({}, { birthDate: '2008-02-29' });
    expect(checkStep(1, '2026-02-27', s)).toMatchObject({ code: 'STEP_TOO_EARLY', earliest: '2026-02-28' });
    expect(checkStep(1, '2026-02-28', s).ok).toBe(true);
  });
  it('the message is in Chinese and names the date', () => {
    const r = checkStep(1, '2026-01-01', state({}, { birthDate: '2008-06-15' }));
    expect(r.ok === false && r.message).toContain('2026年6月15日');
    expect(r.ok === false && r.message).toContain('年满18周岁');
  });
});

describe('step 2: the talk within 1 month of the application', () => {
  it('is on time until the same day a month later (month ends clamp) and flagged late after', () => {
    const s = state({ 1: '2026-01-31' });
    expect(checkStep(2, '2026-02-28', s)).toMatchObject({ ok: true, late: false, deadline: '2026-02-28' });
    expect(checkStep(2, '2026-03-01', s)).toMatchObject({ ok: true, late: true });
    const leap = state({ 1: '2024-01-31' });
    expect(checkStep(2, '2024-02-29', leap)).toMatchObject({ ok: true, late: false });
    expect(checkStep(2, '2024-03-01', leap)).toMatchObject({ ok: true, late: true });
  });
});

describe('steps 6 and 7: at least 1 year as activist, assessed every 6 months', () => {
  const steps = upTo(5, { 1: '2024-01-10', 3: '2024-02-29' });
  const assessed = { assessments: ['2024-08-29', '2025-02-28'] };
  it('step 6 needs the year; fewer than two assessments are noted', () => {
    expect(checkStep(6, '2025-02-28', state(steps))).toMatchObject({
      ok: true,
      warning: expect.stringContaining('已登记0次'),
    });
    expect(checkStep(6, '2025-02-27', state(steps, assessed))).toMatchObject({
      code: 'STEP_TOO_EARLY',
      earliest: '2025-02-28',
    });
    expect(checkStep(6, '2025-02-28', state(steps, assessed))).toMatchObject({ ok: true, warning: null });
  });
  it('assessments before the designation do not count', () => {
    const early = { assessments: ['2024-01-20', '2025-02-01'] };
    expect(checkStep(6, '2025-03-01', state(steps, early))).toMatchObject({
      ok: true,
      warning: expect.stringContaining('已登记1次'),
    });
  });
  it('step 7 needs a full year since step 3 too', () => {
    const six = { ...steps, 6: '2025-02-28' };
    expect(checkStep(7, '2025-02-28', state(six)).ok).toBe(true);
    const s = state({ ...upTo(5, { 1: '2025-03-01', 3: '2025-03-31' }), 6: '2026-03-31' });
    expect(checkStep(7, '2026-03-30', s)).toMatchObject({ code: 'STEP_TOO_EARLY', earliest: '2026-03-31' });
  });
  it('tells when the next assessment is due', () => {
    expect(nextStepOf(state(steps, { assessments: ['2024-08-29'] }))).toMatchObject({
      step: 6,
      earliest: '2025-02-28',
      nextAssessment: '2025-02-28',
    });
  });
});

describe('step 11: training of at least 3 days or 24 class hours', () => {
  it.each([
    [3, null, true],
    [2, null, false],
    [null, 24, true],
    [null, 23, false],
    [2, 23, false],
    [0, 24, true],
    [null, null, false],
  ])('%s days, %s hours → %s', (days, hours, ok) => {
    expect(trainingSufficient(days, hours)).toBe(ok);
  });
});

describe('steps 17 and 24: approval within 3 months (special cases up to 6)', () => {
  const s = state(upTo(16, { 1: '2024-01-10', 15: '2025-11-30' }));
  it('is on time to the same day 3 months later', () => {
    expect(checkStep(17, '2026-02-28', s)).toMatchObject({ ok: true, late: false, deadline: '2026-02-28' });
  });
  it('after 3 months needs a special reason, after 6 is refused', () => {
    expect(checkStep(17, '2026-03-01', s)).toMatchObject({ code: 'STEP_TOO_LATE', latest: '2026-02-28' });
    expect(checkStep(17, '2026-03-01', s, { specialReason: true })).toMatchObject({ ok: true, late: true });
    expect(checkStep(17, '2026-05-30', s, { specialReason: true })).toMatchObject({ ok: true });
    expect(checkStep(17, '2026-05-31', s, { specialReason: true })).toMatchObject({
      code: 'STEP_TOO_LATE',
      latest: '2026-05-30',
    });
  });
  it('step 24 counts from the conversion vote', () => {
    const c = state(upTo(23, { 1: '2024-01-10', 15: '2025-01-10', 23: '2026-01-31' }));
    expect(checkStep(24, '2026-04-30', c)).toMatchObject({ ok: true, late: false });
    expect(checkStep(24, '2026-05-01', c)).toMatchObject({ code: 'STEP_TOO_LATE' });
  });
});

describe('probation: 1 year from the branch meeting, extended once by 6 to 12 months', () => {
  const admitted = upTo(21, { 1: '2023-01-10', 15: '2024-02-29', 16: '2024-03-05' });
  it('ends a year after the vote (29 February → 28 February)', () => {
    expect(probationEndsOn(state(admitted))).toBe('2025-02-28');
    expect(checkStep(22, '2025-02-27', state(admitted))).toMatchObject({
      code: 'STEP_TOO_EARLY',
      earliest: '2025-02-28',
    });
    expect(checkStep(22, '2025-02-28', state(admitted)).ok).toBe(true);
    const r = checkStep(22, '2025-01-01', state(admitted));
    expect(r.ok === false && r.message).toContain('2025年2月28日');
  });
  it('the conversion vote is no earlier than the end either', () => {
    const applied = { ...admitted, 22: '2025-02-28' };
    expect(checkStep(23, '2025-02-27', state({ ...admitted, 22: '2025-02-27' }))).toMatchObject({
      code: 'STEP_TOO_EARLY',
      earliest: '2025-02-28',
    });
    expect(checkStep(23, '2025-02-28', state(applied)).ok).toBe(true);
  });
  it('an extension moves the end by its months', () => {
    const s = state(admitted, { extensionMonths: 6 });
    expect(probationEndsOn(s)).toBe('2025-08-29');
    expect(checkStep(22, '2025-08-28', s)).toMatchObject({ code: 'STEP_TOO_EARLY', earliest: '2025-08-29' });
    expect(probationEndsOn(state(admitted, { extensionMonths: 12 }))).toBe('2026-02-28');
  });
  it.each([
    [5, '2025-02-28', '延长预备期最短6个月、最长1年'],
    [13, '2025-02-28', '延长预备期最短6个月、最长1年'],
    [6, '2025-02-27', '届满时才能讨论延长'],
  ])('refuses an extension of %d months on %s', (months, on, message) => {
    expect(checkExtension(months, on, state(admitted))).toContain(message);
  });
  it('allows 6 to 12 months, once, before the conversion vote', () => {
    expect(checkExtension(6, '2025-02-28', state(admitted))).toBeNull();
    expect(checkExtension(12, '2025-03-10', state(admitted))).toBeNull();
    expect(checkExtension(6, '2025-09-01', state(admitted, { extensionMonths: 6 }))).toBe('预备期只能延长一次');
    expect(checkExtension(6, '2025-03-10', state({ ...admitted, 22: '2025-03-01', 23: '2025-03-05' }))).toContain(
      '不能再延长',
    );
    expect(checkExtension(6, '2025-03-10', state(upTo(14, {})))).toBe('尚未接收为预备党员');
  });
});

describe('what is next', () => {
  it('names the next step with its earliest day and deadline', () => {
    expect(nextStepOf(state({}))).toMatchObject({ step: 1, earliest: null });
    expect(nextStepOf(state({ 1: '2026-01-31' }))).toMatchObject({
      step: 2,
      earliest: '2026-01-31',
      deadline: '2026-02-28',
    });
    const admitted = upTo(21, { 1: '2025-01-10', 15: '2025-06-30' });
    expect(nextStepOf(state(admitted))).toMatchObject({ step: 22, earliest: '2026-06-30' });
    expect(nextStepOf(state(upTo(25, {})))).toMatchObject({ step: null });
  });
});
