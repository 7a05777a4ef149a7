import { describe, expect, it } from 'vitest';
import {
  computeIdCheckChar,
  findIdNumberProblem,
  isValidIdNumber,
  parseIdBirthDate,
  parseIdGender,
} from './id-number.rules.ts';

describe('GB 11643 check character', () => {
  it('matches the standard worked example', () => {
    // The example of GB 11643-1999 appendix: 11010519491231002X.
    expect(computeIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('gives every check character 0–9 and X for some number', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq++) seen.add(computeIdCheckChar(`14102619900101${String(seq).padStart(3, '0')}`));
    expect([...seen].sort().join('')).toBe('0123456789X');
  });

  it('tells what is wrong at each boundary', () => {
    const valid = `14102620000229001${computeIdCheckChar('14102620000229001')}`;
    expect(findIdNumberProblem(valid)).toBeNull();
    expect(findIdNumberProblem(valid.slice(0, 17))).toBe('format');
    expect(findIdNumberProblem(`${valid}1`)).toBe('format');
    expect(findIdNumberProblem(valid.replace(/.$/, valid.endsWith('0') ? '1' : '0'))).toBe('checkDigit');
    const feb29Of1999 = `14102619990229001${computeIdCheckChar('14102619990229001')}`;
    expect(findIdNumberProblem(feb29Of1999)).toBe('birthDate');
    const month13 = `14102619991301001${computeIdCheckChar('14102619991301001')}`;
    expect(findIdNumberProblem(month13)).toBe('birthDate');
    expect(findIdNumberProblem('1410261990010100AX')).toBe('format');
  });

  it('reads birth date and gender', () => {
    expect(parseIdBirthDate('110105194912310021')).toBe('1949-12-31');
    expect(parseIdGender('11010519491231002X')).toBe('female');
    expect(parseIdGender('11010519491231001X')).toBe('male');
  });
});
