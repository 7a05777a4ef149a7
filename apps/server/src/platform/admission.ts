/**
 * 同时处理的接口请求上限: only so many API requests are worked on at once; the rest wait their turn,
 * first come first served, before any of their work starts.
 *
 * Why: the embedded database is one session that runs one statement at a time, in arrival order. When
 * it is saturated, a request that makes fifteen statements queues fifteen times and one that makes two
 * only twice, so the many-statement requests starve: at twice the peak load (bench/reliability/
 * overload.ts, PGlite) the p95 was 1.5 s while 0.6 % of requests waited more than 30 s. Admitting a few
 * requests at a time keeps the database's queue short, so each request waits once, in line.
 *
 * `/api/health` is never held back: the probe must answer while the server is busy.
 */
import { Semaphore } from 'async-mutex';
import type { FastifyInstance, FastifyRequest } from 'fastify';

interface Admission {
  release?: () => void;
  over: boolean;
}

function gated(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/health');
}

export function registerAdmission(app: FastifyInstance, limit: number): void {
  if (limit <= 0) return;
  const gate = new Semaphore(limit);
  const admissions = new WeakMap<FastifyRequest, Admission>();
  app.addHook('onRequest', async (request) => {
    if (!gated(request.url)) return;
    const admission: Admission = { over: false };
    admissions.set(request, admission);
    const [, release] = await gate.acquire();
    // The client may have gone while it waited: its turn is given back at once.
    if (admission.over) release();
    else admission.release = release;
  });
  // Answered, or the client gone: whichever comes first gives the turn to the next in line.
  const leave = async (request: FastifyRequest) => {
    const admission = admissions.get(request);
    if (!admission) return;
    admissions.delete(request);
    admission.over = true;
    admission.release?.();
  };
  app.addHook('onResponse', leave);
  app.addHook('onRequestAbort', leave);
}
