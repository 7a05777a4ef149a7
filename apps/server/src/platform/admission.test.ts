import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAdmission } from './admission.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An app with one slow API route that records when each call starts and ends. */
async function appWithGate(limit: number) {
  const app = Fastify();
  registerAdmission(app, limit);
  const log: string[] = [];
  let active = 0;
  let mostActive = 0;
  app.get('/api/slow/:n', async (request) => {
    const { n } = request.params as { n: string };
    active++;
    mostActive = Math.max(mostActive, active);
    log.push(`start ${n}`);
    await sleep(30);
    log.push(`end ${n}`);
    active--;
    return { n };
  });
  app.get('/api/health', async () => ({ status: 'ok' }));
  app.get('/page', async () => 'page');
  await app.ready();
  return { app, log, mostActive: () => mostActive };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('the admission gate (同时处理的接口请求上限)', () => {
  it('works on at most `limit` API requests at once, the rest in order of arrival', async () => {
    const { app, log, mostActive } = await appWithGate(2);
    close = () => app.close();
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => app.inject({ method: 'GET', url: `/api/slow/${String(n)}` })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(mostActive()).toBe(2);
    const starts = log.filter((l) => l.startsWith('start')).map((l) => l.split(' ')[1]);
    expect(starts).toEqual(['1', '2', '3', '4', '5']);
    // The third starts only once one of the first two has ended.
    expect(log.indexOf('start 3')).toBeGreaterThan(Math.min(log.indexOf('end 1'), log.indexOf('end 2')));
  });

  it('never holds back the health probe or what is not the API', async () => {
    const { app } = await appWithGate(1);
    close = () => app.close();
    const slow = app.inject({ method: 'GET', url: '/api/slow/1' });
    const queued = app.inject({ method: 'GET', url: '/api/slow/2' });
    const t0 = performance.now();
    const [health, page] = await Promise.all([
      app.inject({ method: 'GET', url: '/api/health' }),
      app.inject({ method: 'GET', url: '/page' }),
    ]);
    expect(health.statusCode).toBe(200);
    expect(page.body).toBe('page');
    expect(performance.now() - t0).toBeLessThan(30);
    await Promise.all([slow, queued]);
  });

  it('gives the turn back when a client goes away, waiting or being served', async () => {
    const { app, log } = await appWithGate(1);
    await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
    const { port } = app.server.address() as AddressInfo;
    const abandon = (n: number) =>
      new Promise<void>((resolve) => {
        const req = http.get({ host: '127.0.0.1', port, path: `/api/slow/${String(n)}` });
        req.on('error', () => resolve());
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 5);
      });
    // One abandoned while served, two while waiting behind it: none may keep a turn.
    await Promise.all([abandon(1), abandon(2), abandon(3)]);
    await sleep(150);
    const after = await fetch(`http://127.0.0.1:${String(port)}/api/slow/4`, { signal: AbortSignal.timeout(2_000) });
    expect(after.status).toBe(200);
    expect(log).toContain('end 4');
  });

  it('is off with a limit of 0', async () => {
    const { app, mostActive } = await appWithGate(0);
    close = () => app.close();
    await Promise.all([1, 2, 3].map((n) => app.inject({ method: 'GET', url: `/api/slow/${String(n)}` })));
    expect(mostActive()).toBe(3);
  });
});
