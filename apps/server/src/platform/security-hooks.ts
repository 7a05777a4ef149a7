/**
 * Where security events come from: one `onError` hook sees every refusal the API answers — a 403
 * (permission, CSRF), a 429 (rate limit), a 404 on a route addressed by id — and hands it to the
 * limited writer in `security-events.ts`. The request's answer never waits for the write.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db.ts';
import { AppError } from './errors.ts';
import {
  belongsToAnotherCourt,
  createSecurityEvents,
  type SecurityEvent,
  type SecurityEvents,
} from './security-events.ts';

declare module 'fastify' {
  interface FastifyInstance {
    securityEvents: SecurityEvents;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who asked: the signed-in user and court, or nobody (the host court then). */
export function requester(request: FastifyRequest): Pick<SecurityEvent, 'tenantId' | 'userId' | 'name' | 'ip'> {
  const user = request.auth?.user;
  return {
    tenantId: user?.tenantId ?? null,
    userId: user?.id ?? null,
    name: user?.displayName ?? null,
    ip: request.ip,
  };
}

function where(request: FastifyRequest): string {
  return `${request.method} ${(request.routeOptions.url ?? request.url.split('?')[0] ?? '').slice(0, 200)}`;
}

export function registerSecurityEvents(
  app: FastifyInstance,
  database: Database,
  config: Pick<Config, 'securityEventsPerMinute' | 'securityAlertThreshold' | 'securityCourt'>,
  onAlert?: (tenantId: string, count: number) => Promise<void>,
): void {
  const events = createSecurityEvents(database, {
    perKeyPerMinute: config.securityEventsPerMinute,
    alertThreshold: config.securityAlertThreshold,
    hostCourtCode: config.securityCourt,
    ...(onAlert ? { onAlert } : {}),
    log: app.log,
  });
  app.decorate('securityEvents', events);
  app.addHook('onClose', async () => events.close());

  app.addHook('onError', async (request, _reply, error) => {
    const status = error instanceof AppError ? error.status : (error as { statusCode?: number }).statusCode;
    const code = error instanceof AppError ? error.code : undefined;
    const who = requester(request);
    if (status === 429) {
      events.record({ ...who, action: 'security.rate_limited', summary: `请求过于频繁被限流：${where(request)}` });
    } else if (code === 'CSRF_TOKEN_INVALID') {
      events.record({ ...who, action: 'security.csrf_refused', summary: `请求校验（CSRF）失败：${where(request)}` });
    } else if (code === 'FORBIDDEN' || code === 'NOT_AN_ATTENDEE') {
      events.record({
        ...who,
        action: 'security.forbidden',
        summary: `无权限被拒绝：${where(request)}（${error.message}）`,
      });
    } else if (status === 404 && request.auth) {
      // A 404 on a route addressed by id: an id that is not (or not for this user) there. Whether it is
      // another court's is looked up only for what the limiter lets through.
      const params = (request.params ?? {}) as Record<string, unknown>;
      const ids = Object.values(params).filter((v): v is string => typeof v === 'string' && UUID.test(v));
      if (ids.length === 0) return;
      const tenantId = request.auth.user.tenantId;
      events.record(
        {
          ...who,
          action: 'security.not_found',
          summary: `访问不存在或无权查看的记录：${where(request)}`,
          after: { ids },
        },
        async () =>
          (await belongsToAnotherCourt(database, tenantId, ids))
            ? {
                action: 'security.cross_court_probe',
                summary: `试探访问其他法院的记录：${where(request)}`,
              }
            : {},
      );
    }
  });
}
