import { useQuery } from '@tanstack/react-query';
import type { RuleDetail, RuleReadersResponse, RulesResponse } from '@qizhi/domain';
import { api } from '../../platform/api.ts';
import { queryClient } from '../../platform/query-client.ts';

export const rulesKey = ['rules'] as const;

export function useRules() {
  return useQuery({ queryKey: rulesKey, queryFn: () => api.get<RulesResponse>('/api/rules'), select: (d) => d.items });
}

export function useRule(id: string | null) {
  return useQuery({
    queryKey: [...rulesKey, 'detail', id],
    queryFn: () => api.get<RuleDetail>(`/api/rules/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useRuleReaders(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [...rulesKey, 'readers', id],
    queryFn: () => api.get<RuleReadersResponse>(`/api/rules/${encodeURIComponent(id ?? '')}/readers`),
    enabled: id !== null && enabled,
  });
}

export async function refreshRules(): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: rulesKey });
}
