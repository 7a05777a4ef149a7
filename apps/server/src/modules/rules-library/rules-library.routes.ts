import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateRuleRequest,
  ErrorResponse,
  IdParams,
  OkResponse,
  RuleDetail,
  RuleReadersResponse,
  RulesResponse,
  UpdateRuleRequest,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './rules-library.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const rulesLibraryRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['制度库'];

  app.get(
    '/',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '党建工作制度库', response: { 200: RulesResponse, ...errors } },
    },
    async (request) => ({ items: await service.listRules(contextOf(request)) }),
  );
  app.get(
    '/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '制度全文及修订历史', params: IdParams, response: { 200: RuleDetail, ...errors } },
    },
    async (request) => service.getRule(contextOf(request), request.params.id),
  );
  app.post(
    '/',
    {
      config: { access: 'rules.manage' },
      schema: { tags, summary: '新增制度', body: CreateRuleRequest, response: { 201: RuleDetail, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await service.createRule(contextOf(request), request.body)),
  );
  app.patch(
    '/:id',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags,
        summary: '修订制度（每次修订形成新版本，须说明修订内容）',
        params: IdParams,
        body: UpdateRuleRequest,
        response: { 200: RuleDetail, ...errors },
      },
    },
    async (request) => service.reviseRule(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '确认已学习当前版本', params: IdParams, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await service.confirmRead(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/:id/readers',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags,
        summary: '党员学习确认情况（已学习、未学习）',
        params: IdParams,
        response: { 200: RuleReadersResponse, ...errors },
      },
    },
    async (request) => service.listReaders(contextOf(request), request.params.id),
  );
};
