export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** A short list of the passwords most tried against Chinese sites; the check is case-insensitive. */
const COMMON_PASSWORDS = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '11111111',
  '88888888',
  '66666666',
  '00000000',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'admin123',
  'admin@123',
  'admin1234',
  'qwerty123',
  'qwertyuiop',
  '1qaz2wsx',
  '1qaz@wsx',
  'abc12345',
  'abcd1234',
  'abc@1234',
  'aa123456',
  'a1234567',
  'a12345678',
  'qq123456',
  'woaini1314',
  'iloveyou',
  '123qwe!@#',
  'zaq12wsx',
  'asdf1234',
  'asd123456',
  'welcome1',
  'welcome@1',
  'changeme',
  'test1234',
  'root1234',
  'root@123',
  'court123',
  'fayuan123',
  'dangjian1',
  'qizhi123',
  'qizhi@123',
  'abc123456',
  'pass@1234',
]);

export type PasswordProblem = 'tooShort' | 'tooLong' | 'classes' | 'containsUsername' | 'common';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: `密码至少${PASSWORD_MIN_LENGTH}位`,
  tooLong: `密码最多${PASSWORD_MAX_LENGTH}位`,
  classes: '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类',
  containsUsername: '密码不能与用户名相同或包含用户名',
  common: '密码过于常见，请换一个',
};

export function countCharacterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
}

export function findPasswordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('tooShort');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('tooLong');
  if (countCharacterClasses(password) < 3) problems.push('classes');
  const lower = password.toLowerCase();
  if (username.length > 0 && lower.includes(username.toLowerCase())) problems.push('containsUsername');
  if (COMMON_PASSWORDS.has(lower)) problems.push('common');
  return problems;
}
