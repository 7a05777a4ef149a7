import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ComplianceCell,
  ComplianceCellQuery,
  ComplianceQuery,
  ComplianceResponse,
  ExemptionRequest,
  Exemptions,
  FrequencySettingRequest,
  FrequencySettings,
  IdParams,
  Reminders,
} from '@qizhi/domain';
import { contextOf } from '../../../platform/request-context.ts';
import { errors } from '../route-errors.ts';
import * as service from './compliance.service.ts';
import { listReminders } from './reminders.service.ts';

/** Required vs held, the court's frequencies, exemptions from the expected count, and reminders. */
export const complianceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['组织生活落实情况'];

  app.get(
    '/compliance',
    {
      config: { access: 'compliance.read' },
      schema: {
        tags,
        summary: '应开与已开：每个组织、类型、期间（2026-03、2026-Q1、2026）；已开 = 已记录会议记录或已归档',
        querystring: ComplianceQuery,
        response: { 200: ComplianceResponse, ...errors },
      },
    },
    async (request) => service.getCompliance(contextOf(request), request.query),
  );
  app.get(
    '/compliance/cell',
    {
      config: { access: 'compliance.read' },
      schema: {
        tags,
        summary: '看板单元格：某组织某月显示的各项（该期间或所属年度），及计入的本组织会议、谈心谈话结对',
        querystring: ComplianceCellQuery,
        response: { 200: ComplianceCell, ...errors },
      },
    },
    async (request) => service.getComplianceCell(contextOf(request), request.query),
  );
  app.get(
    '/compliance/settings',
    {
      config: { access: 'compliance.read' },
      schema: {
        tags,
        summary: '各组织各类会议的频次（默认或本院设置）',
        response: { 200: FrequencySettings, ...errors },
      },
    },
    async (request) => service.listFrequencySettings(contextOf(request)),
  );
  app.put(
    '/compliance/settings',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '设置某组织某类会议的频次（frequency 为 null 恢复默认）',
        body: FrequencySettingRequest,
        response: { 200: FrequencySettings, ...errors },
      },
    },
    async (request) => service.setFrequency(contextOf(request), request.body),
  );
  app.get(
    '/meeting-exemptions',
    {
      config: { access: 'meetings.manage' },
      schema: { tags, summary: '免于参加组织生活的党员（不计应到）', response: { 200: Exemptions, ...errors } },
    },
    async (request) => service.listExemptions(contextOf(request)),
  );
  app.post(
    '/meeting-exemptions',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: '登记免于参加组织生活（年老体弱、长期外出等，须写明原因）',
        body: ExemptionRequest,
        response: { 201: Exemptions, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createExemption(contextOf(request), request.body)),
  );
  app.delete(
    '/meeting-exemptions/:id',
    {
      config: { access: 'meetings.manage' },
      schema: { tags, summary: '取消免于参会', params: IdParams, response: { 200: Exemptions, ...errors } },
    },
    async (request) => service.deleteExemption(contextOf(request), request.params.id),
  );
  app.get(
    '/reminders',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '本人的提醒：待参加的会议通知、逾期会议记录、到期任务；管理人员另有本期应开会议和连续缺席党员',
        response: { 200: Reminders, ...errors },
      },
    },
    async (request) => listReminders(contextOf(request)),
  );
};
