import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DutyReport,
  DutyReportMeetingRequest,
  DutyReportRequest,
  DutyReportsQuery,
  DutyReportsResponse,
  ErrorResponse,
  IdParams,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as reports from './duty-reports.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['述职述廉'];

export const dutyReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/evaluations/duty-reports',
    {
      config: { access: 'evaluations.read' },
      schema: {
        tags,
        summary: '某年度的述职述廉报告及应述职人员',
        querystring: DutyReportsQuery,
        response: { 200: DutyReportsResponse, ...errors },
      },
    },
    async (request) => reports.listDutyReports(contextOf(request), request.query.year),
  );
  app.get(
    '/evaluations/duty-reports/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '本人某年度的述职述廉报告',
        querystring: DutyReportsQuery,
        response: { 200: z.object({ report: DutyReport.nullable() }), ...errors },
      },
    },
    async (request) => reports.myDutyReport(contextOf(request), request.query.year),
  );
  app.put(
    '/evaluations/duty-reports/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '提交或修改本人的述职述廉报告',
        body: DutyReportRequest,
        response: { 200: DutyReport, ...errors },
      },
    },
    async (request) => reports.saveMyDutyReport(contextOf(request), request.body),
  );
  app.put(
    '/evaluations/duty-reports/:id/meeting',
    {
      config: { access: 'evaluations.manage' },
      schema: {
        tags,
        summary: '关联宣读报告的会议',
        params: IdParams,
        body: DutyReportMeetingRequest,
        response: { 200: DutyReport, ...errors },
      },
    },
    async (request) => reports.linkDutyReportMeeting(contextOf(request), request.params.id, request.body),
  );
};
