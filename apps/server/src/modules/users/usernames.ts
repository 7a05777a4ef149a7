/**
 * The rule for usernames of accounts made from the roster: the name in toneless pinyin, lower case
 * (张伟 → zhangwei, 吕明 → lvming); on a clash with any account on the server (usernames are unique
 * across courts, regardless of case) a number follows, from 2 (zhangwei2, zhangwei3 …). The roster
 * has no staff number (工号), so the name is what a member recognises.
 */
import { pinyin } from 'pinyin-pro';

const MIN_LENGTH = 3;
const MAX_BASE = 28; // leaves room for a numeric suffix within the 32 characters a username may have

export function usernameBase(name: string): string {
  const syllables = pinyin(name.trim(), { toneType: 'none', type: 'array', v: true, surname: 'head' });
  let base = syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  base = base.replace(/^[0-9]+/, '');
  if (base.length === 0) base = 'user';
  return base.slice(0, MAX_BASE);
}

/** The first free username for `name`; `taken` holds the lower-cased usernames in use and gains the new one. */
export function nextFreeUsername(name: string, taken: Set<string>): string {
  const base = usernameBase(name);
  // A base too short to be a username on its own (易 → yi) always carries its number.
  let n = base.length < MIN_LENGTH ? 1 : 0;
  for (;;) {
    const candidate = n === 0 ? base : `${base}${String(n)}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
    n = n === 0 ? 2 : n + 1;
  }
}
