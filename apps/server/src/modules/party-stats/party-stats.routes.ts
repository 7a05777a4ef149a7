import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AnnualStatsPeople,
  AnnualStatsPeopleQuery,
  AnnualStatsQuery,
  AnnualStatsReport,
  ErrorResponse,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import { annualPeople, annualReport } from './party-stats.service.ts';
import { buildAnnualWorkbook } from './party-stats.xlsx.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const partyStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['党内统计年报'];
  app.get(
    '/annual',
    {
      config: { access: 'stats.annual' },
      schema: {
        tags,
        summary: '党内统计年报：一个党组织及其下级在某年的党员数量与构成、增减（年末时点）',
        querystring: AnnualStatsQuery,
        response: { 200: AnnualStatsReport, ...errors },
      },
    },
    async (request) => annualReport(contextOf(request), request.query),
  );
  app.get(
    '/annual/people',
    {
      config: { access: 'stats.annual' },
      schema: {
        tags,
        summary: '年报中一个数字对应的人员（号码脱敏）',
        querystring: AnnualStatsPeopleQuery,
        response: { 200: AnnualStatsPeople, ...errors },
      },
    },
    async (request) => annualPeople(contextOf(request), request.query),
  );
  app.get(
    '/annual/export',
    {
      config: { access: 'stats.annual' },
      schema: { tags, summary: '党内统计年报 .xlsx（只有数字）', querystring: AnnualStatsQuery },
    },
    async (request, reply) => {
      const report = await annualReport(contextOf(request), request.query);
      const filename = `${report.orgUnitName}${String(report.year)}年党内统计年报.xlsx`;
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="annual-stats.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(await buildAnnualWorkbook(report));
    },
  );
};
