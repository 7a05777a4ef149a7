import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DuesBaseRequest,
  DuesPaymentRequest,
  DuesPaymentResult,
  DuesPersonRecord,
  DuesPreview,
  DuesPreviewRequest,
  DuesReductionRequest,
  DuesRemittanceQuery,
  DuesSettings,
  DuesSettingsRequest,
  DuesSheet,
  DuesSheetQuery,
  DuesSummary,
  DuesSummaryQuery,
  ErrorResponse,
  IdParams,
  OkResponse,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { contextOf } from '../../platform/request-context.ts';
import { remittanceWorkbook } from './dues.export.ts';
import * as people from './dues-people.service.ts';
import * as dues from './dues.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const PersonParams = z.object({ personId: IdParams.shape.id });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 党费: preview, the monthly sheet, payments, bases, reductions, summaries and the remittance sheet. */
export const duesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['党费'];
  app.post(
    '/preview',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '按2008年标准试算每月党费',
        body: DuesPreviewRequest,
        response: { 200: DuesPreview, ...errors },
      },
    },
    async (request) => dues.previewDues(contextOf(request), request.body),
  );
  app.get(
    '/settings',
    {
      config: { access: 'dues.read' },
      schema: { tags, summary: '党费设置（舍入方式）', response: { 200: DuesSettings, ...errors } },
    },
    async (request) => ({ rounding: await dues.roundingOf(contextOf(request)) }),
  );
  app.put(
    '/settings',
    {
      config: { access: 'dues.manage' },
      schema: {
        tags,
        summary: '修改党费舍入方式',
        body: DuesSettingsRequest,
        response: { 200: DuesSettings, ...errors },
      },
    },
    async (request) => dues.setRounding(contextOf(request), request.body.rounding),
  );
  app.get(
    '/sheet',
    {
      config: { access: 'dues.read' },
      schema: {
        tags,
        summary: '党费收缴表（一个月）',
        querystring: DuesSheetQuery,
        response: { 200: DuesSheet, ...errors },
      },
    },
    async (request) => dues.buildSheet(contextOf(request), request.query.orgUnitId, request.query.month),
  );
  app.get(
    '/summary',
    {
      config: { access: 'dues.read' },
      schema: {
        tags,
        summary: '党费年度汇总（按月）',
        querystring: DuesSummaryQuery,
        response: { 200: DuesSummary, ...errors },
      },
    },
    async (request) => dues.buildSummary(contextOf(request), request.query.orgUnitId, request.query.year),
  );
  app.get(
    '/remittance',
    {
      config: { access: 'dues.manage' },
      schema: { tags, summary: '党费上缴表 .xlsx（一个月）', querystring: DuesRemittanceQuery },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const sheet = await dues.buildSheet(ctx, request.query.orgUnitId, request.query.month);
      const body = await remittanceWorkbook(sheet);
      await writeAudit(ctx.db, ctx.actor, {
        action: 'dues.remittance_export',
        entity: 'dues',
        summary: `导出${sheet.orgUnitName}${sheet.month}党费上缴表`,
      });
      const name = `${sheet.orgUnitName}${sheet.month}党费上缴表.xlsx`;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="dues.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(body);
    },
  );
  app.post(
    '/payments',
    {
      config: { access: 'dues.manage' },
      schema: {
        tags,
        summary: '登记党费收缴（一次最多6个月，可含自愿多交）',
        body: DuesPaymentRequest,
        response: { 201: DuesPaymentResult, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await dues.recordPayment(contextOf(request), request.body)),
  );
  app.delete(
    '/payments/:id',
    {
      config: { access: 'dues.manage' },
      schema: { tags, summary: '撤销一条收缴登记', params: IdParams, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await dues.deletePayment(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/people/:personId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '个人党费记录（本人，或党费查看权限；基数仅党费管理员可见全文）',
        params: PersonParams,
        response: { 200: DuesPersonRecord, ...errors },
      },
    },
    async (request) => people.getPersonDues(contextOf(request), request.params.personId),
  );
  app.post(
    '/people/:personId/bases',
    {
      config: { access: 'dues.manage' },
      schema: {
        tags,
        summary: '登记党费基数（自工资变动当月起）',
        params: PersonParams,
        body: DuesBaseRequest,
        response: { 201: DuesPersonRecord, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.setBase(contextOf(request), request.params.personId, request.body)),
  );
  app.post(
    '/people/:personId/reductions',
    {
      config: { access: 'dues.manage' },
      schema: {
        tags,
        summary: '登记党费减免（支部决定、上级批准）',
        params: PersonParams,
        body: DuesReductionRequest,
        response: { 201: DuesPersonRecord, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.addReduction(contextOf(request), request.params.personId, request.body)),
  );
};
