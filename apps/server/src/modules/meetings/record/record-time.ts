import { checkRecordTime, recordOpensAt } from '@qizhi/domain';
import { AppError } from '../../../platform/errors.ts';

/**
 * Attendance (other than sign-in and leave), minutes and votes are recorded from the meeting's
 * start (checkRecordTime); before it the refusal names the court time from which they may be.
 */
export function assertRecordOpen(startsAt: Date, now = new Date()): void {
  const refusal = checkRecordTime(startsAt, now);
  if (refusal) throw new AppError('RECORD_NOT_OPEN', refusal, { opensAt: recordOpensAt(startsAt).toISOString() });
}
