/**
 * 双因素登录 for the benches: the demo officers they sign in as must give a second factor. Enrolled
 * ones (the demo secret, README) get a code of it; ones the seed did not enrol (no key given) bind an
 * authenticator through the real enrolment routes, with the secret those routes hand back.
 */
import type { FastifyInstance } from 'fastify';
import { TOTP } from 'otpauth';
import { DEMO_TWO_FACTOR_SECRET } from '../apps/server/src/seed/demo-two-factor.ts';

const PERIOD_MS = 30_000;
/** The last step each account signed in with: the server refuses a code of that step or an earlier one. */
const lastStep = new Map<string, number>();

/**
 * A code of `secret` for a step `username` has not used yet — one step ahead is accepted, and when that
 * is taken too, it waits for the clock (a bench that signs one officer in again after a restart within
 * the same 30 s would otherwise replay a code and count toward the lockout).
 */
async function code(secret: string, username: string): Promise<string> {
  const step = Math.max(Math.floor(Date.now() / PERIOD_MS), (lastStep.get(username) ?? 0) + 1);
  const wait = (step - 1) * PERIOD_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 200));
  lastStep.set(username, step);
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: step * PERIOD_MS });
}

type Step = { status: number; body: unknown; setCookie: string[] };

/** Finishes a sign-in whose password step answered `secondFactor`; `post` sends with the challenge cookie. */
async function finish(
  username: string,
  first: Step,
  post: (url: string, cookie: string, body?: unknown) => Promise<Step>,
): Promise<Step> {
  const step = (first.body as { secondFactor?: 'verify' | 'enrol' }).secondFactor;
  if (first.status !== 200 || !step) return first;
  const cookie = first.setCookie.map((c) => c.split(';')[0]).find((c) => c?.startsWith('qizhi_2fa=')) ?? '';
  if (step === 'verify')
    return post('/api/auth/two-factor/verify', cookie, { code: await code(DEMO_TWO_FACTOR_SECRET, username) });
  const setup = await post('/api/auth/two-factor/enrolment', cookie);
  const secret = (setup.body as { secret: string }).secret;
  return post('/api/auth/two-factor/enrolment/confirm', cookie, { code: await code(secret, username) });
}

export async function signInByFetch(baseUrl: string, username: string, password: string): Promise<Response> {
  const send = async (url: string, cookie: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body ?? {}),
    });
    return { res, step: { status: res.status, body: await res.clone().json(), setCookie: res.headers.getSetCookie() } };
  };
  const first = await send('/api/auth/login', '', { username, password });
  let last = first.res;
  await finish(username, first.step, async (url, cookie, body) => {
    const next = await send(url, cookie, body);
    last = next.res;
    return next.step;
  });
  return last;
}

export async function signInByInject(app: FastifyInstance, username: string, password: string) {
  const send = async (url: string, cookie: string, body?: unknown) =>
    app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {}, payload: body ?? {} });
  const asStep = (r: Awaited<ReturnType<typeof send>>): Step => ({
    status: r.statusCode,
    body: r.json(),
    setCookie: [r.headers['set-cookie'] ?? []].flat().map(String),
  });
  const first = await send('/api/auth/login', '', { username, password });
  let last = first;
  await finish(username, asStep(first), async (url, cookie, body) => {
    last = await send(url, cookie, body);
    return asStep(last);
  });
  return last;
}
