import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateDisclosureRequest,
  CreateSourcedDisclosureRequest,
  Disclosure,
  DisclosuresQuery,
  DisclosuresResponse,
  DisclosureSourcesResponse,
  ErrorResponse,
  IdParams,
  ReturnDisclosureRequest,
  UpdateDisclosureRequest,
  WithdrawDisclosureRequest,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './openness.service.ts';
import { listSourceCandidates } from './sources.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['党务院务公开'];

/** Staff side of openness: write, submit, approve (someone else), return, withdraw with a reason. */
export const opennessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '公开事项（各状态；编写人和审核人可看）',
        querystring: DisclosuresQuery,
        response: { 200: DisclosuresResponse, ...errors },
      },
    },
    async (request) => service.listDisclosures(contextOf(request), request.query),
  );
  app.post(
    '/',
    {
      config: { access: 'openness.manage' },
      schema: {
        tags,
        summary: '编写公开事项（草稿；不得包含身份证号、电话号码）',
        body: CreateDisclosureRequest,
        response: { 201: Disclosure, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createDisclosure(contextOf(request), request.body)),
  );
  app.get(
    '/sources',
    {
      config: { access: 'openness.manage' },
      schema: {
        tags,
        summary: '可从来源公开的记录：会议决议、“四议两公开”结果、公开承诺、民主评议结果（正文从来源读取）',
        response: { 200: DisclosureSourcesResponse, ...errors },
      },
    },
    async (request) => listSourceCandidates(contextOf(request)),
  );
  app.post(
    '/from-source',
    {
      config: { access: 'openness.manage' },
      schema: {
        tags,
        summary: '从来源记录编写公开事项（草稿；正文从来源读取，经同样的审核和公开期）',
        body: CreateSourcedDisclosureRequest,
        response: { 201: Disclosure, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSourcedDisclosure(contextOf(request), request.body)),
  );
  app.patch(
    '/:id',
    {
      config: { access: 'openness.manage' },
      schema: {
        tags,
        summary: '修改草稿或被退回的公开事项',
        params: IdParams,
        body: UpdateDisclosureRequest,
        response: { 200: Disclosure, ...errors },
      },
    },
    async (request) => service.updateDisclosure(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/submit',
    {
      config: { access: 'openness.manage' },
      schema: { tags, summary: '提交审核', params: IdParams, response: { 200: Disclosure, ...errors } },
    },
    async (request) => service.changeDisclosureStatus(contextOf(request), request.params.id, 'submit'),
  );
  app.post(
    '/:id/approve',
    {
      config: { access: 'openness.approve' },
      schema: {
        tags,
        summary: '审核通过并发布（不能审核本人编写的）',
        params: IdParams,
        response: { 200: Disclosure, ...errors },
      },
    },
    async (request) => service.changeDisclosureStatus(contextOf(request), request.params.id, 'approve'),
  );
  app.post(
    '/:id/return',
    {
      config: { access: 'openness.approve' },
      schema: {
        tags,
        summary: '退回修改（须说明原因）',
        params: IdParams,
        body: ReturnDisclosureRequest,
        response: { 200: Disclosure, ...errors },
      },
    },
    async (request) =>
      service.changeDisclosureStatus(contextOf(request), request.params.id, 'return', request.body.note),
  );
  app.post(
    '/:id/withdraw',
    {
      config: { access: 'openness.approve' },
      schema: {
        tags,
        summary: '撤回已发布的事项（须说明原因，留痕）',
        params: IdParams,
        body: WithdrawDisclosureRequest,
        response: { 200: Disclosure, ...errors },
      },
    },
    async (request) =>
      service.changeDisclosureStatus(contextOf(request), request.params.id, 'withdraw', request.body.reason),
  );
};
