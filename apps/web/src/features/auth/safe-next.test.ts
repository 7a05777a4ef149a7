import { describe, expect, it } from 'vitest';
import { nextFrom, safeNext, withNext } from './safe-next.ts';

describe('where to go after signing in', () => {
  it('keeps a path of this site, with its query', () => {
    const signIn = '/meetings/8d0b7a7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/sign-in?code=123456';
    expect(safeNext(signIn)).toBe(signIn);
    expect(nextFrom(new URLSearchParams({ redirect: signIn }))).toBe(signIn);
    expect(nextFrom(new URLSearchParams({ next: '/me' }))).toBe('/me');
    expect(withNext('/password', signIn)).toBe(`/password?next=${encodeURIComponent(signIn)}`);
    expect(withNext('/login', '/')).toBe('/login');
  });

  it('refuses other sites and the sign-in page itself', () => {
    for (const bad of [
      null,
      '',
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      '/login',
      '/login?next=/x',
    ]) {
      expect(safeNext(bad), String(bad)).toBe('/');
    }
  });
});
