import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AttachFileRequest,
  AttendanceRequest,
  AttendanceResponse,
  FileParams,
  IdParams,
  LeaveRequest,
  MeetingDetail,
  MeetingRevisions,
  MinutesRequest,
  RevisionRequest,
  SignInCode,
  SignInRequest,
  SignInResponse,
  TaskParams,
  TaskRequest,
  VoteCorrectionParams,
  VoteCorrectionRequest,
  VoteRequest,
} from '@qizhi/domain';
import { publicAddress } from '../../../platform/public-url.ts';
import { contextOf } from '../../../platform/request-context.ts';
import { errors } from '../route-errors.ts';
import * as attendance from './attendance.service.ts';
import * as closing from './closing.service.ts';
import * as service from './record.service.ts';
import { correctVote } from './vote-correction.service.ts';
import * as votes from './vote.service.ts';

/** What happens at and after a meeting: attendance, sign-in, minutes, votes, tasks, files, closing, corrections. */
export const meetingRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['三会一课'];
  const detail = { 200: MeetingDetail, ...errors };

  app.put(
    '/meetings/:id/attendance',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '登记出席情况：[{personId, state: present|leave|absent, reason?}]（主持人登记即批准请假）',
        params: IdParams,
        body: AttendanceRequest,
        response: { 200: AttendanceResponse, ...errors },
      },
    },
    async (request) => attendance.recordAttendance(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/meetings/:id/sign-in-code',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '当前签到码（每30秒更换）及签到页地址',
        params: IdParams,
        response: { 200: SignInCode, ...errors },
      },
    },
    async (request) => attendance.getSignInCode(contextOf(request), request.params.id, publicAddress(app, request)),
  );
  app.post(
    '/meetings/:id/sign-in',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '手机签到（参会人员，凭当前签到码，会议开始前20分钟至开始后30分钟）',
        params: IdParams,
        body: SignInRequest,
        response: { 200: SignInResponse, ...errors },
      },
    },
    async (request) => attendance.signIn(contextOf(request), request.params.id, request.body.code),
  );
  app.post(
    '/meetings/:id/leave',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '请假（参会人员，待主持人批准）',
        params: IdParams,
        body: LeaveRequest,
        response: detail,
      },
    },
    async (request) => attendance.requestLeave(contextOf(request), request.params.id, request.body.reason),
  );
  app.put(
    '/meetings/:id/minutes',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '填写会议记录和决议（富文本，服务器清理后保存）',
        params: IdParams,
        body: MinutesRequest,
        response: detail,
      },
    },
    async (request) => service.recordMinutes(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/meetings/:id/votes',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary:
          '记录表决：表决类型（一般决议、选举、接收预备党员、预备党员转正、其他）、票数和会前书面意见；应到、实到、法定人数和结果由服务器按规则计算',
        params: IdParams,
        body: VoteRequest,
        response: { 201: MeetingDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await votes.recordVote(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/meetings/:id/votes/:voteId/corrections',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary:
          '更正已记录的表决（须说明原因）：按表决时记录的应到、实到和书面意见重新计算结果；更正前的表决保留在更正记录中，留痕',
        params: VoteCorrectionParams,
        body: VoteCorrectionRequest,
        response: detail,
      },
    },
    async (request) => correctVote(contextOf(request), request.params.id, request.params.voteId, request.body),
  );
  app.post(
    '/meetings/:id/tasks',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '布置后续任务',
        params: IdParams,
        body: TaskRequest,
        response: { 201: MeetingDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addTask(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/meetings/:id/tasks/:taskId/done',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '办结后续任务（责任人或会议管理人员）', params: TaskParams, response: detail },
    },
    async (request) => service.completeTask(contextOf(request), request.params.id, request.params.taskId),
  );
  app.post(
    '/meetings/:id/files',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '附加照片或文件（先经 POST /api/files 上传）',
        params: IdParams,
        body: AttachFileRequest,
        response: detail,
      },
    },
    async (request) => service.attachFile(contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/meetings/:id/files/:fileId',
    {
      config: { access: 'meetings.manage' },
      schema: { tags, summary: '移除照片或文件', params: FileParams, response: detail },
    },
    async (request) => service.detachFile(contextOf(request), request.params.id, request.params.fileId),
  );
  app.post(
    '/meetings/:id/close',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '归档锁定（须已填写会议记录、登记全部出席情况）',
        params: IdParams,
        response: detail,
      },
    },
    async (request) => closing.closeMeeting(contextOf(request), request.params.id),
  );
  app.get(
    '/meetings/:id/revisions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '归档后的更正记录（每次更正前的原文）',
        params: IdParams,
        response: { 200: MeetingRevisions, ...errors },
      },
    },
    async (request) => closing.listRevisions(contextOf(request), request.params.id),
  );
  app.post(
    '/meetings/:id/revisions',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '更正已归档会议（须说明原因；保留原文，留痕）',
        params: IdParams,
        body: RevisionRequest,
        response: { 201: MeetingDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await closing.reviseMeeting(contextOf(request), request.params.id, request.body)),
  );
};
