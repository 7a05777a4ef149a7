import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Centre,
  ErrorResponse,
  PointsRankingRequest,
  PointsRankingResponse,
  UpdateCentreRequest,
  YearParam,
  YearQuery,
} from '@qizhi/domain';
import { courtYear } from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './centre.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const centreRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['一个中心'];

  app.get(
    '/',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '年度中心目标、工作思路和六型法院维度',
        querystring: YearQuery,
        response: { 200: Centre, ...errors },
      },
    },
    async (request) => service.getCentre(contextOf(request), request.query.year ?? courtYear()),
  );
  app.put(
    '/points-ranking',
    {
      config: { access: 'centre.manage' },
      schema: {
        tags,
        summary: '开启或关闭“比学赶超”积分排名（默认关闭）',
        body: PointsRankingRequest,
        response: { 200: PointsRankingResponse, ...errors },
      },
    },
    async (request) => service.setPointsRanking(contextOf(request), request.body.enabled),
  );
  app.put(
    '/:year',
    {
      config: { access: 'centre.manage' },
      schema: {
        tags,
        summary: '设定年度中心目标和工作思路',
        params: z.object({ year: YearParam }),
        body: UpdateCentreRequest,
        response: { 200: Centre, ...errors },
      },
    },
    async (request) => service.updateCentre(contextOf(request), request.params.year, request.body),
  );
};
