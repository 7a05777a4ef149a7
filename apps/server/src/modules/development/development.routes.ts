import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssessmentRequest,
  BoardQuery,
  DevelopmentBoard,
  DevelopmentRecord,
  ErrorResponse,
  ExtensionRequest,
  PersonParams,
  PersonStepParams,
  RecordStepRequest,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as board from './development-board.service.ts';
import * as development from './development.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** 发展党员: a person's 25 steps, the branch's pipeline board, assessments and the probation extension. */
export const developmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['发展党员'];
  app.get(
    '/board',
    {
      config: { access: 'development.read' },
      schema: {
        tags,
        summary: '发展党员进度看板（一个组织及其下级）',
        querystring: BoardQuery,
        response: { 200: DevelopmentBoard, ...errors },
      },
    },
    async (request) => board.buildBoard(contextOf(request), request.query.orgUnitId),
  );
  app.get(
    '/people/:personId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '个人发展纪实（25个步骤；本人或有查看权限）',
        params: PersonParams,
        response: { 200: DevelopmentRecord, ...errors },
      },
    },
    async (request) => development.getDevelopment(contextOf(request), request.params.personId),
  );
  app.post(
    '/people/:personId/steps',
    {
      config: { access: 'development.manage' },
      schema: {
        tags,
        summary: '登记一个步骤（按顺序；早于规定时间答 409 STEP_TOO_EARLY 并给出最早日期）',
        params: PersonParams,
        body: RecordStepRequest,
        response: { 201: DevelopmentRecord, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await development.recordStep(contextOf(request), request.params.personId, request.body)),
  );
  app.delete(
    '/people/:personId/steps/:step',
    {
      config: { access: 'development.manage' },
      schema: {
        tags,
        summary: '撤销最后登记的步骤（更正错误）',
        params: PersonStepParams,
        response: { 200: DevelopmentRecord, ...errors },
      },
    },
    async (request) => development.undoStep(contextOf(request), request.params.personId, request.params.step),
  );
  app.post(
    '/people/:personId/assessments',
    {
      config: { access: 'development.manage' },
      schema: {
        tags,
        summary: '登记入党积极分子考察（每半年一次）',
        params: PersonParams,
        body: AssessmentRequest,
        response: { 201: DevelopmentRecord, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await board.recordAssessment(contextOf(request), request.params.personId, request.body)),
  );
  app.post(
    '/people/:personId/extension',
    {
      config: { access: 'development.manage' },
      schema: {
        tags,
        summary: '延长预备期（一次，6个月至1年）',
        params: PersonParams,
        body: ExtensionRequest,
        response: { 201: DevelopmentRecord, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await board.extendProbation(contextOf(request), request.params.personId, request.body)),
  );
};
