import { useQuery } from '@tanstack/react-query';
import { developmentApi } from './development.api.ts';

export const developmentKey = ['development'] as const;

export function useDevelopmentBoard(orgUnitId: string | undefined) {
  return useQuery({
    queryKey: [...developmentKey, 'board', orgUnitId],
    queryFn: () => developmentApi.board(orgUnitId!),
    enabled: !!orgUnitId,
  });
}

export function useDevelopmentRecord(personId: string) {
  return useQuery({
    queryKey: [...developmentKey, 'person', personId],
    queryFn: () => developmentApi.person(personId),
  });
}
