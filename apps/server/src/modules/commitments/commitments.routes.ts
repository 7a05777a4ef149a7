import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Commitment,
  CommitmentsQuery,
  CommitmentsResponse,
  CreateCommitmentRequest,
  ErrorResponse,
  IdParams,
  MyCommitmentResponse,
  PromiseResultsRequest,
  PublicCommitmentsQuery,
  PublicCommitmentsResponse,
  ReturnCommitmentRequest,
  UpdateCommitmentRequest,
  YearQuery,
  courtYear,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import { listPublicCommitments } from './commitments.public.ts';
import * as service from './commitments.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['公开承诺'];

export const commitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '年度公开承诺（全院可见已公开的；有审核权限可按状态查看）',
        querystring: CommitmentsQuery,
        response: { 200: CommitmentsResponse, ...errors },
      },
    },
    async (request) => {
      const year = request.query.year ?? courtYear();
      return { year, items: await service.listCommitments(contextOf(request), year, request.query.status) };
    },
  );
  app.get(
    '/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '我的年度承诺',
        querystring: YearQuery,
        response: { 200: MyCommitmentResponse, ...errors },
      },
    },
    async (request) => {
      const year = request.query.year ?? courtYear();
      return { year, item: await service.findMyCommitment(contextOf(request), year) };
    },
  );
  app.post(
    '/',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '拟定年度承诺（党员本人，或支部负责人为支部）',
        body: CreateCommitmentRequest,
        response: { 201: Commitment, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createCommitment(contextOf(request), request.body)),
  );
  app.put(
    '/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '修改承诺（草稿或被退回时）',
        params: IdParams,
        body: UpdateCommitmentRequest,
        response: { 200: Commitment, ...errors },
      },
    },
    async (request) => service.updateCommitment(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/submit',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '提交支部审核', params: IdParams, response: { 200: Commitment, ...errors } },
    },
    async (request) => service.changeCommitmentStatus(contextOf(request), request.params.id, 'submit'),
  );
  app.post(
    '/:id/approve',
    {
      config: { access: 'commitments.approve' },
      schema: { tags, summary: '审核通过并公开', params: IdParams, response: { 200: Commitment, ...errors } },
    },
    async (request) => service.changeCommitmentStatus(contextOf(request), request.params.id, 'approve'),
  );
  app.post(
    '/:id/return',
    {
      config: { access: 'commitments.approve' },
      schema: {
        tags,
        summary: '退回修改（须说明原因）',
        params: IdParams,
        body: ReturnCommitmentRequest,
        response: { 200: Commitment, ...errors },
      },
    },
    async (request) =>
      service.changeCommitmentStatus(contextOf(request), request.params.id, 'return', request.body.note),
  );
  app.post(
    '/:id/self-assessment',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '年终逐条自评兑现情况（已兑现、部分兑现、未兑现）',
        params: IdParams,
        body: PromiseResultsRequest,
        response: { 200: Commitment, ...errors },
      },
    },
    async (request) => service.recordPromiseResults(contextOf(request), request.params.id, 'self', request.body),
  );
  app.post(
    '/:id/verify',
    {
      config: { access: 'commitments.approve' },
      schema: {
        tags,
        summary: '支部逐条核实兑现情况',
        params: IdParams,
        body: PromiseResultsRequest,
        response: { 200: Commitment, ...errors },
      },
    },
    async (request) => service.recordPromiseResults(contextOf(request), request.params.id, 'verify', request.body),
  );
};

/** No sign-in: the openness portal and the public page read this. */
export const publicCommitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/commitments',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: '已公开的党支部和党员年度承诺（无需登录；court 为法院代码，服务器只有一个法院时可省略）',
        querystring: PublicCommitmentsQuery,
        response: { 200: PublicCommitmentsResponse, ...errors, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'public, max-age=60');
      return listPublicCommitments(app.deps.database, request.query.court, request.query.year ?? courtYear());
    },
  );
};
