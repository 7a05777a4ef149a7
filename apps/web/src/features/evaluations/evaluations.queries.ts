import { useQuery } from '@tanstack/react-query';
import { useSave, type SaveOptions } from '../../platform/use-save.ts';
import { evaluationsApi } from './evaluations.api.ts';

const all = ['evaluations'] as const;
export const evaluationKeys = {
  all,
  rounds: (year?: number) => [...all, 'rounds', year ?? 'all'] as const,
  round: (id: string) => [...all, 'round', id] as const,
  progress: (id: string) => [...all, 'progress', id] as const,
  tally: (id: string) => [...all, 'tally', id] as const,
  ballotForm: (id: string) => [...all, 'ballot-form', id] as const,
  mine: [...all, 'mine'] as const,
  myAssessments: ['me', 'assessments'] as const,
  dutyReports: (year: number) => [...all, 'duty-reports', year] as const,
  myDutyReport: (year: number) => [...all, 'duty-reports', 'mine', year] as const,
};

export function useRounds(year?: number) {
  return useQuery({ queryKey: evaluationKeys.rounds(year), queryFn: () => evaluationsApi.rounds(year) });
}
export function useRound(id: string) {
  return useQuery({ queryKey: evaluationKeys.round(id), queryFn: () => evaluationsApi.round(id) });
}
/** How many of the pool have voted (never who), refreshed while the round is open. */
export function useProgress(id: string, live: boolean) {
  return useQuery({
    queryKey: evaluationKeys.progress(id),
    queryFn: () => evaluationsApi.progress(id),
    refetchInterval: live ? 15_000 : false,
  });
}
export function useTally(id: string, enabled: boolean) {
  return useQuery({
    queryKey: evaluationKeys.tally(id),
    queryFn: () => evaluationsApi.tally(id),
    enabled,
    retry: false,
  });
}
export function useBallotForm(id: string) {
  return useQuery({
    queryKey: evaluationKeys.ballotForm(id),
    queryFn: () => evaluationsApi.ballotForm(id),
    retry: false,
  });
}
export function useMyEvaluations() {
  return useQuery({ queryKey: evaluationKeys.mine, queryFn: evaluationsApi.mine });
}
export function useMyAssessments() {
  return useQuery({ queryKey: evaluationKeys.myAssessments, queryFn: evaluationsApi.myAssessments });
}
export function useDutyReports(year: number, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.dutyReports(year),
    queryFn: () => evaluationsApi.dutyReports(year),
    enabled,
  });
}
export function useMyDutyReport(year: number) {
  return useQuery({ queryKey: evaluationKeys.myDutyReport(year), queryFn: () => evaluationsApi.myDutyReport(year) });
}

/** Every evaluation write refreshes everything evaluation shows. */
export function useEvaluationSave<TVariables = void, TResult = unknown>(
  options: Omit<SaveOptions<TVariables, TResult>, 'invalidates'>,
) {
  return useSave<TVariables, TResult>({ ...options, invalidates: [evaluationKeys.all] });
}
