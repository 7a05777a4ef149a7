import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  acceptedSignInWindows,
  signInPeriod,
  signInState,
  signInWindowEndsAt,
  signInWindowIndex,
  truncateToCode,
} from '@qizhi/domain';

/**
 * The rotating sign-in code of anything people attend (a meeting, a study session): the code of one
 * 30-second window is HMAC-SHA256(the event's secret, its id + window index), cut to six digits. The
 * id in the message makes a code of one event useless at another.
 */
export function signInCodeFor(secret: string, eventId: string, windowIndex: number): string {
  const mac = createHmac('sha256', secret)
    .update(`${eventId}:${String(windowIndex)}`)
    .digest();
  return truncateToCode(mac);
}

export function currentSignInCode(secret: string, meetingId: string, startsAt: Date, now: Date) {
  const { opensAt, closesAt } = signInPeriod(startsAt);
  return {
    code: signInCodeFor(secret, meetingId, signInWindowIndex(now)),
    windowEndsAt: signInWindowEndsAt(now),
    opensAt,
    closesAt,
    state: signInState(startsAt, now),
  };
}

/** True when `code` is the current window's (or, in its first seconds, the previous window's). */
export function verifySignInCode(secret: string, meetingId: string, code: string, now: Date): boolean {
  const given = Buffer.from(code);
  return acceptedSignInWindows(now).some((w) => {
    const expected = Buffer.from(signInCodeFor(secret, meetingId, w));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
