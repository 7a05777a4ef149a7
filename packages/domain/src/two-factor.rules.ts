import type { RoleCodeValue } from './permissions.ts';

/**
 * 双因素登录 (TOTP, RFC 6238) — who must use it and how a code reads. Required by default for the
 * three administrators and the officers: 院领导/党组书记, 支部书记, 党务干事 — the roles that reach the
 * whole court's or a branch's records (and, for secretaries and clerks, reveal full ID numbers).
 * 党小组长 reads a few members masked and is not an officer here; a court may add it (setting
 * `twoFactorRequiredRoles`).
 */
export const DEFAULT_TWO_FACTOR_ROLES: readonly RoleCodeValue[] = [
  'sysadmin',
  'secadmin',
  'auditor',
  'leader',
  'secretary',
  'clerk',
];

/** The court's required set (a setting) or the default. */
export function twoFactorRoles(setting: readonly RoleCodeValue[] | null | undefined): readonly RoleCodeValue[] {
  return setting ?? DEFAULT_TWO_FACTOR_ROLES;
}

export function twoFactorRequired(
  roles: readonly RoleCodeValue[],
  setting: readonly RoleCodeValue[] | null | undefined,
): boolean {
  const required = twoFactorRoles(setting);
  return roles.some((r) => required.includes(r));
}

/** TOTP: 30-second steps, 6 digits, SHA-1 (what every authenticator app reads), ±1 step accepted. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** Recovery codes: 10 characters of this alphabet (no 0/O, 1/I/L), about 50 bits, shown as xxxxx-xxxxx. */
export const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function isTotpCode(text: string): boolean {
  return /^\d{6}$/.test(text.replace(/\s/g, ''));
}

/** A recovery code as typed (any case, spaces or dash) → its canonical form, or null. */
export function normalizeRecoveryCode(text: string): string | null {
  const plain = text.toLowerCase().replace(/[\s-]/g, '');
  if (plain.length !== 10) return null;
  for (const c of plain) if (!RECOVERY_ALPHABET.includes(c)) return null;
  return plain;
}

export function formatRecoveryCode(plain: string): string {
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

/** The time step a moment falls in, and the steps a code may be for at that moment. */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

export function acceptedTotpSteps(nowMs: number): number[] {
  const t = totpStep(nowMs);
  const steps: number[] = [];
  for (let d = -TOTP_WINDOW; d <= TOTP_WINDOW; d++) steps.push(t + d);
  return steps;
}
