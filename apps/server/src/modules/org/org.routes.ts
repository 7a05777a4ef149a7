import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateOrgUnitRequest,
  Department,
  DepartmentRequest,
  DepartmentsResponse,
  ErrorResponse,
  IdParams,
  OkResponse,
  OrgUnit,
  OrgUnitsResponse,
  UpdateOrgUnitRequest,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './org.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['组织机构'];

  app.get(
    '/org-units',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: '党组织树（平铺，含父节点编号）', response: { 200: OrgUnitsResponse, ...errors } },
    },
    async (request) => ({
      items: await service.listOrgUnits(contextOf(request)),
    }),
  );
  app.post(
    '/org-units',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: '新建党组织', body: CreateOrgUnitRequest, response: { 201: OrgUnit, ...errors } },
    },
    async (request, reply) => {
      return reply.status(201).send(await service.createOrgUnit(contextOf(request), request.body));
    },
  );
  app.patch(
    '/org-units/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '修改党组织',
        params: IdParams,
        body: UpdateOrgUnitRequest,
        response: { 200: OrgUnit, ...errors },
      },
    },
    async (request) => service.updateOrgUnit(contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/org-units/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '删除党组织（须无下级组织和人员）',
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await service.deleteOrgUnit(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/departments',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: '内设部门', response: { 200: DepartmentsResponse, ...errors } },
    },
    async (request) => ({
      items: await service.listDepartments(contextOf(request)),
    }),
  );
  app.post(
    '/departments',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: '新建内设部门', body: DepartmentRequest, response: { 201: Department, ...errors } },
    },
    async (request, reply) => {
      return reply.status(201).send(await service.createDepartment(contextOf(request), request.body));
    },
  );
  app.patch(
    '/departments/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '修改内设部门',
        params: IdParams,
        body: DepartmentRequest.partial(),
        response: { 200: Department, ...errors },
      },
    },
    async (request) => service.updateDepartment(contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/departments/:id',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: '删除内设部门（须无人员）', params: IdParams, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await service.deleteDepartment(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );
};
