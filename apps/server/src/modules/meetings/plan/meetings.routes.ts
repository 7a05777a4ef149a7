import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateMeetingRequest,
  IdParams,
  Ledger,
  LedgerQuery,
  MeetingDetail,
  MeetingPage,
  MeetingsQuery,
  MyMeetings,
  OkResponse,
  UpdateMeetingRequest,
} from '@qizhi/domain';
import { contextOf } from '../../../platform/request-context.ts';
import { getMeeting } from '../meeting-detail.ts';
import { errors } from '../route-errors.ts';
import { buildLedger, ledgerWorkbook } from './ledger.ts';
import * as service from './meetings.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Plan, list, read, change, notify and cancel meetings; the ledger. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['三会一课'];

  app.get(
    '/meetings',
    {
      config: { access: 'meetings.read' },
      schema: {
        tags,
        summary: '会议列表（分页、按组织/类型/日期筛选）',
        querystring: MeetingsQuery,
        response: { 200: MeetingPage, ...errors },
      },
    },
    async (request) => service.listMeetings(contextOf(request), request.query),
  );
  app.post(
    '/meetings',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '计划会议（按组织党员生成应到人员，免于参会者单列）',
        body: CreateMeetingRequest,
        response: { 201: MeetingDetail, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createMeeting(contextOf(request), request.body)),
  );
  app.get(
    '/meetings/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '本人参加的会议（近一个月起）', response: { 200: MyMeetings, ...errors } },
    },
    async (request) => service.listMyMeetings(contextOf(request)),
  );
  app.get(
    '/meetings/ledger',
    {
      config: { access: 'meetings.read' },
      schema: { tags, summary: '会议记录台账 .xlsx（一个组织及其下级组织的全年会议）', querystring: LedgerQuery },
    },
    async (request, reply) => {
      const ledger = await buildLedger(contextOf(request), request.query.orgUnitId, request.query.year);
      const name = `${ledger.orgUnitName}${String(ledger.year)}年会议台账.xlsx`;
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(await ledgerWorkbook(ledger));
    },
  );
  app.get(
    '/meetings/ledger/entries',
    {
      config: { access: 'meetings.read' },
      schema: {
        tags,
        summary: '会议记录台账（供打印页面）',
        querystring: LedgerQuery,
        response: { 200: Ledger, ...errors },
      },
    },
    async (request) => buildLedger(contextOf(request), request.query.orgUnitId, request.query.year),
  );
  app.get(
    '/meetings/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '会议详情（管理人员、本组织可查看者、参会人员）',
        params: IdParams,
        response: { 200: MeetingDetail, ...errors },
      },
    },
    async (request) => getMeeting(contextOf(request), request.params.id),
  );
  app.patch(
    '/meetings/:id',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '修改会议安排（归档前）',
        params: IdParams,
        body: UpdateMeetingRequest,
        response: { 200: MeetingDetail, ...errors },
      },
    },
    async (request) => service.updateMeeting(contextOf(request), request.params.id, request.body),
  );
  for (const [path, summary, run] of [
    ['notify', '发出会议通知（显示在参会人员首页）', service.notifyMeeting],
    ['cancel', '取消会议', service.cancelMeeting],
  ] as const) {
    app.post(
      `/meetings/:id/${path}`,
      {
        config: { access: 'meetings.manage' },
        schema: { tags, summary, params: IdParams, response: { 200: MeetingDetail, ...errors } },
      },
      async (request) => run(contextOf(request), request.params.id),
    );
  }
  app.post(
    '/meetings/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '已阅会议通知（参会人员）', params: IdParams, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await service.markNoticeRead(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );
};
