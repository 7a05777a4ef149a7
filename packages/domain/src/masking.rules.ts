/**
 * 110101199003071234 → 1101************34: keeps the province and city and the last two only.
 * Hiding exactly the birth-date digits (110101********1234) let anyone who knew the birth date — which
 * lists showed beside it — rebuild the number; here the county, the birth date and the sequence are
 * all hidden, and roles without the reveal permission see an age band, not the birth date, so what is
 * hidden cannot be recomputed from what is shown (hundreds of thousands of candidates remain).
 */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 6) + id.slice(-2);
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/**
 * 张三丰 → 张某: the usual way a citizen is named where the name itself need not be kept (the audit
 * log of a visit, whose record holds the name sealed); a compound surname keeps its first character.
 */
export function maskPersonName(name: string | null | undefined): string {
  const first = Array.from(name?.trim() ?? '')[0];
  return first ? `${first}某` : '某';
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with area code, e.g. 0357-1234567 or 03571234567, optional extension. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export function normalizePhone(raw: string): string {
  return raw.replace(/[\s()（）]/g, '').replace(/^\+?86-?/, '');
}

export function isValidPhone(raw: string): boolean {
  const phone = normalizePhone(raw);
  return MOBILE.test(phone) || LANDLINE.test(phone);
}
