/** The password every seeded test account has; it meets the password policy. */
export const TEST_PASSWORD = 'Qizhi@2026demo';
/** The key of 双因素登录 in tests (QIZHI_TWO_FACTOR_KEY): the seed encrypts the demo TOTP secret with it. */
export const TEST_TWO_FACTOR_KEY = '7e57'.repeat(16);
/** The second court exists so that every suite can prove it cannot be reached. */
export const OTHER_COURT = { code: 'fushan', name: '浮山县人民法院', usernamePrefix: 'fs-' } as const;
export const DEMO_USERNAMES = [
  'admin',
  'secadmin',
  'auditor',
  'leader',
  'secretary',
  'clerk',
  'member',
  'staff',
] as const;
export type DemoUsername = (typeof DEMO_USERNAMES)[number];
