import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, ErrorResponse } from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import { listAuditEntries } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request) => listAuditEntries(contextOf(request), request.query),
  );
};
