import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CalendarFeedCreated, CalendarFeedStatus, CalendarTokenParams, OkResponse } from '@qizhi/domain';
import { configuredAddress } from '../../../platform/public-url.ts';
import { contextOf } from '../../../platform/request-context.ts';
import { errors } from '../route-errors.ts';
import * as service from './calendar.service.ts';

/** The personal iCalendar feed: a secret, revocable address that calendar apps subscribe to. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['日程订阅'];
  // QIZHI_PUBLIC_URL (or the listening address), never the request's Host header: a forged Host must
  // not decide the address a calendar app is given or the links inside the feed.
  const origin = () => configuredAddress(app.deps.config);

  app.get(
    '/calendar/feed',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '本人日程订阅状态', response: { 200: CalendarFeedStatus, ...errors } },
    },
    async (request) => service.getFeedStatus(contextOf(request)),
  );
  app.post(
    '/calendar/feed',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '生成（或重新生成）个人日程订阅地址；地址只显示一次',
        response: { 201: CalendarFeedCreated, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createFeed(contextOf(request), origin())),
  );
  app.delete(
    '/calendar/feed',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '停用个人日程订阅地址', response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await service.revokeFeed(contextOf(request));
      return { ok: true as const };
    },
  );
  // Public by design: calendar apps cannot sign in. The random token in the path is the credential.
  app.get(
    '/calendar/:token.ics',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'iCalendar 订阅（RFC 5545；地址本身即凭证）', params: CalendarTokenParams },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="qizhi.ics"')
        .send(await service.renderFeed(app.deps.database, request.params.token, origin())),
  );
};
