import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { findPasswordProblems, PASSWORD_PROBLEM_MESSAGES } from '@qizhi/domain';
import { AppError } from './errors.ts';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (~13 ms here, off the main thread). */
// `Algorithm.Argon2id` is an ambient const enum, unusable under isolatedModules; its value is 2.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so a missing username is not told apart by timing. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword('Qizhi-no-such-user-1!');
  await verifyPassword(await dummyHash, password);
}

export function assertPasswordAcceptable(password: string, username: string): void {
  const problems = findPasswordProblems(password, username);
  if (problems.length > 0) {
    throw new AppError('WEAK_PASSWORD', problems.map((p) => PASSWORD_PROBLEM_MESSAGES[p]).join('；'), {
      issues: problems.map((p) => ({ path: 'newPassword', message: PASSWORD_PROBLEM_MESSAGES[p] })),
    });
  }
}

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '@#%+=?!';

/** A strong random password without look-alike characters (no 0/O, 1/l/I), for one-time use. */
export function generateStrongPassword(length = 14): string {
  const pick = (set: string) => set[randomInt(set.length)]!;
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
