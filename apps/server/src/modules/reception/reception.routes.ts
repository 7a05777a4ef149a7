import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  courtYear,
  CreateVisitRequest,
  ErrorResponse,
  GenerateRotaRequest,
  IdParams,
  OkResponse,
  RotaLeadersResponse,
  RotaResponse,
  ServicePledge,
  ServicePledgeRequest,
  ServicePledgesResponse,
  SubstituteRotaRequest,
  SwapRotaRequest,
  UpdateVisitProgressRequest,
  Visit,
  VisitsQuery,
  VisitsResponse,
  VisitStatsResponse,
  YearRotaQuery,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as pledges from './pledges.service.ts';
import * as rota from './rota.service.ts';
import * as visits from './visits.service.ts';
import { visitStatsWorkbook } from './visits-xlsx.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const OptionalYear = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** 院领导挂牌接访: the rota, the visits with their clocks, and the service pledges. */
export const receptionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['领导接访'];
  app.get(
    '/rota',
    {
      config: { access: 'reception.read' },
      schema: {
        tags,
        summary: '一年的接访值班表',
        querystring: YearRotaQuery,
        response: { 200: RotaResponse, ...errors },
      },
    },
    async (request) => rota.listRota(contextOf(request), request.query.year),
  );
  app.get(
    '/rota/leaders',
    {
      config: { access: 'reception.manage' },
      schema: {
        tags,
        summary: '可排接访的院领导（院长、副院长、党组成员）',
        response: { 200: RotaLeadersResponse, ...errors },
      },
    },
    async (request) => rota.listLeaderCandidates(contextOf(request)),
  );
  app.post(
    '/rota/generate',
    {
      config: { access: 'reception.manage' },
      schema: {
        tags,
        summary: '按院领导轮流生成一年的值班表（每周一名；接访日遇节假日顺延至本周下一个工作日）',
        body: GenerateRotaRequest,
        response: { 200: RotaResponse, ...errors },
      },
    },
    async (request) => rota.generateYearRota(contextOf(request), request.body),
  );
  app.post(
    '/rota/swap',
    {
      config: { access: 'reception.manage' },
      schema: {
        tags,
        summary: '调换两周的接访领导（留痕）',
        body: SwapRotaRequest,
        response: { 200: RotaResponse, ...errors },
      },
    },
    async (request) => rota.swapRotaWeeks(contextOf(request), request.body),
  );
  app.post(
    '/rota/:id/substitute',
    {
      config: { access: 'reception.manage' },
      schema: {
        tags,
        summary: '替班（留痕）',
        params: IdParams,
        body: SubstituteRotaRequest,
        response: { 200: RotaResponse, ...errors },
      },
    },
    async (request) => rota.substituteRotaLeader(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/visits',
    {
      config: { access: 'reception.read' },
      schema: {
        tags,
        summary: '来访登记（来访人手机号、身份证号遮盖显示）',
        querystring: VisitsQuery,
        response: { 200: VisitsResponse, ...errors },
      },
    },
    async (request) => visits.listVisits(contextOf(request), request.query),
  );
  app.get(
    '/visits/stats',
    {
      config: { access: 'reception.read' },
      schema: {
        tags,
        summary: '来访月度统计、类别和按期办结',
        querystring: OptionalYear,
        response: { 200: VisitStatsResponse, ...errors },
      },
    },
    async (request) => visits.visitStats(contextOf(request), request.query.year ?? courtYear()),
  );
  app.get(
    '/visits/stats.xlsx',
    {
      config: { access: 'reception.read' },
      schema: { tags, summary: '来访统计 .xlsx（月度、类别，只有数字）', querystring: OptionalYear },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const stats = await visits.visitStats(ctx, request.query.year ?? courtYear());
      const name = `${String(stats.year)}年领导接访统计.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="reception.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(await visitStatsWorkbook(stats, ctx.user.tenantName));
    },
  );
  app.post(
    '/visits',
    {
      config: { access: 'reception.manage' },
      schema: {
        tags,
        summary: '登记来访（需办理的指定承办部门，受理15日、办结60日、可延长30日）',
        body: CreateVisitRequest,
        response: { 201: Visit, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await visits.createVisit(contextOf(request), request.body)),
  );
  app.patch(
    '/visits/:id',
    {
      config: { access: 'reception.manage' },
      schema: {
        tags,
        summary: '登记受理、延期、办结和反馈',
        params: IdParams,
        body: UpdateVisitProgressRequest,
        response: { 200: Visit, ...errors },
      },
    },
    async (request) => visits.updateVisitProgress(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/pledges',
    {
      config: { access: 'reception.read' },
      schema: { tags, summary: '服务承诺及本年度兑现情况', response: { 200: ServicePledgesResponse, ...errors } },
    },
    async (request) => pledges.listPledges(contextOf(request)),
  );
  app.post(
    '/pledges',
    {
      config: { access: 'reception.manage' },
      schema: {
        tags,
        summary: '新增服务承诺',
        body: ServicePledgeRequest,
        response: { 201: ServicePledge, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await pledges.createPledge(contextOf(request), request.body)),
  );
  app.put(
    '/pledges/:id',
    {
      config: { access: 'reception.manage' },
      schema: {
        tags,
        summary: '修改服务承诺',
        params: IdParams,
        body: ServicePledgeRequest,
        response: { 200: ServicePledge, ...errors },
      },
    },
    async (request) => pledges.updatePledge(contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/pledges/:id',
    {
      config: { access: 'reception.manage' },
      schema: { tags, summary: '删除服务承诺', params: IdParams, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await pledges.deletePledge(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );
};
