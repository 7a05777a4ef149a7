import { describe, expect, it } from 'vitest';
import { nextFreeUsername, usernameBase } from './usernames.ts';

describe('usernames from roster names', () => {
  it('is the toneless pinyin of the name, surnames read as surnames', () => {
    expect(usernameBase('张伟')).toBe('zhangwei');
    expect(usernameBase('吕明')).toBe('lvming');
    expect(usernameBase('单田芳')).toBe('shantianfang');
    expect(usernameBase('  Li Na ')).toBe('lina');
    expect(usernameBase('123')).toBe('user');
  });

  it('adds a number on a clash, from 2, and short names always carry one', () => {
    const taken = new Set(['zhangwei', 'zhangwei2']);
    expect(nextFreeUsername('张伟', taken)).toBe('zhangwei3');
    expect(nextFreeUsername('张伟', taken)).toBe('zhangwei4');
    expect(nextFreeUsername('王芳', taken)).toBe('wangfang');
    expect(nextFreeUsername('王芳', taken)).toBe('wangfang2');
    expect(nextFreeUsername('易', taken)).toBe('yi1');
    expect(nextFreeUsername('易', taken)).toBe('yi2');
  });
});
