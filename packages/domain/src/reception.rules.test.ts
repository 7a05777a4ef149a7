import { describe, expect, it } from 'vitest';
import {
  clockState,
  complaintDeadlines,
  containsPersonalNumber,
  generateRota,
  isOnShow,
  parseWeek,
  periodEnd,
  receptionDayOf,
  redactPersonalNumbers,
  swapWeeks,
  validPublicationPeriod,
  weeksOfYear,
} from './reception.rules.ts';
import { addDays, isWorkingDay, workCalendarOf, type CalendarDay } from './work-calendar.rules.ts';

/** The 2026 arrangement (国办发明电〔2025〕7号), as a court's working calendar holds it. */
const holidays = (from: string, n: number): CalendarDay[] =>
  Array.from({ length: n }, (_, i) => ({ day: addDays(from, i), kind: 'holiday', name: '' }));
const workdays = (...days: string[]): CalendarDay[] => days.map((day) => ({ day, kind: 'workday', name: '' }));
const CAL = workCalendarOf([
  ...holidays('2026-01-01', 3),
  ...holidays('2026-02-15', 9),
  ...holidays('2026-04-04', 3),
  ...holidays('2026-05-01', 5),
  ...holidays('2026-06-19', 3),
  ...holidays('2026-09-25', 3),
  ...holidays('2026-10-01', 7),
  ...workdays('2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'),
]);

