import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorResponse,
  IdParams,
  PersonTransfers,
  TransferCheck,
  TransferInRequest,
  TransferItem,
  TransferList,
  TransferOutRequest,
  TransferReceiptRequest,
  TransfersQuery,
} from '@qizhi/domain';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './transfers.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const PersonParams = z.object({ personId: IdParams.shape.id });

/** 组织关系转接: the list (with overdue receipts), letters out, transfers in, receipts, a person's history. */
export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['组织关系转接'];
  app.get(
    '/',
    {
      config: { access: 'transfers.read' },
      schema: {
        tags,
        summary: '转接记录（status=overdue：逾期未回执的介绍信）',
        querystring: TransfersQuery,
        response: { 200: TransferList, ...errors },
      },
    },
    async (request) => service.listTransfers(contextOf(request), request.query),
  );
  app.get(
    '/check/:personId',
    {
      config: { access: 'transfers.manage' },
      schema: {
        tags,
        summary: '开具介绍信前核对：所在党组织、党费交至月份和欠缴月数',
        params: PersonParams,
        response: { 200: TransferCheck, ...errors },
      },
    },
    async (request) => service.checkTransfer(contextOf(request), request.params.personId),
  );
  app.get(
    '/people/:personId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '个人的组织关系转接记录（党组织变动历史）',
        params: PersonParams,
        response: { 200: PersonTransfers, ...errors },
      },
    },
    async (request) => service.personTransfers(contextOf(request), request.params.personId),
  );
  app.get(
    '/:id',
    {
      config: { access: 'transfers.read' },
      schema: { tags, summary: '一份介绍信（打印）', params: IdParams, response: { 200: TransferItem, ...errors } },
    },
    async (request) => service.getTransfer(contextOf(request), request.params.id),
  );
  app.post(
    '/out',
    {
      config: { access: 'transfers.manage' },
      schema: {
        tags,
        summary: '转出：开具组织关系介绍信（院内转至其他党组织，院外按“调出”办理离开）',
        body: TransferOutRequest,
        response: { 200: TransferItem, ...errors },
      },
    },
    async (request) => service.transferOut(contextOf(request), request.body),
  );
  app.post(
    '/in',
    {
      config: { access: 'transfers.manage' },
      schema: {
        tags,
        summary: '转入：接收介绍信，编入本院党组织',
        body: TransferInRequest,
        response: { 200: TransferItem, ...errors },
      },
    },
    async (request) => service.transferIn(contextOf(request), request.body),
  );
  app.post(
    '/:id/receipt',
    {
      config: { access: 'transfers.manage' },
      schema: {
        tags,
        summary: '登记回执',
        params: IdParams,
        body: TransferReceiptRequest,
        response: { 200: TransferItem, ...errors },
      },
    },
    async (request) => service.recordReceipt(contextOf(request), request.params.id, request.body),
  );
};
