/** Sign-in at a meeting: a rotating 6-digit code, valid only around the meeting's start. */

export const SIGN_IN_STEP_SECONDS = 30;
/** The code of the window just ended is still accepted this long, for someone typing as it rotates. */
export const SIGN_IN_GRACE_SECONDS = 5;
export const SIGN_IN_OPENS_MINUTES_BEFORE = 20;
export const SIGN_IN_CLOSES_MINUTES_AFTER = 30;

export function signInWindowIndex(now: Date): number {
  return Math.floor(now.getTime() / (SIGN_IN_STEP_SECONDS * 1000));
}

/** When the current code stops being shown. */
export function signInWindowEndsAt(now: Date): Date {
  return new Date((signInWindowIndex(now) + 1) * SIGN_IN_STEP_SECONDS * 1000);
}

/** The windows whose codes are accepted at `now`: the current one, and the previous one during the grace. */
export function acceptedSignInWindows(now: Date): number[] {
  const current = signInWindowIndex(now);
  const intoWindow = now.getTime() - current * SIGN_IN_STEP_SECONDS * 1000;
  return intoWindow < SIGN_IN_GRACE_SECONDS * 1000 ? [current, current - 1] : [current];
}

export function signInPeriod(startsAt: Date): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(startsAt.getTime() - SIGN_IN_OPENS_MINUTES_BEFORE * 60_000),
    closesAt: new Date(startsAt.getTime() + SIGN_IN_CLOSES_MINUTES_AFTER * 60_000),
  };
}

/** 'open' from 20 minutes before the start to 30 minutes after it, both ends included. */
export function signInState(startsAt: Date, now: Date): 'notYet' | 'open' | 'closed' {
  const { opensAt, closesAt } = signInPeriod(startsAt);
  if (now < opensAt) return 'notYet';
  if (now > closesAt) return 'closed';
  return 'open';
}

/** RFC 4226 dynamic truncation of an HMAC to six digits. */
export function truncateToCode(hmac: Uint8Array): string {
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const bin =
    (((hmac[offset] ?? 0) & 0x7f) << 24) |
    ((hmac[offset + 1] ?? 0) << 16) |
    ((hmac[offset + 2] ?? 0) << 8) |
    (hmac[offset + 3] ?? 0);
  return String(bin % 1_000_000).padStart(6, '0');
}
