import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateGoalRequest,
  DecomposeGoalRequest,
  DecomposeGoalResponse,
  DimensionsResponse,
  ErrorResponse,
  Goal,
  GoalDetail,
  GoalPathResponse,
  GoalReport,
  GoalReportsQuery,
  GoalReportsResponse,
  GoalSummaryResponse,
  GoalsQuery,
  GoalsResponse,
  IdParams,
  MyGoalsResponse,
  OkResponse,
  ProgressReportRequest,
  ReturnReportRequest,
  ReviewReportRequest,
  UpdateGoalRequest,
  YearQuery,
  courtYear,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import { decomposeGoal } from './goals.decompose.ts';
import { listMyGoals } from './goals.mine.ts';
import { listReportsToReview, reportProgress, reviewReport } from './goals.progress.ts';
import * as service from './goals.service.ts';
import * as tree from './goals.tree.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const goalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['党建目标'];

  app.get(
    '/goals',
    {
      config: { access: 'goals.read' },
      schema: {
        tags,
        summary:
          '本院一个年度目标树的一层：省略 parentId 为顶层目标，给出时为该目标的直接下级（含计算所得的完成度、逾期标记和下级个数）',
        querystring: GoalsQuery,
        response: { 200: GoalsResponse, ...errors },
      },
    },
    async (request) =>
      tree.listGoalLevel(contextOf(request), request.query.year ?? courtYear(), request.query.parentId),
  );
  app.get(
    '/goals/:id/path',
    {
      config: { access: 'goals.read' },
      schema: {
        tags,
        summary: '目标在目标树中的路径：从顶层目标到该目标本身',
        params: IdParams,
        response: { 200: GoalPathResponse, ...errors },
      },
    },
    async (request) => tree.goalPath(contextOf(request), request.params.id),
  );
  app.get(
    '/goals/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '我的目标', querystring: YearQuery, response: { 200: MyGoalsResponse, ...errors } },
    },
    async (request) => listMyGoals(contextOf(request), request.query.year ?? courtYear()),
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
    async (request) => tree.summariseDimensions(contextOf(request), request.query.year ?? courtYear()),
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
    async (request) => tree.summariseYear(contextOf(request), request.query.year ?? courtYear()),
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
    async (request) => service.getGoalDetail(contextOf(request), request.params.id),
  );
  app.post(
    '/goals',
    {
      config: { access: 'goals.manage' },
      schema: { tags, summary: '制定目标', body: CreateGoalRequest, response: { 201: Goal, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await service.createGoal(contextOf(request), request.body)),
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
    async (request) => service.updateGoal(contextOf(request), request.params.id, request.body),
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
      await service.deleteGoal(contextOf(request), request.params.id);
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
        items: await decomposeGoal(contextOf(request), request.params.id, request.body),
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
      reply.status(201).send(await reportProgress(contextOf(request), request.params.id, request.body)),
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
    async (request) => ({ items: await listReportsToReview(contextOf(request), request.query.status) }),
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
    async (request) => reviewReport(contextOf(request), request.params.id, 'accepted', request.body.note),
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
    async (request) => reviewReport(contextOf(request), request.params.id, 'returned', request.body.note),
  );
};
