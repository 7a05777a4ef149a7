import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '@qizhi/domain';
import { auditApi } from './audit.api.ts';

export const auditKey = ['audit'] as const;

export function useAuditPage(query: Partial<AuditQuery>) {
  return useQuery({
    queryKey: [...auditKey, query],
    queryFn: () => auditApi.list(query),
    placeholderData: keepPreviousData,
  });
}
