import { describe, expect, it } from 'vitest';
import {
  classHoursForMinutes,
  isBehind,
  monthsLeftInYear,
  recurrenceDays,
  requiredStudyHours,
  studyPace,
  studyRoleOf,
} from './study.rules.ts';
import { isoWeekday, isWorkingDay, workCalendarOf, type CalendarDay } from './work-calendar.rules.ts';

const h = (day: string, name: string): CalendarDay => ({ day, kind: 'holiday', name });
const w = (day: string, name: string): CalendarDay => ({ day, kind: 'workday', name });
// Parts of the 2026 arrangement (国办发明电〔2025〕7号) and an end-of-year table for 2027.
const calendar = workCalendarOf([
  h('2026-01-01', '元旦'),
  h('2026-01-02', '元旦'),
  h('2026-01-03', '元旦'),
  w('2026-01-04', '元旦'),
  w('2026-02-14', '春节'),
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => h(`2026-02-${d}`, '春节')),
  w('2026-02-28', '春节'),
  w('2026-09-20', '国庆节'),
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => h(`2026-10-${d}`, '国庆节')),
  w('2026-10-10', '国庆节'),
  h('2027-01-01', '元旦'),
]);

describe('the working calendar', () => {
  it('reads weekdays without a time zone', () => {
    expect(isoWeekday('2026-01-01')).toBe(4);
    expect(isoWeekday('2026-02-28')).toBe(6);
    expect(isoWeekday('2026-03-01')).toBe(7);
  });
  it('a holiday on a weekday is off, a 调休 weekend day is on, an ordinary weekend is off', () => {
    expect(isWorkingDay(calendar, '2026-01-02')).toBe(false);
    expect(isWorkingDay(calendar, '2026-01-04')).toBe(true);
    expect(isWorkingDay(calendar, '2026-01-10')).toBe(false);
    expect(isWorkingDay(calendar, '2026-01-05')).toBe(true);
  });
});

describe('recurrence', () => {
  it('every working day: skips 元旦 and takes the 调休 Sunday after it', () => {
    expect(recurrenceDays(calendar, { kind: 'workdays' }, '2025-12-29', '2026-01-06')).toEqual([
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-04',
      '2026-01-05',
      '2026-01-06',
    ]);
  });
  it('every working day across 春节: the 调休 Saturdays before and after, none of the nine days off', () => {
    const days = recurrenceDays(calendar, { kind: 'workdays' }, '2026-02-13', '2026-03-02');
    expect(days).toEqual([
      '2026-02-13',
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-02',
    ]);
  });
  it('every Wednesday: the 春节 and 国庆 Wednesdays are skipped, a 调休 Saturday does not stand in', () => {
    expect(recurrenceDays(calendar, { kind: 'weekly', weekday: 3 }, '2026-02-01', '2026-02-28')).toEqual([
      '2026-02-04',
      '2026-02-11',
      '2026-02-25',
    ]);
    expect(recurrenceDays(calendar, { kind: 'weekly', weekday: 3 }, '2026-09-28', '2026-10-14')).toEqual([
      '2026-09-30',
      '2026-10-14',
    ]);
  });
  it('monthly on the 31st: the month end in short months, moved back off a weekend at the month end', () => {
    expect(recurrenceDays(calendar, { kind: 'monthly', dayOfMonth: 31 }, '2026-01-01', '2026-05-31')).toEqual([
      '2026-01-30', // Saturday the 31st: no working day left in January, so the Friday before
      '2026-02-28', // clamped to the 28th, a 调休 Saturday: a working day
      '2026-03-31',
      '2026-04-30',
      '2026-05-29', // Sunday the 31st: back to Friday
    ]);
  });
  it('monthly on the 1st: moved forward past 国庆 and 元旦, across the year end', () => {
    expect(recurrenceDays(calendar, { kind: 'monthly', dayOfMonth: 1 }, '2026-10-01', '2027-01-31')).toEqual([
      '2026-10-08',
      '2026-11-02',
      '2026-12-01',
      '2027-01-04',
    ]);
  });
  it('monthly keeps to the range: a day moved before `from` is not taken', () => {
    expect(recurrenceDays(calendar, { kind: 'monthly', dayOfMonth: 31 }, '2026-01-31', '2026-01-31')).toEqual([]);
  });
  it('a leap February', () => {
    const none = workCalendarOf([]);
    expect(recurrenceDays(none, { kind: 'monthly', dayOfMonth: 30 }, '2028-02-01', '2028-02-29')).toEqual([
      '2028-02-29',
    ]);
  });
  it('working days across the year end', () => {
    expect(recurrenceDays(calendar, { kind: 'workdays' }, '2026-12-30', '2027-01-04')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
    ]);
  });
});

describe('class hours and the requirement', () => {
  it('a day 8, a half-day 4, an hour 1, to the half hour', () => {
    expect(classHoursForMinutes(0)).toBe(0);
    expect(classHoursForMinutes(30)).toBe(0.5);
    expect(classHoursForMinutes(60)).toBe(1);
    expect(classHoursForMinutes(179)).toBe(3);
    expect(classHoursForMinutes(180)).toBe(4);
    expect(classHoursForMinutes(359)).toBe(4);
    expect(classHoursForMinutes(360)).toBe(8);
    expect(classHoursForMinutes(600)).toBe(8);
  });
  it('members 32, secretaries and committee members 56, non-members none unless set', () => {
    expect(requiredStudyHours(studyRoleOf({ status: 'full', holdsCommitteeSeat: false }))).toBe(32);
    expect(requiredStudyHours(studyRoleOf({ status: 'probationary', holdsCommitteeSeat: false }))).toBe(32);
    expect(requiredStudyHours(studyRoleOf({ status: 'full', holdsCommitteeSeat: true }))).toBe(56);
    expect(requiredStudyHours(studyRoleOf({ status: 'non_party', holdsCommitteeSeat: false }))).toBe(0);
    expect(requiredStudyHours('staff', { member: 32, committee: 56, staff: 16 })).toBe(16);
  });
  it('the pace: nobody behind in January, a twelfth a month, all of it once the year is over', () => {
    expect(monthsLeftInYear(2026, '2026-01-15')).toBe(11);
    expect(monthsLeftInYear(2026, '2026-12-31')).toBe(0);
    expect(monthsLeftInYear(2026, '2025-12-31')).toBe(12);
    expect(studyPace(32, 2026, '2026-01-31')).toBe(0);
    expect(studyPace(36, 2026, '2026-02-01')).toBe(3);
    expect(studyPace(32, 2026, '2027-01-01')).toBe(32);
    expect(studyPace(32, 2027, '2026-12-31')).toBe(0);
    expect(isBehind(36, 2.5, 2026, '2026-02-01')).toBe(true);
    expect(isBehind(36, 3, 2026, '2026-02-01')).toBe(false);
    expect(isBehind(0, 0, 2026, '2026-12-31')).toBe(false);
    expect(isBehind(32, 31.5, 2025, '2026-01-01')).toBe(true);
  });
});
