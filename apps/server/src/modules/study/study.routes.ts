import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AttendanceRequest,
  CalendarYearParams,
  CreateStudyProgrammeRequest,
  CreateStudySessionRequest,
  ErrorResponse,
  IdParams,
  Incentive,
  IncentiveRequest,
  IncentivesQuery,
  IncentivesResponse,
  PersonHoursParams,
  PersonHoursQuery,
  PersonStudyLedger,
  PutWorkCalendarRequest,
  SignInCode,
  SignInRequest,
  StudyAttendanceResponse,
  StudyHoursQuery,
  StudyHoursResponse,
  StudyProgramme,
  StudyProgrammeList,
  StudySessionDetail,
  StudySessionList,
  StudySessionsQuery,
  StudySignInResponse,
  UpdateIncentiveRequest,
  UpdateStudySessionRequest,
  WorkCalendarYear,
} from '@qizhi/domain';
import { publicAddress } from '../../platform/public-url.ts';
import { contextOf } from '../../platform/request-context.ts';
import * as attendance from './attendance.service.ts';
import * as calendar from './calendar.service.ts';
import * as incentives from './incentives.service.ts';
import * as ledger from './ledger.service.ts';
import { hoursWorkbook, personWorkbook, XLSX } from './ledger-export.ts';
import * as sessions from './sessions.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

