import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorResponse,
  Honour,
  HonourRequest,
  HonoursQuery,
  HonoursResponse,
  IdParams,
  OkResponse,
  Sanction,
  SanctionRequest,
  SanctionsQuery,
  SanctionsResponse,
  UpdateHonourRequest,
  UpdateSanctionRequest,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as honours from './honours.service.ts';
import * as sanctions from './sanctions.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const honourRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['奖惩与荣誉'];

  app.get(
    '/honours',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '荣誉（kind=collective 集体、individual 个人）',
        querystring: HonoursQuery,
        response: { 200: HonoursResponse, ...errors },
      },
    },
    async (request) => honours.listHonours(contextOf(request), request.query),
  );
  app.post(
    '/honours',
    {
      config: { access: 'honours.manage' },
      schema: { tags, summary: '登记荣誉', body: HonourRequest, response: { 201: Honour, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await honours.createHonour(contextOf(request), request.body)),
  );
  app.patch(
    '/honours/:id',
    {
      config: { access: 'honours.manage' },
      schema: {
        tags,
        summary: '修改荣誉',
        params: IdParams,
        body: UpdateHonourRequest,
        response: { 200: Honour, ...errors },
      },
    },
    async (request) => honours.updateHonour(contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/honours/:id',
    {
      config: { access: 'honours.manage' },
      schema: { tags, summary: '删除荣誉', params: IdParams, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await honours.deleteHonour(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/sanctions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '奖惩记录（本人；或有花名册查看、奖惩登记权限）',
        querystring: SanctionsQuery,
        response: { 200: SanctionsResponse, ...errors },
      },
    },
    async (request) => ({ items: await sanctions.listSanctions(contextOf(request), request.query) }),
  );
  app.post(
    '/sanctions',
    {
      config: { access: 'honours.manage' },
      schema: { tags, summary: '登记奖惩', body: SanctionRequest, response: { 201: Sanction, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await sanctions.createSanction(contextOf(request), request.body)),
  );
  app.patch(
    '/sanctions/:id',
    {
      config: { access: 'honours.manage' },
      schema: {
        tags,
        summary: '修改奖惩记录',
        params: IdParams,
        body: UpdateSanctionRequest,
        response: { 200: Sanction, ...errors },
      },
    },
    async (request) => sanctions.updateSanction(contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/sanctions/:id',
    {
      config: { access: 'honours.manage' },
      schema: { tags, summary: '删除奖惩记录', params: IdParams, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await sanctions.deleteSanction(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );
};