describe('working days', () => {
  it('weekends rest, statutory holidays rest, make-up weekend days work', () => {
    expect(isWorkingDay(CAL, '2026-03-02')).toBe(true); // Monday
    expect(isWorkingDay(CAL, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay(CAL, '2026-10-05')).toBe(false); // National Day, a Monday
    expect(isWorkingDay(CAL, '2026-10-10')).toBe(true); // make-up Saturday
    expect(isWorkingDay(CAL, '2026-02-14')).toBe(true); // make-up Saturday before Spring Festival
    expect(isWorkingDay(CAL, '2026-02-16')).toBe(false); // Spring Festival
    expect(isWorkingDay(CAL, '2027-10-04')).toBe(true); // a year without a known notice: weekdays work
  });
});

describe('complaint clocks (15 to accept, 60 to handle, 30 more when extended)', () => {
  it('counts calendar days from the day after receipt', () => {
    // 2026-03-02 + 15 = 2026-03-17, a Tuesday.
    expect(complaintDeadlines(CAL, { receivedOn: '2026-03-02', acceptedOn: null, extended: false }).acceptBy).toBe(
      '2026-03-17',
    );
  });
  it('a period ending on a weekend ends on the Monday', () => {
    // 2026-03-06 + 15 = 2026-03-21, a Saturday → Monday 23rd.
    expect(periodEnd(CAL, '2026-03-06', 15)).toBe('2026-03-23');
    expect(periodEnd(CAL, '2026-03-05', 15)).toBe('2026-03-20'); // Friday: stays
  });
  it('a period ending in the National Day holiday ends on the first working day after it', () => {
    // 2026-09-16 + 15 = 2026-10-01 → holiday until the 7th; the 8th is a Thursday.
    expect(periodEnd(CAL, '2026-09-16', 15)).toBe('2026-10-08');
    // Ending on the make-up Saturday 10 October: a working day, stays.
    expect(periodEnd(CAL, '2026-09-25', 15)).toBe('2026-10-10');
  });
  it('holidays inside the period count (no working-day arithmetic)', () => {
    // Received 2026-02-10: +15 = 2026-02-25 (Wednesday, after the Spring Festival holiday).
    expect(periodEnd(CAL, '2026-02-10', 15)).toBe('2026-02-25');
  });
  it('handling runs 60 days from acceptance, 90 when extended', () => {
    const base = { receivedOn: '2026-03-02', acceptedOn: '2026-03-10', extended: false };
    // 03-10 + 60 = 05-09, a Saturday that is a make-up working day: the period ends there.
    expect(complaintDeadlines(CAL, base).handleBy).toBe('2026-05-09');
    expect(periodEnd(CAL, '2026-03-10', 60)).toBe('2026-05-09');
    expect(complaintDeadlines(CAL, { ...base, extended: true }).handleBy).toBe(periodEnd(CAL, '2026-03-10', 90));
    // Before acceptance the handling clock runs from receipt.
    expect(complaintDeadlines(CAL, { ...base, acceptedOn: null }).handleBy).toBe(periodEnd(CAL, '2026-03-02', 60));
  });
  it('late only after the due day', () => {
    expect(clockState('2026-03-17', null, '2026-03-17')).toBe('running');
    expect(clockState('2026-03-17', null, '2026-03-18')).toBe('overdue');
    expect(clockState('2026-03-17', '2026-03-17', '2026-04-01')).toBe('done');
    expect(clockState('2026-03-17', '2026-03-18', '2026-04-01')).toBe('done_late');
  });
});

describe('weeks', () => {
  it('reads an ISO week or a date inside it', () => {
    expect(parseWeek('2026-W01')).toBe('2025-12-29');
    expect(parseWeek('2026-12-02')).toBe('2026-11-30');
    expect(parseWeek('2026-11-30')).toBe('2026-11-30');
    expect(parseWeek('2026-W53')).toBe('2026-12-28'); // 2026 starts on a Thursday: 53 weeks
    expect(parseWeek('2025-W53')).toBeNull();
    expect(parseWeek('2020-W53')).toBe('2020-12-28');
    expect(parseWeek('2026-02-30')).toBeNull();
    expect(parseWeek('next week')).toBeNull();
  });
  it('a year has 52 or 53 weeks', () => {
    expect(weeksOfYear(2025)).toHaveLength(52);
    expect(weeksOfYear(2026)).toHaveLength(53);
    expect(weeksOfYear(2020)).toHaveLength(53);
  });
});

describe('the reception rota', () => {
  it('one leader a week in turn, the reception day moved off holidays within the week', () => {
    const rota = generateRota(CAL, 2026, ['a', 'b', 'c'], 3);
    expect(rota).toHaveLength(53);
    expect(rota.slice(0, 4).map((w) => w.leaderId)).toEqual(['a', 'b', 'c', 'a']);
    expect(rota[0]).toEqual({ weekStart: '2025-12-29', receptionOn: '2025-12-31', leaderId: 'a' });
    // The National Day week (Mon 5 Oct–Sun 11 Oct): Wednesday is a holiday, Thursday 8th works.
    const nationalDay = rota.find((w) => w.weekStart === '2026-10-05')!;
    expect(nationalDay.receptionOn).toBe('2026-10-08');
    // The week of 28 Sept: Wednesday 30th works.
    expect(rota.find((w) => w.weekStart === '2026-09-28')!.receptionOn).toBe('2026-09-30');
  });
  it('a week with no working day from the chosen weekday has no reception day', () => {
    // Spring Festival 2026: Mon 16 – Mon 23 Feb off. Week of 16 Feb, Wednesday onwards: 18–22 off.
    expect(receptionDayOf(CAL, '2026-02-16', 3)).toBeNull();
  });
  it('continues the turn from the given leader and handles an empty list', () => {
    expect(generateRota(CAL, 2026, ['a', 'b', 'c'], 3, 2)[0]!.leaderId).toBe('c');
    expect(generateRota(CAL, 2026, [], 3)).toEqual([]);
  });
  it('swaps two weeks and substitutes one, leaving the rest', () => {
    const rota = generateRota(CAL, 2026, ['a', 'b', 'c'], 3);
    const swapped = swapWeeks(rota, '2025-12-29', '2026-01-05');
    expect(swapped.slice(0, 3).map((w) => w.leaderId)).toEqual(['b', 'a', 'c']);
    expect(swapped.slice(3)).toEqual(rota.slice(3));
    expect(() => swapWeeks(rota, '2025-12-29', '2030-01-07')).toThrow();
  });
});

describe('publication period', () => {
  const item = { status: 'published', publishFrom: '2026-03-01', publishUntil: '2026-03-31' };
  it('shows from the first day to the last day included, only when published', () => {
    expect(isOnShow(item, '2026-02-28')).toBe(false);
    expect(isOnShow(item, '2026-03-01')).toBe(true);
    expect(isOnShow(item, '2026-03-31')).toBe(true);
    expect(isOnShow(item, '2026-04-01')).toBe(false);
    expect(isOnShow({ ...item, publishUntil: null }, '2030-01-01')).toBe(true);
    expect(isOnShow({ ...item, status: 'pending' }, '2026-03-10')).toBe(false);
    expect(isOnShow({ ...item, status: 'withdrawn' }, '2026-03-10')).toBe(false);
  });
  it('refuses an end before the start', () => {
    expect(validPublicationPeriod('2026-03-01', '2026-02-28')).toBe(false);
    expect(validPublicationPeriod('2026-03-01', '2026-03-01')).toBe(true);
    expect(validPublicationPeriod('2026-03-01', null)).toBe(true);
  });
});

describe('personal numbers in public text', () => {
  it('finds and hides ID numbers and phone numbers, leaves dates, case numbers and hotlines', () => {
    for (const t of ['身份证 14102619900307123X', '电话13812345678', '电话 138-1234-5678', '0357-5221234']) {
      expect(containsPersonalNumber(t), t).toBe(true);
      expect(containsPersonalNumber(redactPersonalNumbers(t)), t).toBe(false);
    }
    for (const t of ['（2026）晋1026民初123号', '2026-03-01', '服务热线12368', '共600人次', '20260301']) {
      expect(containsPersonalNumber(t), t).toBe(false);
    }
  });
});
