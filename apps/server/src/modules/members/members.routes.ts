import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateMemberRequest,
  ErrorResponse,
  ExportQuery,
  IdParams,
  ImportQuery,
  ImportResult,
  MemberDetail,
  MemberPage,
  MemberPii,
  MembersQuery,
  RecordLeavingRequest,
  RosterStats,
  UpdateMemberRequest,
} from '@qizhi/domain';
import { AppError } from '../../platform/errors.ts';
import { contextOf } from '../../platform/request-context.ts';
import { readUpload } from '../../platform/uploads.ts';
import { rosterTemplateFor } from './roster-template.ts';
import { exportRoster, importRoster } from './members.import.ts';
import { recordLeaving } from './leaving.service.ts';
import * as service from './members.service.ts';
import { computeRosterStats } from './members.stats.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(filename: string): string {
  return `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['花名册'];

  app.get(
    '/',
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: '花名册（分页、筛选；号码脱敏）',
        querystring: MembersQuery,
        response: { 200: MemberPage, ...errors },
      },
    },
    async (request) => service.listPeople(contextOf(request), request.query),
  );
  app.get(
    '/stats',
    {
      config: { access: 'roster.stats' },
      schema: { tags, summary: '花名册统计', response: { 200: RosterStats, ...errors } },
    },
    async (request) => computeRosterStats(contextOf(request)),
  );
  app.get(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '本人信息', response: { 200: MemberDetail, ...errors } },
    },
    async (request) => service.getOwnProfile(contextOf(request)),
  );
  app.get(
    '/export',
    {
      config: { access: 'people.export' },
      schema: {
        tags,
        summary: '导出花名册 .xlsx（默认脱敏；full=true 须有查看完整号码权限，留痕）',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const { buffer, filename } = await exportRoster(contextOf(request), request.query);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(filename)).send(buffer);
    },
  );
  app.get(
    '/import-template',
    { config: { access: 'people.import' }, schema: { tags, summary: '花名册导入模板 .xlsx' } },
    async (request, reply) => {
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('党员花名册导入模板.xlsx'))
        .send(await rosterTemplateFor(contextOf(request)));
    },
  );
  app.post(
    '/import',
    {
      config: { access: 'people.import' },
      schema: {
        tags,
        summary: '导入花名册（multipart 字段 file；dryRun=true 只预览；全部成功或全部不导入；按身份证号匹配）',
        querystring: ImportQuery,
        response: { 200: ImportResult, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件，字段名为 file');
      const file = await request.file();
      if (!file || file.fieldname !== 'file')
        throw new AppError('VALIDATION_FAILED', '请选择要导入的文件（字段名 file）');
      const buffer = await readUpload(file, '文件超过10MB，请分批导入');
      return importRoster(contextOf(request), buffer, request.query.dryRun);
    },
  );
  app.get(
    '/:id',
    {
      config: { access: 'people.read' },
      schema: { tags, summary: '人员详情（号码脱敏）', params: IdParams, response: { 200: MemberDetail, ...errors } },
    },
    async (request) => service.getPerson(contextOf(request), request.params.id),
  );
  app.get(
    '/:id/pii',
    {
      config: { access: 'people.pii.reveal' },
      schema: {
        tags,
        summary: '查看一人的完整身份证号和手机号（留痕）',
        params: IdParams,
        response: { 200: MemberPii, ...errors },
      },
    },
    async (request) => service.revealPii(contextOf(request), request.params.id),
  );
  app.post(
    '/',
    {
      config: { access: 'people.manage' },
      schema: { tags, summary: '新增人员', body: CreateMemberRequest, response: { 201: MemberDetail, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await service.createPerson(contextOf(request), request.body)),
  );
  app.patch(
    '/:id',
    {
      config: { access: 'people.manage' },
      schema: {
        tags,
        summary: '修改人员（含调整党小组、标记离退休）',
        params: IdParams,
        body: UpdateMemberRequest,
        response: { 200: MemberDetail, ...errors },
      },
    },
    async (request) => service.editPerson(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/leaving',
    {
      config: { access: 'people.manage' },
      schema: {
        tags,
        summary: '办理离开（离职、调出、去世）：移出在册名单、停用其账号并注明原因，历史记录保留（留痕）',
        params: IdParams,
        body: RecordLeavingRequest,
        response: { 200: MemberDetail, ...errors },
      },
    },
    async (request) => recordLeaving(contextOf(request), request.params.id, request.body),
  );
};
