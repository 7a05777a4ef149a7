import {
  InquiriesResponse,
  Inquiry,
  InquiryReceiversResponse,
  InquiryStatsResponse,
  RotaLeadersResponse,
  RotaResponse,
  ServicePledge,
  ServicePledgesResponse,
  Visit,
  VisitsResponse,
  VisitStatsResponse,
  type CreateInquiryRequest,
  type CreateVisitRequest,
  type GenerateRotaRequest,
  type ServicePledgeRequest,
  type UpdateVisitProgressRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

/** 挂牌接访 (rota, visits, statistics), 服务承诺, and 首问负责. */
export const receptionApi = {
  rota: (year: number) => call.get(RotaResponse, '/api/reception/rota', { year }),
  leaders: () => call.get(RotaLeadersResponse, '/api/reception/rota/leaders'),
  generateRota: (body: GenerateRotaRequest) => call.post(RotaResponse, '/api/reception/rota/generate', body),
  swapRota: (body: { weekA: string; weekB: string; note: string }) =>
    call.post(RotaResponse, '/api/reception/rota/swap', body),
  substitute: (id: string, body: { personId: string; note: string }) =>
    call.post(RotaResponse, `/api/reception/rota/${seg(id)}/substitute`, body),
  visits: (query: { year?: number; month?: number; overdue?: 'true' | 'false'; page?: number; pageSize?: number }) =>
    call.get(VisitsResponse, '/api/reception/visits', query),
  visitStats: (year: number) => call.get(VisitStatsResponse, '/api/reception/visits/stats', { year }),
  downloadStats: (year: number) =>
    call.download('/api/reception/visits/stats.xlsx', { year }, `${String(year)}年领导接访统计.xlsx`),
  createVisit: (body: CreateVisitRequest) => call.post(Visit, '/api/reception/visits', body),
  updateVisit: (id: string, body: UpdateVisitProgressRequest) =>
    call.patch(Visit, `/api/reception/visits/${seg(id)}`, body),
  pledges: () => call.get(ServicePledgesResponse, '/api/reception/pledges'),
  createPledge: (body: ServicePledgeRequest) => call.post(ServicePledge, '/api/reception/pledges', body),
  updatePledge: (id: string, body: ServicePledgeRequest) =>
    call.put(ServicePledge, `/api/reception/pledges/${seg(id)}`, body),
  deletePledge: (id: string) => call.send('DELETE', `/api/reception/pledges/${seg(id)}`),
  inquiries: (status: 'open' | 'closed' | 'all') => call.get(InquiriesResponse, '/api/inquiries', { status }),
  receivers: () => call.get(InquiryReceiversResponse, '/api/inquiries/receivers'),
  inquiryStats: (year: number) => call.get(InquiryStatsResponse, '/api/inquiries/stats', { year }),
  createInquiry: (body: CreateInquiryRequest) => call.post(Inquiry, '/api/inquiries', body),
  handOver: (id: string, body: { receiverUserId: string; note: string }) =>
    call.post(Inquiry, `/api/inquiries/${seg(id)}/hand-over`, body),
  close: (id: string, result: string) => call.post(Inquiry, `/api/inquiries/${seg(id)}/close`, { result }),
};