function attachment(filename: string): string {
  return `attachment; filename="study.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** 学习平台: programmes, sessions, attendance and sign-in, the study-hours ledger, the working calendar. */
export const studyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['学习平台'];
  const detail = { 200: StudySessionDetail, ...errors };

  app.get(
    '/study/sessions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '学习场次（本人应参加的、全院的，及有学习台账权限的组织的）',
        querystring: StudySessionsQuery,
        response: { 200: StudySessionList, ...errors },
      },
    },
    async (request) => sessions.listSessions(contextOf(request), request.query),
  );
  app.post(
    '/study/sessions',
    {
      config: { access: 'study.manage' },
      schema: {
        tags,
        summary: '安排一次学习',
        body: CreateStudySessionRequest,
        response: { 201: StudySessionDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const id = await sessions.createSession(ctx, request.body);
      return reply.status(201).send(await attendance.getSession(ctx, id));
    },
  );
  app.get(
    '/study/sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '学习详情（组织者可见全部出席情况）', params: IdParams, response: detail },
    },
    async (request) => attendance.getSession(contextOf(request), request.params.id),
  );
  app.patch(
    '/study/sessions/:id',
    {
      config: { access: 'study.manage' },
      schema: {
        tags,
        summary: '修改学习安排、学习材料，或取消',
        params: IdParams,
        body: UpdateStudySessionRequest,
        response: detail,
      },
    },
    async (request) => attendance.updateSession(contextOf(request), request.params.id, request.body),
  );
  app.put(
    '/study/sessions/:id/attendance',
    {
      config: { access: 'study.manage' },
      schema: {
        tags,
        summary: '登记出席情况：[{personId, state: present|leave|absent, reason?}]（与会议相同）',
        params: IdParams,
        body: AttendanceRequest,
        response: { 200: StudyAttendanceResponse, ...errors },
      },
    },
    async (request) => attendance.recordAttendance(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/study/sessions/:id/sign-in-code',
    {
      config: { access: 'study.manage' },
      schema: {
        tags,
        summary: '当前签到码（每30秒更换）及手机签到页地址',
        params: IdParams,
        response: { 200: SignInCode, ...errors },
      },
    },
    async (request) => attendance.getSignInCode(contextOf(request), request.params.id, publicAddress(app, request)),
  );
  app.post(
    '/study/sessions/:id/sign-in',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '手机签到（应参加人员，凭当前签到码，开始前20分钟至开始后30分钟）',
        params: IdParams,
        body: SignInRequest,
        response: { 200: StudySignInResponse, ...errors },
      },
    },
    async (request) => attendance.signIn(contextOf(request), request.params.id, request.body.code),
  );

  app.get(
    '/study/programmes',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '学习计划', response: { 200: StudyProgrammeList, ...errors } },
    },
    async (request) => sessions.listProgrammes(contextOf(request)),
  );
  app.post(
    '/study/programmes',
    {
      config: { access: 'study.manage' },
      schema: {
        tags,
        summary: '制定学习计划：按工作日历（节假日、调休）生成每次学习',
        body: CreateStudyProgrammeRequest,
        response: { 201: StudyProgramme, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await sessions.createProgramme(contextOf(request), request.body)),
  );

  app.get(
    '/study/hours',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '学时台账：应修、已修、是否落后（有学习台账权限者看所辖人员，其他人只看本人）',
        querystring: StudyHoursQuery,
        response: { 200: StudyHoursResponse, ...errors },
      },
    },
    async (request) => ledger.listHours(contextOf(request), request.query),
  );
  app.get(
    '/study/hours.xlsx',
    {
      config: { access: 'study.read' },
      schema: { tags, summary: '学时台账 .xlsx（所辖人员，可按组织筛选）', querystring: StudyHoursQuery },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const hours = await ledger.listHours(ctx, request.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${String(hours.year)}年学习学时台账.xlsx`))
        .send(await hoursWorkbook(hours));
    },
  );
  app.get(
    '/study/hours/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '本人的学时台账',
        querystring: PersonHoursQuery,
        response: { 200: PersonStudyLedger, ...errors },
      },
    },
    async (request) => ledger.myLedger(contextOf(request), request.query.year),
  );
  app.get(
    '/study/hours/:personId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '一人的学时台账及学习记录（本人，或有学习台账权限）',
        params: PersonHoursParams,
        querystring: PersonHoursQuery,
        response: { 200: PersonStudyLedger, ...errors },
      },
    },
    async (request) => ledger.personLedger(contextOf(request), request.params.personId, request.query.year),
  );
  app.get(
    '/study/hours/:personId/ledger.xlsx',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '一人的学习台账 .xlsx',
        params: PersonHoursParams,
        querystring: PersonHoursQuery,
      },
    },
    async (request, reply) => {
      const one = await ledger.personLedger(contextOf(request), request.params.personId, request.query.year);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${one.name}${String(one.year)}年学习台账.xlsx`))
        .send(await personWorkbook(one));
    },
  );

  app.get(
    '/study/incentives',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          '教育激励：法律本科、法律职业资格考试及奖励（有学习台账权限者看所辖人员，其他人只看本人），及每年的数字',
        querystring: IncentivesQuery,
        response: { 200: IncentivesResponse, ...errors },
      },
    },
    async (request) => incentives.listIncentives(contextOf(request), request.query.year),
  );
  app.post(
    '/study/incentives',
    {
      config: { access: 'study.manage' },
      schema: { tags, summary: '登记教育激励', body: IncentiveRequest, response: { 201: Incentive, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await incentives.createIncentive(contextOf(request), request.body)),
  );
  app.patch(
    '/study/incentives/:id',
    {
      config: { access: 'study.manage' },
      schema: {
        tags,
        summary: '修改教育激励（结果、奖励等）',
        params: IdParams,
        body: UpdateIncentiveRequest,
        response: { 200: Incentive, ...errors },
      },
    },
    async (request) => incentives.updateIncentive(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/study/calendar/:year',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '工作日历：该年的法定节假日和调休上班日',
        params: CalendarYearParams,
        response: { 200: WorkCalendarYear, ...errors },
      },
    },
    async (request) => calendar.getCalendar(contextOf(request), request.params.year),
  );
  app.put(
    '/study/calendar/:year',
    {
      config: { access: 'study.manage' },
      schema: {
        tags,
        summary: '维护工作日历（按国务院办公厅当年的放假安排；全院范围的管理人员）',
        params: CalendarYearParams,
        body: PutWorkCalendarRequest,
        response: { 200: WorkCalendarYear, ...errors },
      },
    },
    async (request) => calendar.putCalendar(contextOf(request), request.params.year, request.body.days),
  );
};
