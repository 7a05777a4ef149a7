/**
 * Dates in forms: a picker's value to the `YYYY-MM-DD` the API takes and back. A date has no time
 * of day, so no zone enters; "today" is the court's today (court-time.ts), not the browser's.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { courtToday } from '@qizhi/domain';

export function isoDate(value: Dayjs): string;
export function isoDate(value: Dayjs | null | undefined): string | null;
export function isoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

export function dateValue(date: string | null | undefined): Dayjs | null {
  return date ? dayjs(date) : null;
}

/** Today on the court's calendar, as a picker's value. */
export function courtTodayValue(): Dayjs {
  return dayjs(courtToday());
}
