import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateDeliberationRequest,
  DeliberationMatter,
  DeliberationPage,
  DeliberationsQuery,
  DeliberationStepParams,
  DeliberationStepRequest,
  DisclosureRequest,
  IdParams,
} from '@qizhi/domain';
import { contextOf } from '../../../platform/request-context.ts';
import { errors } from '../route-errors.ts';
import * as service from './deliberations.service.ts';

/** 四议两公开: matters, their four deliberation steps in order, and the two disclosures. */
export const deliberationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['四议两公开'];
  const one = { 200: DeliberationMatter, ...errors };

  app.get(
    '/deliberations',
    {
      config: { access: 'meetings.read' },
      schema: {
        tags,
        summary: '“四议两公开”事项',
        querystring: DeliberationsQuery,
        response: { 200: DeliberationPage, ...errors },
      },
    },
    async (request) => service.listMatters(contextOf(request), request.query),
  );
  app.post(
    '/deliberations',
    {
      config: { access: 'deliberations.manage' },
      schema: {
        tags,
        summary: '立项（四个步骤可自定义名称）',
        body: CreateDeliberationRequest,
        response: { 201: DeliberationMatter, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createMatter(contextOf(request), request.body)),
  );
  app.get(
    '/deliberations/:id',
    { config: { access: 'meetings.read' }, schema: { tags, summary: '事项详情', params: IdParams, response: one } },
    async (request) => service.getMatter(contextOf(request), request.params.id),
  );
  app.post(
    '/deliberations/:id/steps/:index',
    {
      config: { access: 'deliberations.manage' },
      schema: {
        tags,
        summary: '办理第 index 步（0–3），关联召开该步的会议；不能跳步（409 DELIBERATION_STEP_SKIPPED）',
        params: DeliberationStepParams,
        body: DeliberationStepRequest,
        response: one,
      },
    },
    async (request) => service.recordStep(contextOf(request), request.params.id, request.params.index, request.body),
  );
  app.post(
    '/deliberations/:id/disclosures',
    {
      config: { access: 'deliberations.manage' },
      schema: {
        tags,
        summary: '公开决议（resolution）或实施结果（result），须按顺序',
        params: IdParams,
        body: DisclosureRequest,
        response: one,
      },
    },
    async (request) => service.recordDisclosure(contextOf(request), request.params.id, request.body),
  );
};
