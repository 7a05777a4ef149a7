/**
 * 民主评议 under a killed server (issue 13): ballots are cast against a real server process, which is
 * killed with SIGKILL while casts are in flight. Afterwards every round holds exactly as many ballots
 * as voters marked as having voted, and every cast the server acknowledged is there. PostgreSQL
 * only: it is the database that outlives the server process (an embedded one dies with it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TWO_FACTOR_SECRET } from '../../seed/demo-two-factor.ts';
import { TEST_PASSWORD, TEST_TWO_FACTOR_KEY } from '../../test/fixtures.ts';
import { createTestContext, totpCode, type Session, type TestContext } from '../../test/harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const VOTERS = ['secretary', 'clerk', 'member', 'leader', 'staff'];
const ROUNDS = 6;

let ctx: TestContext;
let secretary: Session;
let child: ChildProcess | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-kill-'));

beforeAll(async () => {
  if (process.env.QIZHI_TEST_DB !== 'postgresql') return;
  ctx = await createTestContext();
  secretary = await ctx.login('secretary');
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await ctx?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm run dev`'s server on the test's own database; resolves once it listens. */
async function startServer(databaseUrl: string): Promise<{ baseUrl: string; exited: Promise<unknown> }> {
  const port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      QIZHI_DATA_DIR: dataDir,
      QIZHI_SEED_DEMO: 'false',
      QIZHI_LOGIN_RATE_LIMIT: '1000',
      // The demo officers' TOTP secrets are sealed with the test key (双因素登录).
      QIZHI_TWO_FACTOR_KEY: TEST_TWO_FACTOR_KEY,
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise((resolve) => child?.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('旗帜已启动')) {
        clearInterval(check);
        resolve();
      }
    }, 50);
    void exited.then(() => {
      clearInterval(check);
      reject(new Error(`server exited: ${output}`));
    });
  });
  return { baseUrl: `http://127.0.0.1:${String(port)}`, exited };
}

/**
 * The second step for an officer (双因素登录): a code of the demo secret for a step after the last one
 * the account used (the in-process sign-in of beforeAll took one), within the ±1 step the server takes.
 */
async function secondFactor(baseUrl: string, username: string, passwordStep: Response): Promise<Response> {
  const challenge = passwordStep.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('qizhi_2fa='));
  const [used] = await rows<{ last_step: string | null }>(
    `select t.last_step from two_factor t join users u on u.tenant_id = t.tenant_id and u.id = t.user_id
      where u.username = '${username}'`,
  );
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, Number(used?.last_step ?? -1) + 1);
  if (step > now + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 200));
  return fetch(`${baseUrl}/api/auth/two-factor/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: challenge ?? '' },
    body: JSON.stringify({ code: totpCode(DEMO_TWO_FACTOR_SECRET, step * 30_000) }),
  });
}

async function login(baseUrl: string, username: string): Promise<{ cookie: string; csrfToken: string }> {
  const passwordStep = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(passwordStep.status, username).toBe(200);
  const asked = (await passwordStep.clone().json()) as { secondFactor?: string };
  const res = asked.secondFactor ? await secondFactor(baseUrl, username, passwordStep) : passwordStep;
  expect(res.status, username).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('qizhi_session='));
  return { cookie: cookie ?? '', csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function rows<T>(query: string): Promise<T[]> {
  const result: unknown = await ctx.database.db.execute(query);
  return (result as { rows: T[] }).rows;
}

describe.runIf(process.env.QIZHI_TEST_DB === 'postgresql')('ballots when the server is killed mid-vote', () => {
  it('leaves as many ballots as voters marked, and every acknowledged ballot', { timeout: 180_000 }, async () => {
    const units = (await secretary.request({ method: 'GET', url: '/api/org-units' })).json().items;
    const branchId = units.find((u: { kind: string }) => u.kind === 'branch').id as string;
    const ballots = new Map<string, object>();
    for (let i = 0; i < ROUNDS; i++) {
      const created = await secretary.request({
        method: 'POST',
        url: '/api/evaluations/rounds',
        payload: { orgUnitId: branchId, coveredYear: 2010 + i, pool: 'all_staff', points: ['duties', 'integrity'] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const round = created.json<{ id: string; points: string[]; subjects: { id: string }[] }>();
      const opened = await secretary.request({ method: 'POST', url: `/api/evaluations/rounds/${round.id}/open` });
      expect(opened.statusCode, opened.body).toBe(200);
      const points = [...round.points, 'overall'];
      ballots.set(round.id, {
        marks: round.subjects.map((s) => ({
          subjectId: s.id,
          grades: Object.fromEntries(points.map((p) => [p, 'qualified'])),
        })),
      });
    }

    const server = await startServer(ctx.databaseUrl!);
    const sessions = await Promise.all(VOTERS.map((u) => login(server.baseUrl, u)));
    const acknowledged: { roundId: string; voter: number }[] = [];
    let killAfter = 6;
    // Every voter casts in every round, one cast after another, all voters at once; the server is
    // killed as soon as a few casts have been answered, so others are in flight.
    const casting = sessions.map(async (session, voter) => {
      for (const [roundId, ballot] of ballots) {
        try {
          const res = await fetch(`${server.baseUrl}/api/evaluations/rounds/${roundId}/ballots`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
            body: JSON.stringify(ballot),
          });
          if (res.status === 201) acknowledged.push({ roundId, voter });
          if (--killAfter === 0) child?.kill('SIGKILL');
        } catch {
          return; // the server is gone
        }
      }
    });
    await Promise.all(casting);
    await server.exited;
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(VOTERS.length * ROUNDS);

    // The killed server's connections end with it; PostgreSQL rolls back what they left open.
    for (let i = 0; i < 50; i++) {
      const open = await rows<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
           and state like 'idle in transaction%'`,
      );
      if (open[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const counts = await rows<{ round_id: string; ballots: number; voters: number }>(
      `select r.id as round_id,
         (select count(*)::int from evaluation_ballots b where b.round_id = r.id) as ballots,
         (select count(*)::int from evaluation_voters v where v.round_id = r.id) as voters
       from evaluation_rounds r where r.covered_year between 2010 and ${String(2010 + ROUNDS - 1)}`,
    );
    expect(counts).toHaveLength(ROUNDS);
    for (const c of counts) expect(c.ballots, c.round_id).toBe(c.voters);
    const perRound = new Map(counts.map((c) => [c.round_id, c.voters]));
    for (const roundId of ballots.keys()) {
      const acked = acknowledged.filter((a) => a.roundId === roundId).length;
      expect(perRound.get(roundId) ?? 0, roundId).toBeGreaterThanOrEqual(acked);
    }
  });
});
