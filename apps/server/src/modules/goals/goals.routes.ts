import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateGoalRequest,
  DecomposeGoalRequest,
  DecomposeGoalResponse,
  DimensionsResponse,
  ErrorResponse,
  Goal,
  GoalDetail,
  GoalReport,
  GoalReportsQuery,
  GoalReportsResponse,
  GoalSummaryResponse,
  GoalsResponse,
  IdParams,
  MyGoalsResponse,
  OkResponse,
  ProgressReportRequest,
  ReturnReportRequest,
  ReviewReportRequest,
  UpdateGoalRequest,
  YearQuery,
} from '@qizhi/domain';
import { actorOf, requireAuth } from '../../platform/auth.ts';
import { decomposeGoal } from './goals.decompose.ts';
import { gzipLargeJson } from './gzip-large.ts';
import { listMyGoals } from './goals.mine.ts';
import { listReportsToReview, reportProgress, reviewReport } from './goals.progress.ts';
import * as service from './goals.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const goalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const tags = ['党建目标'];

  app.get(
    '/goals',
    {
      config: { access: 'goals.read' },
      schema: {
        tags,
        summary: '本院一个年度的全部目标（平铺，含计算所得的完成度和逾期标记）',
        querystring: YearQuery,
        response: { 200: GoalsResponse, ...errors },
      },
      // A court-year can hold 20,000 goals: checking each against the schema again on the way out
      // costs more than building them. The service builds them typed from the same schema.
      serializerCompiler: () => (data) => JSON.stringify(data),
      onSend: gzipLargeJson,
    },
    async (request) => {
      const year = request.query.year ?? service.currentYear();
      return { year, items: await service.listGoals(db, requireAuth(request).user.tenantId, year) };
    },
  );
  app.get(
    '/goals/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '我的目标', querystring: YearQuery, response: { 200: MyGoalsResponse, ...errors } },
    },
    async (request) => listMyGoals(db, requireAuth(request), request.query.year ?? service.currentYear()),
  );
  app.get(
    '/goals/dimensions',
    {
      config: { access: 'goals.read' },
      schema: {
        tags,
        summary: '六型法院各维度的目标完成度',
        querystring: YearQuery,
        response: { 200: DimensionsResponse, ...errors },
      },
    },
    async (request) =>
      service.summariseDimensions(db, requireAuth(request).user.tenantId, request.query.year ?? service.currentYear()),
  );
  app.get(
    '/goals/summary',
    {
      config: { access: 'goals.read' },
      schema: {
        tags,
        summary: '年度目标总结',
        querystring: YearQuery,
        response: { 200: GoalSummaryResponse, ...errors },
      },
    },
    async (request) =>
      service.summariseYear(db, requireAuth(request).user.tenantId, request.query.year ?? service.currentYear()),
  );
  app.get(
    '/goals/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '目标详情（有目标查看权限，或本人的目标）',
        params: IdParams,
        response: { 200: GoalDetail, ...errors },
      },
    },
    async (request) => service.getGoalDetail(db, requireAuth(request), request.params.id),
  );
  app.post(
    '/goals',
    {
      config: { access: 'goals.manage' },
      schema: { tags, summary: '制定目标', body: CreateGoalRequest, response: { 201: Goal, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createGoal(db, requireAuth(request), actorOf(request), request.body)),
  );
  app.patch(
    '/goals/:id',
    {
      config: { access: 'goals.manage' },
      schema: {
        tags,
        summary: '修改目标（由上一级）',
        params: IdParams,
        body: UpdateGoalRequest,
        response: { 200: Goal, ...errors },
      },
    },
    async (request) => service.updateGoal(db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/goals/:id',
    {
      config: { access: 'goals.manage' },
      schema: {
        tags,
        summary: '删除目标（须未分解、无进度报告）',
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await service.deleteGoal(db, requireAuth(request), actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/goals/:id/decompose',
    {
      config: { access: 'goals.manage' },
      schema: {
        tags,
        summary: '分解目标到下一级责任主体（权重平均分配或按给定值，合计等于上级目标权重）',
        params: IdParams,
        body: DecomposeGoalRequest,
        response: { 201: DecomposeGoalResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        items: await decomposeGoal(db, requireAuth(request), actorOf(request), request.params.id, request.body),
      }),
  );
  app.post(
    '/goals/:id/progress',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '报告目标进度（党员报告本人目标；组织目标由该组织负责人报告），待上一级审核',
        params: IdParams,
        body: ProgressReportRequest,
        response: { 201: GoalReport, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reportProgress(db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/goal-reports',
    {
      config: { access: 'goals.manage' },
      schema: {
        tags,
        summary: '由我审核的进度报告（默认待审核）',
        querystring: GoalReportsQuery,
        response: { 200: GoalReportsResponse, ...errors },
      },
    },
    async (request) => ({ items: await listReportsToReview(db, requireAuth(request), request.query.status) }),
  );
  app.post(
    '/goal-reports/:id/accept',
    {
      config: { access: 'goals.manage' },
      schema: {
        tags,
        summary: '采纳进度报告（上一级）',
        params: IdParams,
        body: ReviewReportRequest,
        response: { 200: GoalReport, ...errors },
      },
    },
    async (request) =>
      reviewReport(db, requireAuth(request), actorOf(request), request.params.id, 'accepted', request.body.note),
  );
  app.post(
    '/goal-reports/:id/return',
    {
      config: { access: 'goals.manage' },
      schema: {
        tags,
        summary: '退回进度报告（上一级，须说明原因）',
        params: IdParams,
        body: ReturnReportRequest,
        response: { 200: GoalReport, ...errors },
      },
    },
    async (request) =>
      reviewReport(db, requireAuth(request), actorOf(request), request.params.id, 'returned', request.body.note),
  );
};
