/**
 * Issue 11 (level-3 profile): the session cookie is Secure whenever the app is served over TLS — by
 * default (`QIZHI_SECURE_COOKIE=auto`) behind a TLS proxy that says so — and the setting can force it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { TEST_PASSWORD } from '../test/fixtures.ts';

async function cookieOf(ctx: TestContext, headers: Record<string, string>): Promise<string> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    payload: { username: 'member', password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const set = res.headers['set-cookie'];
  return (Array.isArray(set) ? set : [set ?? '']).find((c) => c.startsWith('qizhi_session=')) ?? '';
}

describe('Secure session cookie', () => {
  let auto: TestContext;
  beforeAll(async () => {
    auto = await createTestContext();
  });
  afterAll(async () => {
    await auto.close();
  });

  it('by default: Secure behind a TLS proxy (X-Forwarded-Proto or Forwarded), not over plain HTTP', async () => {
    expect(auto.app.deps.config.secureCookie).toBe('auto');
    expect(await cookieOf(auto, {})).not.toMatch(/;\s*Secure/i);
    expect(await cookieOf(auto, { 'x-forwarded-proto': 'http' })).not.toMatch(/;\s*Secure/i);
    expect(await cookieOf(auto, { 'x-forwarded-proto': 'https' })).toMatch(/;\s*Secure/i);
    expect(await cookieOf(auto, { 'x-forwarded-proto': 'HTTPS, http' })).toMatch(/;\s*Secure/i);
    expect(await cookieOf(auto, { forwarded: 'for=192.0.2.60;proto=https;by=203.0.113.43' })).toMatch(/;\s*Secure/i);
    const cookie = await cookieOf(auto, { 'x-forwarded-proto': 'https' });
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('QIZHI_SECURE_COOKIE=true forces it, false turns it off', async () => {
    const on = await createTestContext({ QIZHI_SECURE_COOKIE: 'true' });
    try {
      expect(await cookieOf(on, {})).toMatch(/;\s*Secure/i);
    } finally {
      await on.close();
    }
    const off = await createTestContext({ QIZHI_SECURE_COOKIE: 'false' });
    try {
      expect(await cookieOf(off, { 'x-forwarded-proto': 'https' })).not.toMatch(/;\s*Secure/i);
    } finally {
      await off.close();
    }
  });
});
