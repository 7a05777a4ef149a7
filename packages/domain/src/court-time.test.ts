import { describe, expect, it } from 'vitest';
import {
  courtCalendarBefore,
  courtInstant,
  courtToday,
  courtYear,
  courtYearMonth,
  formatCourtDateTime,
} from './court-time.ts';

describe('the court clock (Asia/Shanghai)', () => {
  it('turns the day at 16:00 UTC, not at UTC midnight', () => {
    expect(courtToday(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
    expect(courtToday(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
  });
  it('turns the year on Shanghai new year', () => {
    expect(courtYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
    expect(courtYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(courtYearMonth(new Date('2025-12-31T16:00:00Z'))).toEqual({ year: 2026, month: 1 });
  });
  it('formats and reads wall-clock times at the court', () => {
    expect(formatCourtDateTime('2026-05-20T07:00:00Z')).toBe('2026-05-20 15:00');
    expect(courtInstant('2026-05-20', '09:00').toISOString()).toBe('2026-05-20T01:00:00.000Z');
    expect(courtInstant('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });
  it('follows another zone when the court sets one', () => {
    expect(courtToday(new Date('2026-03-31T20:00:00Z'), 'Asia/Urumqi')).toBe('2026-04-01');
    expect(formatCourtDateTime('2026-05-20T07:00:00Z', 'Asia/Urumqi')).toBe('2026-05-20 13:00');
  });
  it('counts days and months back on the court calendar, milliseconds kept', () => {
    // 2026-03-31 00:30:00.250 at the court is still 30 March in UTC.
    const now = new Date('2026-03-30T16:30:00.250Z');
    expect(courtCalendarBefore(now, 1, 'month').toISOString()).toBe('2026-02-27T16:30:00.250Z');
    expect(courtCalendarBefore(now, 25, 'month').toISOString()).toBe('2024-02-28T16:30:00.250Z');
    expect(courtCalendarBefore(now, 31, 'day').toISOString()).toBe('2026-02-27T16:30:00.250Z');
  });
});
