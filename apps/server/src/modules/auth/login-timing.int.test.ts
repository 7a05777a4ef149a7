import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';

/**
 * Account existence must not show in the timing of a refused sign-in. Wall-clock comparisons are
 * flaky on a shared machine, so this counts what the timing is made of: one argon2 verification
 * for every answer — a wrong password, a locked account, an unknown name.
 */
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      verifications.count += 1;
      return real.verify(...args);
    },
  };
});

describe.runIf(process.env.QIZHI_TEST_DB !== 'postgresql')('sign-in timing', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const attempt = async (username: string) => {
    const before = verifications.count;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'Wrong@guess2026' },
    });
    return { status: res.statusCode, verifications: verifications.count - before };
  };

  it('does the same argon2 work for a wrong password, a locked account and an unknown name', async () => {
    expect(await attempt('member')).toEqual({ status: 401, verifications: 1 });
    for (let i = 0; i < 4; i++) await attempt('member');
    expect(await attempt('member')).toEqual({ status: 423, verifications: 1 });
    expect(await attempt('nobody-here')).toEqual({ status: 401, verifications: 1 });
  });
});
