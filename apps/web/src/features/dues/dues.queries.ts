import { useQuery } from '@tanstack/react-query';
import { duesApi } from './dues.api.ts';

export const duesKey = ['dues'] as const;

export function useDuesSheet(orgUnitId: string | undefined, month: string) {
  return useQuery({
    queryKey: [...duesKey, 'sheet', orgUnitId, month],
    queryFn: () => duesApi.sheet(orgUnitId!, month),
    enabled: !!orgUnitId,
  });
}

export function useDuesSummary(orgUnitId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...duesKey, 'summary', orgUnitId, year],
    queryFn: () => duesApi.summary(orgUnitId!, year),
    enabled: !!orgUnitId,
  });
}

export function usePersonDues(personId: string | null) {
  return useQuery({
    queryKey: [...duesKey, 'person', personId],
    queryFn: () => duesApi.person(personId!),
    enabled: !!personId,
  });
}
