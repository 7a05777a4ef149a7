/**
 * The address phones use to reach the server (QIZHI_PUBLIC_URL), carried by meeting sign-in codes
 * and printed on account slips. Without the setting, the address the request came in on — which is
 * 127.0.0.1 when the host's own browser opened the page; the web warns when phones cannot reach it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export function publicAddress(app: FastifyInstance, request: FastifyRequest): string {
  return app.deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
}
