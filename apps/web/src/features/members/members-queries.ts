import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberDetail, MemberPage, MembersQuery, RosterStats } from '@qizhi/domain';
import { api } from '../../platform/api.ts';
import { queryClient } from '../../platform/query-client.ts';

/** What the roster page asks for; every field is optional, the server fills in the defaults. */
export type MemberListParams = Partial<MembersQuery>;
export type MemberSortField = NonNullable<MembersQuery['sort']>;
/** The filters alone, as the export takes them. */
export type MemberFilters = Omit<MemberListParams, 'sort' | 'order' | 'page' | 'pageSize'>;

export const membersKey = ['members'] as const;

export function useMemberPage(params: MemberListParams) {
  return useQuery({
    queryKey: [...membersKey, 'list', params],
    queryFn: ({ signal }) => api.get<MemberPage>('/api/members', params, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string) {
  return useQuery({
    queryKey: [...membersKey, 'detail', id],
    queryFn: () => api.get<MemberDetail>(`/api/members/${encodeURIComponent(id)}`),
  });
}

/** The signed-in person's own record; 404 when the account belongs to nobody on the roster. */
export function useMyProfile(enabled: boolean) {
  return useQuery({
    queryKey: [...membersKey, 'me'],
    queryFn: () => api.get<MemberDetail>('/api/members/me'),
    enabled,
  });
}

export function useRosterStats(enabled = true) {
  return useQuery({
    queryKey: [...membersKey, 'stats'],
    queryFn: () => api.get<RosterStats>('/api/members/stats'),
    enabled,
  });
}

/** After any change to people: lists, details, statistics and the org tree's member counts. */
export async function refreshPeople(): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: membersKey }),
    queryClient.invalidateQueries({ queryKey: ['org-units'] }),
    queryClient.invalidateQueries({ queryKey: ['departments'] }),
  ]);
}
