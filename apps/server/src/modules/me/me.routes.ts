import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, MyAssessments, MyAttendance, MyAttendanceQuery } from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './me.service.ts';

/** 我的: what only the signed-in person sees of themselves, where no module already answers it. */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/meetings',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['我的'],
        summary: '本人一年的会议及出席情况（含本人请假原因和批准情况）',
        querystring: MyAttendanceQuery,
        response: { 200: MyAttendance, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => service.myAttendance(contextOf(request), request.query.year),
  );
  app.get(
    '/assessments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['我的'],
        summary: '本人的定期考核结果（法院考核，不是民主评议党员）',
        response: { 200: MyAssessments, 401: ErrorResponse },
      },
    },
    async (request) => service.myAssessments(contextOf(request)),
  );
};
