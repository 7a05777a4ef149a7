import {
  ImportResult,
  MemberDetail,
  MemberPage,
  MemberPii,
  RosterStats,
  type CreateMemberRequest,
  type RecordLeavingRequest,
  type UpdateMemberRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';
import type { MemberFilters, MemberListParams } from './members.queries.ts';

/** The roster (花名册): people, their full numbers, statistics, and the Excel import and export. */
export const membersApi = {
  list: (params: MemberListParams, signal?: AbortSignal) => call.get(MemberPage, '/api/members', params, { signal }),
  get: (id: string) => call.get(MemberDetail, `/api/members/${seg(id)}`),
  me: () => call.get(MemberDetail, '/api/members/me'),
  stats: () => call.get(RosterStats, '/api/members/stats'),
  /** Audited on the server: the caller confirms first. */
  pii: (id: string) => call.get(MemberPii, `/api/members/${seg(id)}/pii`),
  create: (body: CreateMemberRequest) => call.post(MemberDetail, '/api/members', body),
  update: (id: string, body: UpdateMemberRequest) => call.patch(MemberDetail, `/api/members/${seg(id)}`, body),
  /** 办理离开: the linked account is disabled on the server in the same step. */
  recordLeaving: (id: string, body: RecordLeavingRequest) =>
    call.post(MemberDetail, `/api/members/${seg(id)}/leaving`, body),
  /** A dry run checks the file and writes nothing. */
  import: (file: File, dryRun: boolean) => call.upload(ImportResult, '/api/members/import', file, { dryRun }),
  importTemplate: () => call.download('/api/members/import-template', undefined, '花名册导入模板.xlsx'),
  export: (filters: MemberFilters, full: boolean) =>
    call.download('/api/members/export', { ...filters, full }, '党员花名册.xlsx'),
};
