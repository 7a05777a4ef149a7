import { useQuery } from '@tanstack/react-query';
import type {
  Centre,
  DimensionsResponse,
  GoalDetail,
  GoalReportsResponse,
  GoalsResponse,
  GoalSummaryResponse,
  MyGoalsResponse,
} from '@qizhi/domain';
import { api } from '../../platform/api.ts';
import { queryClient } from '../../platform/query-client.ts';

export const goalsKey = ['goals'] as const;

/** The year shown by default: this year in the court's calendar (Asia/Shanghai). */
export function thisYear(): number {
  return Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
}

export function useGoals(year: number) {
  return useQuery({
    queryKey: [...goalsKey, 'year', year],
    queryFn: () => api.get<GoalsResponse>('/api/goals', { year }),
  });
}

export function useGoalDetail(id: string | null) {
  return useQuery({
    queryKey: [...goalsKey, 'detail', id],
    queryFn: () => api.get<GoalDetail>(`/api/goals/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useMyGoals(year: number) {
  return useQuery({
    queryKey: [...goalsKey, 'mine', year],
    queryFn: () => api.get<MyGoalsResponse>('/api/goals/mine', { year }),
  });
}

export function useDimensions(year: number, enabled = true) {
  return useQuery({
    queryKey: [...goalsKey, 'dimensions', year],
    queryFn: () => api.get<DimensionsResponse>('/api/goals/dimensions', { year }),
    enabled,
  });
}

export function useGoalSummary(year: number) {
  return useQuery({
    queryKey: [...goalsKey, 'summary', year],
    queryFn: () => api.get<GoalSummaryResponse>('/api/goals/summary', { year }),
  });
}

export function usePendingReports(enabled = true) {
  return useQuery({
    queryKey: [...goalsKey, 'reports', 'pending'],
    queryFn: () => api.get<GoalReportsResponse>('/api/goal-reports', { status: 'pending' }),
    enabled,
  });
}

export function useCentre(year: number) {
  return useQuery({
    queryKey: ['centre', year],
    queryFn: () => api.get<Centre>('/api/centre', { year }),
  });
}

/** After any change to goals or reports: trees, details, summaries and everyone's "my goals". */
export async function refreshGoals(): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: goalsKey });
}
