import {
  DuesPaymentResult,
  DuesPersonRecord,
  DuesPreview,
  DuesSettings,
  DuesSheet,
  DuesSummary,
  type DuesBaseRequest,
  type DuesPaymentRequest,
  type DuesPreviewRequest,
  type DuesReductionRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';

/** 党费: the preview, the monthly sheet, payments, a member's bases and reductions, summaries. */
export const duesApi = {
  preview: (body: DuesPreviewRequest) => call.post(DuesPreview, '/api/dues/preview', body),
  sheet: (orgUnitId: string, month: string) => call.get(DuesSheet, '/api/dues/sheet', { orgUnitId, month }),
  summary: (orgUnitId: string, year: number) => call.get(DuesSummary, '/api/dues/summary', { orgUnitId, year }),
  settings: () => call.get(DuesSettings, '/api/dues/settings'),
  pay: (body: DuesPaymentRequest) => call.post(DuesPaymentResult, '/api/dues/payments', body),
  deletePayment: (id: string) => call.send('DELETE', `/api/dues/payments/${seg(id)}`),
  person: (personId: string) => call.get(DuesPersonRecord, `/api/dues/people/${seg(personId)}`),
  setBase: (personId: string, body: DuesBaseRequest) =>
    call.post(DuesPersonRecord, `/api/dues/people/${seg(personId)}/bases`, body),
  addReduction: (personId: string, body: DuesReductionRequest) =>
    call.post(DuesPersonRecord, `/api/dues/people/${seg(personId)}/reductions`, body),
  downloadRemittance: (orgUnitId: string, month: string) =>
    call.download('/api/dues/remittance', { orgUnitId, month }, '党费上缴表.xlsx'),
};
