import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CampaignDetail,
  CampaignList,
  CampaignsQuery,
  CreateCampaignRequest,
  CreateTaskRequest,
  ErrorResponse,
  IdParams,
  MyTaskList,
  PhaseInput,
  ReportTaskRequest,
  TaskDetail,
  UpdateCampaignRequest,
  YearByDimensionQuery,
  YearByDimensionResponse,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as campaigns from './campaigns.service.ts';
import { yearByDimension } from './dimensions.service.ts';
import * as tasks from './tasks.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** 活动平台 · 主题教育实践活动, and the year by 六型法院 dimension. */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['活动平台'];
  const detail = { 200: CampaignDetail, ...errors };

  app.get(
    '/campaigns',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '主题教育实践活动（全院的、本人所在组织的，及有权查看的组织的）',
        querystring: CampaignsQuery,
        response: { 200: CampaignList, ...errors },
      },
    },
    async (request) => campaigns.listCampaigns(contextOf(request), request.query.year),
  );
  app.post(
    '/campaigns',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        tags,
        summary: '部署一项主题教育实践活动（目标、六型法院维度、各阶段起止日期）',
        body: CreateCampaignRequest,
        response: { 201: CampaignDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const id = await campaigns.createCampaign(ctx, request.body);
      return reply.status(201).send(await campaigns.getCampaign(ctx, id));
    },
  );
  app.get(
    '/campaigns/dimensions',
    {
      config: { access: 'campaigns.read' },
      schema: {
        tags,
        summary: '六型法院分维度的年度情况：学习场次和学时、活动和任务完成数',
        querystring: YearByDimensionQuery,
        response: { 200: YearByDimensionResponse, ...errors },
      },
    },
    async (request) => yearByDimension(contextOf(request), request.query.year),
  );
  app.get(
    '/campaigns/tasks/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '本人的活动任务（本人的，及所在组织的）', response: { 200: MyTaskList, ...errors } },
    },
    async (request) => tasks.myTasks(contextOf(request)),
  );
  app.get(
    '/campaigns/tasks/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '一项活动任务及参加情况',
        params: IdParams,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (request) => tasks.getTask(contextOf(request), request.params.id),
  );
  app.put(
    '/campaigns/tasks/:id/report',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '报告本人参加任务的情况（是否完成、情况简述、照片）；再次报告替换本人的报告',
        params: IdParams,
        body: ReportTaskRequest,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (request) => tasks.reportTask(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/campaigns/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '一项活动：阶段及状态、任务、各组织完成比例、活动总结',
        params: IdParams,
        response: detail,
      },
    },
    async (request) => campaigns.getCampaign(contextOf(request), request.params.id),
  );
  app.patch(
    '/campaigns/:id',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        tags,
        summary: '修改活动，填写活动总结',
        params: IdParams,
        body: UpdateCampaignRequest,
        response: detail,
      },
    },
    async (request) => campaigns.updateCampaign(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/campaigns/:id/phases',
    {
      config: { access: 'campaigns.manage' },
      schema: { tags, summary: '增加一个阶段', params: IdParams, body: PhaseInput, response: detail },
    },
    async (request) => campaigns.addPhase(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/campaigns/:id/tasks',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        tags,
        summary: '布置一项任务：给一个党组织（其下的人员都可参加和报告）或一个人',
        params: IdParams,
        body: CreateTaskRequest,
        response: detail,
      },
    },
    async (request) => campaigns.addTask(contextOf(request), request.params.id, request.body),
  );
};
