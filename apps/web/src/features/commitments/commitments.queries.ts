import { useQuery } from '@tanstack/react-query';
import type { CommitmentStatus } from '@qizhi/domain';
import { useSave, type SaveOptions } from '../../platform/use-save.ts';
import { commitmentsApi } from './commitments.api.ts';

const all = ['commitments'] as const;
export const commitmentKeys = {
  all,
  list: (year: number, status: CommitmentStatus | undefined) => [...all, year, status ?? 'visible'] as const,
  mine: (year: number) => [...all, 'mine', year] as const,
  public: (court: string | undefined, year: number) => [...all, 'public', court ?? null, year] as const,
};

export function useCommitments(year: number, status?: CommitmentStatus) {
  return useQuery({ queryKey: commitmentKeys.list(year, status), queryFn: () => commitmentsApi.list(year, status) });
}

export function useMyCommitment(year: number, enabled = true) {
  return useQuery({ queryKey: commitmentKeys.mine(year), queryFn: () => commitmentsApi.mine(year), enabled });
}

export function usePublicCommitments(court: string | undefined, year: number) {
  return useQuery({
    queryKey: commitmentKeys.public(court, year),
    queryFn: () => commitmentsApi.public(court, year),
    retry: false,
  });
}

/** A write to a commitment: every list of commitments (the board, mine, the review tab) is refreshed. */
export function useCommitmentSave<TVariables = void, TResult = unknown>(
  options: Omit<SaveOptions<TVariables, TResult>, 'invalidates'>,
) {
  return useSave<TVariables, TResult>({ ...options, invalidates: [commitmentKeys.all] });
}
