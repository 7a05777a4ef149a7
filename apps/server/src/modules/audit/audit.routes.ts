import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, ErrorResponse } from '@qizhi/domain';
import { requireAuth } from '../../platform/auth.ts';
import { findAuditPage } from './audit.repo.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get(
    '/',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['审计'],
        summary: '审计日志（仅审计管理员）',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await findAuditPage(db, requireAuth(request).user.tenantId, q);
      return {
        items: rows.map(({ entry }) => ({
          id: entry.id,
          at: entry.at.toISOString(),
          actorUserId: entry.actorUserId,
          actorName: entry.actorName,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId,
          summary: entry.summary,
          before: entry.before ?? null,
          after: entry.after ?? null,
          ip: entry.ip,
        })),
        total: rows[0]?.total ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
};
