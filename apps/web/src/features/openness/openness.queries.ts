import { useQuery } from '@tanstack/react-query';
import type { DisclosureStatus } from '@qizhi/domain';
import { opennessApi } from './openness.api.ts';

export const opennessKey = ['openness'] as const;

export function useDisclosures(status: DisclosureStatus | undefined) {
  return useQuery({ queryKey: [...opennessKey, status ?? 'all'], queryFn: () => opennessApi.list({ status }) });
}

export function useDisclosureSources(enabled: boolean) {
  return useQuery({ queryKey: [...opennessKey, 'sources'], queryFn: () => opennessApi.sources(), enabled });
}
