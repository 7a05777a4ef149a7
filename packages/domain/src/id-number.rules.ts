/**
 * 公民身份号码 (GB 11643-1999): 17 digits + a check character computed by ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export function computeIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

/** Returns null when the number is valid, otherwise what is wrong with it. */
export function findIdNumberProblem(raw: string): IdNumberProblem | null {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (parseIdBirthDate(id) === null) return 'birthDate';
  if (computeIdCheckChar(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

export function isValidIdNumber(raw: string): boolean {
  return findIdNumberProblem(raw) === null;
}

export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  format: '公民身份号码应为18位，前17位为数字，末位为数字或X',
  birthDate: '公民身份号码中的出生日期不存在',
  checkDigit: '公民身份号码校验位不正确',
};

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** ISO date (YYYY-MM-DD) of birth encoded in positions 7–14, or null when it is not a real day. */
export function parseIdBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The 17th character is odd for men, even for women. */
export function parseIdGender(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}
