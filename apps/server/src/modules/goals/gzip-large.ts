import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzipAsync = promisify(gzip);
/** Below this a response goes as it is: compressing costs more than it saves. */
const MIN_BYTES = 256 * 1024;

/**
 * A route's onSend hook that gzips a large JSON answer when the client accepts it. A court-year of
 * 20,000 goals is ≈8 MB of JSON (≈0.7 s on a 100 Mbit/s court network) and ≈10× smaller gzipped;
 * zlib works in libuv's thread pool, so the event loop stays free meanwhile. The server has no
 * general compression (the web app's assets are served pre-compressed).
 */
export async function gzipLargeJson(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (typeof payload !== 'string' || payload.length < MIN_BYTES / 3) return payload;
  const accepts = request.headers['accept-encoding'];
  if (typeof accepts !== 'string' || !/\bgzip\b/.test(accepts)) return payload;
  const raw = Buffer.from(payload, 'utf8');
  if (raw.length < MIN_BYTES) return raw;
  void reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding');
  return gzipAsync(raw, { level: 1 });
}
