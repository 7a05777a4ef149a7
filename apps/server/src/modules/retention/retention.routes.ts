import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, RetentionSettings, RetentionSettingsRequest } from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './retention.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** 个人信息保存期限 (under /api/retention): the 安全管理员 reads and sets the court's periods. */
export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['个人信息保存期限'];
  const access = { access: 'retention.manage' as const };
  app.get(
    '/',
    {
      config: access,
      schema: {
        tags,
        summary: '各类个人信息的保存期限，及现在到期的条数（每日自动清理）',
        response: { 200: RetentionSettings, ...errors },
      },
    },
    async (request) => service.readSettings(contextOf(request)),
  );
  app.put(
    '/',
    {
      config: access,
      schema: {
        tags,
        summary: '修改保存期限（不得少于各类的最低期限）',
        body: RetentionSettingsRequest,
        response: { 200: RetentionSettings, ...errors },
      },
    },
    async (request) => service.updateSettings(contextOf(request), request.body),
  );
};
