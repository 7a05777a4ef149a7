import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssessmentRow,
  AssessmentsQuery,
  AssessmentsResponse,
  ErrorResponse,
  RankingsQuery,
  RankingsResponse,
  SaveAssessmentRequest,
  courtYear,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './assessments.service.ts';
import { computeRankings } from './rankings.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['定期考核'];

  app.get(
    '/assessments',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: '定期考核（按季度，period 如 2026-Q3）：每名党员的目标完成度、等次和评语，以及各党小组汇总',
        querystring: AssessmentsQuery,
        response: { 200: AssessmentsResponse, ...errors },
      },
    },
    async (request) => service.listAssessments(contextOf(request), request.query.period ?? service.currentPeriod()),
  );
  app.post(
    '/assessments',
    {
      config: { access: 'assessments.manage' },
      schema: {
        tags,
        summary: '评定考核等次（优秀、良好、一般、较差）和评语',
        body: SaveAssessmentRequest,
        response: { 200: AssessmentRow, ...errors },
      },
    },
    async (request) => service.saveAssessment(contextOf(request), request.body),
  );
  app.get(
    '/rankings',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags: ['比学赶超'],
        summary: '比学赶超积分排名（须本院开启，默认关闭）',
        querystring: RankingsQuery,
        response: { 200: RankingsResponse, ...errors },
      },
    },
    async (request) => computeRankings(contextOf(request), request.query.year ?? courtYear()),
  );
};
