import { useQuery } from '@tanstack/react-query';
import { rulesApi } from './rules.api.ts';

export const rulesKey = ['rules'] as const;

export function useRules() {
  return useQuery({ queryKey: rulesKey, queryFn: rulesApi.list, select: (d) => d.items });
}

export function useRule(id: string | null) {
  return useQuery({
    queryKey: [...rulesKey, 'detail', id],
    queryFn: () => rulesApi.get(id ?? ''),
    enabled: id !== null,
  });
}

export function useRuleReaders(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [...rulesKey, 'readers', id],
    queryFn: () => rulesApi.readers(id ?? ''),
    enabled: id !== null && enabled,
  });
}
