import { useQuery } from '@tanstack/react-query';
import type { AnnualStatsQuery } from '@qizhi/domain';
import { partyStatsApi } from './party-stats.api.ts';

export const partyStatsKey = ['party-stats'] as const;

export function useAnnualStats(query: AnnualStatsQuery | null) {
  return useQuery({
    queryKey: [...partyStatsKey, 'annual', query],
    queryFn: () => partyStatsApi.annual(query!),
    enabled: query !== null,
  });
}

export function useAnnualPeople(query: (AnnualStatsQuery & { row: string; figure: string }) | null) {
  return useQuery({
    queryKey: [...partyStatsKey, 'people', query],
    queryFn: () => partyStatsApi.people(query!),
    enabled: query !== null,
  });
}
