import { useQuery } from '@tanstack/react-query';
import type { HonourKind } from '@qizhi/domain';
import { honoursApi } from './honours.api.ts';

export const honoursKey = ['honours'] as const;
export const sanctionsKey = ['sanctions'] as const;

/** What a new honour or sanction refreshes. */
export const RECOGNITION_CHANGED = [honoursKey, sanctionsKey];

export function useHonours(kind: HonourKind) {
  return useQuery({ queryKey: [...honoursKey, kind], queryFn: () => honoursApi.honours({ kind }) });
}

/** One person's individual honours (their page). */
export function usePersonHonours(personId: string) {
  return useQuery({
    queryKey: [...honoursKey, 'person', personId],
    queryFn: () => honoursApi.honours({ kind: 'individual', personId }),
  });
}

export function useSanctions(personId?: string, enabled = true) {
  return useQuery({
    queryKey: [...sanctionsKey, personId ?? 'all'],
    queryFn: () => honoursApi.sanctions({ personId }),
    enabled,
  });
}
