import { useQuery } from '@tanstack/react-query';
import { assessmentsApi } from './assessments.api.ts';

export const assessmentsKey = ['assessments'] as const;

export function useAssessments(period: string) {
  return useQuery({ queryKey: [...assessmentsKey, period], queryFn: () => assessmentsApi.list(period) });
}

/** Answers POINTS_RANKING_DISABLED while the court has the rankings off: not worth retrying. */
export function useRankings(year: number) {
  return useQuery({ queryKey: ['rankings', year], queryFn: () => assessmentsApi.rankings(year), retry: false });
}
