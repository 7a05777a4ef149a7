import { describe, expect, it } from 'vitest';
import { countCharacterClasses, findPasswordProblems } from './password.rules.ts';

describe('password policy', () => {
  it('needs at least 8 characters', () => {
    expect(findPasswordProblems('Ab1!xyz', 'clerk')).toContain('tooShort');
    expect(findPasswordProblems('Ab1!xyzw', 'clerk')).toEqual([]);
  });
  it('needs 3 of the 4 character classes', () => {
    expect(countCharacterClasses('abcdefgh')).toBe(1);
    expect(findPasswordProblems('abcdefgh12', 'clerk')).toContain('classes');
    expect(findPasswordProblems('abcdEFGH12', 'clerk')).toEqual([]);
    expect(findPasswordProblems('abcd!@#$12', 'clerk')).toEqual([]);
  });
  it('may not contain the username, in any case', () => {
    expect(findPasswordProblems('Clerk-2026', 'clerk')).toContain('containsUsername');
  });
  it('refuses common passwords whatever their case', () => {
    expect(findPasswordProblems('Password123', 'x')).toContain('common');
    expect(findPasswordProblems('P@ssw0rd', 'x')).toContain('common');
  });
  it('caps the length', () => {
    expect(findPasswordProblems(`Aa1!${'x'.repeat(200)}`, 'x')).toContain('tooLong');
  });
});
