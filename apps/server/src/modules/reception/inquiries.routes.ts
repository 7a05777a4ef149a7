import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CloseInquiryRequest,
  courtYear,
  CreateInquiryRequest,
  ErrorResponse,
  HandOverInquiryRequest,
  IdParams,
  InquiriesQuery,
  InquiriesResponse,
  Inquiry,
  InquiryReceiversResponse,
  InquiryStatsResponse,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './inquiries.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['首问负责'];

/** 首问负责: every staff member records what they are asked first; the first person's list holds it until closed. */
export const inquiryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '我首问的和移交给我的事项（默认未办结的）',
        querystring: InquiriesQuery,
        response: { 200: InquiriesResponse, ...errors },
      },
    },
    async (request) => service.listMyInquiries(contextOf(request), request.query.status),
  );
  app.get(
    '/receivers',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '可以接收移交的本院人员', response: { 200: InquiryReceiversResponse, ...errors } },
    },
    async (request) => service.listReceivers(contextOf(request)),
  );
  app.get(
    '/stats',
    {
      config: { access: 'reception.read' },
      schema: {
        tags,
        summary: '各部门首问情况',
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: InquiryStatsResponse, ...errors },
      },
    },
    async (request) => service.inquiryStats(contextOf(request), request.query.year ?? courtYear()),
  );
  app.post(
    '/',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '登记首问（一次性告知、告知到院外办理，或本人继续办理）',
        body: CreateInquiryRequest,
        response: { 201: Inquiry, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createInquiry(contextOf(request), request.body)),
  );
  app.post(
    '/:id/hand-over',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '移交给本院其他人员（留痕；接收人办结前仍在首问人的列表上）',
        params: IdParams,
        body: HandOverInquiryRequest,
        response: { 200: Inquiry, ...errors },
      },
    },
    async (request) => service.handOverInquiry(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/close',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '办结（当前负责人）',
        params: IdParams,
        body: CloseInquiryRequest,
        response: { 200: Inquiry, ...errors },
      },
    },
    async (request) => service.closeInquiry(contextOf(request), request.params.id, request.body.result),
  );
};
