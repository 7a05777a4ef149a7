import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import {
  RECOVERY_ALPHABET,
  RECOVERY_CODE_COUNT,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_WINDOW,
  formatRecoveryCode,
  totpStep,
} from '@qizhi/domain';

/** What the authenticator app shows above the code. */
export const TOTP_ISSUER = '旗帜党建';

/** A new 160-bit secret (RFC 4226's recommended length), in Base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpOf(secret: string, account: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: account,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The time step a code is for, if it is right within ±1 step of `nowMs` (otpauth compares in constant time). */
export function matchingStep(secret: string, code: string, nowMs: number): number | null {
  const delta = totpOf(secret, '').validate({ token: code, timestamp: nowMs, window: TOTP_WINDOW });
  return delta === null ? null : totpStep(nowMs) + delta;
}

/** Ten recovery codes, each 10 characters (≈ 49 bits), formatted xxxxx-xxxxx. */
export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    let plain = '';
    for (let i = 0; i < 10; i++) plain += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    codes.add(formatRecoveryCode(plain));
  }
  return [...codes];
}
