import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountSlipsRequest,
  BulkCreateAccountsRequest,
  BulkCreateAccountsResponse,
  CreateUserRequest,
  ErrorResponse,
  IdParams,
  PersonChoicesQuery,
  PersonChoicesResponse,
  RolesResponse,
  SetRolesRequest,
  TemporaryPasswordResponse,
  UpdateUserRequest,
  UserListItem,
  UserPage,
  UsersQuery,
} from '@qizhi/domain';
import { publicAddress } from '../../platform/public-url.ts';
import { contextOf } from '../../platform/request-context.ts';
import * as accounts from './accounts.service.ts';
import { accountSlipsWorkbook } from './account-slips.ts';
import * as service from './users.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['用户与角色'];
  app.get(
    '/users',
    {
      config: { access: 'users.read' },
      schema: { tags, summary: '用户账号', querystring: UsersQuery, response: { 200: UserPage, ...errors } },
    },
    async (request) =>
      service.listUsers(contextOf(request), request.query.q, request.query.page, request.query.pageSize),
  );
  app.post(
    '/users',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: '新建账号（返回一次性初始密码）',
        body: CreateUserRequest,
        response: { 201: TemporaryPasswordResponse, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createUser(contextOf(request), request.body)),
  );
  app.get(
    '/users/person-choices',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: '可关联账号的人员（仅编号、姓名、所在组织，不含花名册个人信息）',
        querystring: PersonChoicesQuery,
        response: { 200: PersonChoicesResponse, ...errors },
      },
    },
    async (request) => ({
      items: await accounts.personChoices(contextOf(request), request.query),
      signInUrl: publicAddress(app, request),
    }),
  );
  app.post(
    '/users/bulk',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: '按花名册批量新建账号（一次性初始密码只返回一次；已有账号的人员跳过）',
        body: BulkCreateAccountsRequest,
        response: { 200: BulkCreateAccountsResponse, ...errors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return accounts.bulkCreateAccounts(ctx, request.body.personIds, request.body.roleCode);
    },
  );
  app.post(
    '/users/account-slips.xlsx',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: '把刚建好的账号及初始密码生成 Excel 清单（只生成不保存）',
        body: AccountSlipsRequest,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const file = await accountSlipsWorkbook(ctx, request.body.accounts, publicAddress(app, request));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('账号及初始密码.xlsx')}`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
  app.patch(
    '/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: '修改、停用或启用账号',
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: UserListItem, ...errors },
      },
    },
    async (request) => service.updateUser(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/users/:id/reset-password',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: '重置密码（返回一次性密码，须在下次登录时修改）',
        params: IdParams,
        response: { 200: TemporaryPasswordResponse, ...errors },
      },
    },
    async (request) => service.resetPassword(contextOf(request), request.params.id),
  );
  app.post(
    '/users/:id/unlock',
    {
      config: { access: 'roles.assign' },
      schema: { tags, summary: '解锁账号', params: IdParams, response: { 200: UserListItem, ...errors } },
    },
    async (request) => service.unlockUser(contextOf(request), request.params.id),
  );
  app.put(
    '/users/:id/roles',
    {
      config: { access: 'roles.assign' },
      schema: {
        tags,
        summary: '设置账号的角色及授权范围（三员分立）',
        params: IdParams,
        body: SetRolesRequest,
        response: { 200: UserListItem, ...errors },
      },
    },
    async (request) => service.setRoles(contextOf(request), request.params.id, request.body.roles),
  );
  app.get(
    '/roles',
    {
      config: { access: 'users.read' },
      schema: { tags, summary: '角色及其权限', response: { 200: RolesResponse, ...errors } },
    },
    async () => service.listRoles(),
  );
};
