import { useQuery } from '@tanstack/react-query';
import type { CommitmentsResponse, CommitmentStatus, MyCommitmentResponse } from '@qizhi/domain';
import { api } from '../../platform/api.ts';
import { queryClient } from '../../platform/query-client.ts';

export const commitmentsKey = ['commitments'] as const;

export function useCommitments(year: number, status?: CommitmentStatus) {
  return useQuery({
    queryKey: [...commitmentsKey, year, status ?? 'visible'],
    queryFn: () => api.get<CommitmentsResponse>('/api/commitments', { year, status }),
  });
}

export function useMyCommitment(year: number, enabled = true) {
  return useQuery({
    queryKey: [...commitmentsKey, 'mine', year],
    queryFn: () => api.get<MyCommitmentResponse>('/api/commitments/mine', { year }),
    enabled,
  });
}

export async function refreshCommitments(): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: commitmentsKey });
}
