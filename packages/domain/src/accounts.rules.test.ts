import { describe, expect, it } from 'vitest';
import { defaultAccountRole } from './accounts.rules.ts';

describe('the role a bulk-made account gets by default', () => {
  it.each([
    ['full', 'member'],
    ['probationary', 'member'],
    ['candidate', 'staff'],
    ['activist', 'staff'],
    ['applicant', 'staff'],
    ['non_party', 'staff'],
  ])('%s → %s', (status, role) => {
    expect(defaultAccountRole(status)).toBe(role);
  });
});
