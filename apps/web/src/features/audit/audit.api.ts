import { AuditPage, type AuditQuery } from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

/** The audit log (审计日志), read-only. */
export const auditApi = {
  list: (query: Partial<AuditQuery>) => call.get(AuditPage, '/api/audit', query),
};
