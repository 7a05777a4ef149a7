/**
 * 双因素登录 in the browser tests: the demo administrators and officers are enrolled with the demo
 * TOTP secret (README; apps/server/src/seed/demo-two-factor.ts), so a test computes the code an
 * authenticator app would show. The server refuses a code of a step it has already taken for the
 * account (replay), and each e2e file runs in its own process — so the last step used per account is
 * kept in a file beside the run, and the next sign-in takes a later step (±1 step is accepted; when
 * none is left, it waits for the next 30-second step).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { TOTP } from 'otpauth';
import { baseUrl } from './e2e-config.ts';

export const DEMO_TWO_FACTOR_SECRET = 'QIZHIDEMOTOTPSECRETFORDEMOONLY22';
const PERIOD_MS = 30_000;

function stateFile(): string {
  const id = createHash('sha256').update(baseUrl()).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `qizhi-e2e-totp-${id}.json`);
}

export function totpAt(secret: string, ms: number): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: ms });
}

/** A code of `secret` for a step never used before by `username` in this run. */
export async function freshCode(username: string, secret = DEMO_TWO_FACTOR_SECRET): Promise<string> {
  const file = stateFile();
  const used = (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}) as Record<string, number>;
  const now = Math.floor(Date.now() / PERIOD_MS);
  const step = Math.max(now, (used[username] ?? 0) + 1);
  // Only up to one step ahead is accepted: wait until the clock is at most one step behind.
  const wait = (step - 1) * PERIOD_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 200));
  used[username] = step;
  fs.writeFileSync(file, JSON.stringify(used));
  return totpAt(secret, step * PERIOD_MS);
}

/**
 * Signs in through the API (password, then the second factor when it is asked for): a session
 * cookie and its CSRF token, for setting a scene without a browser.
 */
export async function apiSignIn(
  username: string,
  password: string,
): Promise<{ response: Response; cookie: string; csrfToken: string }> {
  let response = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.ok) {
    const body = (await response.clone().json()) as { secondFactor?: string };
    if (body.secondFactor === 'verify') {
      const challenge = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
      response = await fetch(`${baseUrl()}/api/auth/two-factor/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: challenge },
        body: JSON.stringify({ code: await freshCode(username) }),
      });
    }
  }
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrfToken = response.ok ? (((await response.clone().json()) as { csrfToken?: string }).csrfToken ?? '') : '';
  return { response, cookie, csrfToken };
}
