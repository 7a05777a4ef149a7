import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorResponse,
  NotificationOutboxPage,
  NotificationOutboxQuery,
  NotificationSettings,
  TestNotificationRequest,
  TestNotificationResponse,
  UpdateNotificationSettingsRequest,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './notifications.service.ts';
import { startWorker } from './worker.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The court's message settings and its record of what was sent; the worker that sends. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['消息推送'];
  const { config, database } = app.deps;
  const access = { access: 'notifications.manage' } as const;

  app.get(
    '/settings',
    {
      config: access,
      schema: {
        tags,
        summary: '消息推送设置（企业微信、钉钉群机器人，电子邮件；密钥不回显）',
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (request) => service.getSettings(contextOf(request), config.publicUrl),
  );
  app.put(
    '/settings',
    {
      config: access,
      schema: {
        tags,
        summary: '修改消息推送设置（未提交的字段不变，null 清除）',
        body: UpdateNotificationSettingsRequest,
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (request) => service.updateSettings(contextOf(request), request.body, config.publicUrl),
  );
  app.get(
    '/outbox',
    {
      config: access,
      schema: {
        tags,
        summary: '发送记录（待发送、已发送、发送失败）',
        querystring: NotificationOutboxQuery,
        response: { 200: NotificationOutboxPage, ...errors },
      },
    },
    async (request) => service.listMessages(contextOf(request), request.query),
  );
  app.post(
    '/test',
    {
      config: access,
      schema: {
        tags,
        summary: '发送测试消息',
        body: TestNotificationRequest,
        response: { 202: TestNotificationResponse, ...errors },
      },
    },
    async (request, reply) => reply.status(202).send(await service.sendTest(contextOf(request), request.body.channel)),
  );

  const worker = startWorker(database, { publicUrl: config.publicUrl, log: app.log });
  app.addHook('onClose', async () => worker.stop());
};
