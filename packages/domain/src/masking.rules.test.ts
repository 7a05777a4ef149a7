import { describe, expect, it } from 'vitest';
import { isValidPhone, maskIdNumber, maskPersonName, maskPhone, normalizePhone } from './masking.rules.ts';

describe('masking', () => {
  it('keeps only the province and city and the last two of an ID number: no birth date, no sequence', () => {
    expect(maskIdNumber('110101199003071234')).toBe('1101************34');
    expect(maskIdNumber('11010119900307123X')).toBe('1101************3X');
    expect(maskIdNumber('110101199003071234')).not.toContain('19900307');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('12345')).toBe('*****');
  });
  it('keeps the first three and last four of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0357-1234567')).toBe('035*****4567');
    expect(maskPhone('')).toBeNull();
  });
});

describe('phone numbers', () => {
  it.each(['13812345678', '19912345678', '+86 138 1234 5678', '0357-1234567', '03571234567', '010-12345678-123'])(
    'accepts %s',
    (p) => {
      expect(isValidPhone(p)).toBe(true);
    },
  );
  it.each(['12345678901', '1381234567', '138123456789', 'abc', '357-1234567', ''])('refuses %s', (p) => {
    expect(isValidPhone(p)).toBe(false);
  });
  it('normalises spaces and the country code', () => {
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678');
  });
});

describe('maskPersonName', () => {
  it('keeps the first character and writes 某 for the rest, whatever the length', () => {
    expect(maskPersonName('张三丰')).toBe('张某');
    expect(maskPersonName('李四')).toBe('李某');
    expect(maskPersonName('欧阳娜娜')).toBe('欧某');
    expect(maskPersonName(' 王 ')).toBe('王某');
    expect(maskPersonName('𠀀明')).toBe('𠀀某');
    expect(maskPersonName('')).toBe('某');
    expect(maskPersonName(null)).toBe('某');
  });
});
