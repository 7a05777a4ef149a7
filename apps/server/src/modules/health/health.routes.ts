import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../platform/db.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }),
          503: z.object({ status: z.literal('unavailable'), database: z.literal('down') }),
        },
      },
    },
    async (request, reply) => {
      const { database } = app.deps;
      try {
        await ping(database);
      } catch (err) {
        request.log.warn({ err }, '健康检查：数据库无法连接');
        return reply.status(503).send({ status: 'unavailable' as const, database: 'down' as const });
      }
      return { status: 'ok' as const, database: database.kind };
    },
  );
};
