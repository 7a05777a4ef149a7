import { useQuery } from '@tanstack/react-query';
import type { CommitmentStatus } from '@qizhi/domain';
import { commitmentsApi } from './commitments.api.ts';

// No antd here: the public notice board uses this file and loads no UI library.
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

/** What a write to a commitment changes: every list of commitments (the board, mine, the review tab). */
export const COMMITMENT_CHANGES = [commitmentKeys.all];
