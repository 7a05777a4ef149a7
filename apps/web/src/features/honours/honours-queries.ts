import { useQuery } from '@tanstack/react-query';
import type { HonourKind, HonoursResponse, SanctionsResponse } from '@qizhi/domain';
import { api } from '../../platform/api.ts';
import { queryClient } from '../../platform/query-client.ts';

export function useHonours(kind: HonourKind) {
  return useQuery({ queryKey: ['honours', kind], queryFn: () => api.get<HonoursResponse>('/api/honours', { kind }) });
}

export function useSanctions(personId?: string, enabled = true) {
  return useQuery({
    queryKey: ['sanctions', personId ?? 'all'],
    queryFn: () => api.get<SanctionsResponse>('/api/sanctions', { personId }),
    enabled,
  });
}

export async function refreshRecognition(): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['honours'] }),
    queryClient.invalidateQueries({ queryKey: ['sanctions'] }),
  ]);
}
