/**
 * The address phones use to reach the server (QIZHI_PUBLIC_URL), carried by meeting sign-in codes
 * and printed on account slips. Without the setting, the address the request came in on — which is
 * 127.0.0.1 when the host's own browser opened the page; the web warns when phones cannot reach it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export function publicAddress(app: FastifyInstance, request: FastifyRequest): string {
  return app.deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/**
 * The server's own address, never taken from the request: QIZHI_PUBLIC_URL, else the address it listens
 * on (127.0.0.1 for a wildcard bind). For what is handed out to be opened later by someone else — the
 * calendar feed — where a forged Host header must not decide the link.
 */
export function configuredAddress(config: { publicUrl: string | undefined; host: string; port: number }): string {
  if (config.publicUrl) return config.publicUrl;
  const host = ['0.0.0.0', '::', '[::]'].includes(config.host) ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${String(config.port)}`;
}
