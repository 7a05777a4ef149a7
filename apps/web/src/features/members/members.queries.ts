import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { MembersQuery } from '@qizhi/domain';
import { departmentsKey, orgUnitsKey } from '../org/org.queries.ts';
import { membersApi } from './members.api.ts';

/** What the roster page asks for; every field is optional, the server fills in the defaults. */
export type MemberListParams = Partial<MembersQuery>;
export type MemberSortField = NonNullable<MembersQuery['sort']>;
/** The filters alone, as the export takes them. */
export type MemberFilters = Omit<MemberListParams, 'sort' | 'order' | 'page' | 'pageSize'>;

export const membersKey = ['members'] as const;

/** What a change to people refreshes: lists, details, statistics and the org tree's member counts. */
export const PEOPLE_CHANGED: QueryKey[] = [membersKey, orgUnitsKey, departmentsKey];

export function useMemberPage(params: MemberListParams) {
  return useQuery({
    queryKey: [...membersKey, 'list', params],
    queryFn: ({ signal }) => membersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** People by name for a picker (20 at most). */
export function usePersonSearch(q: string) {
  return useQuery({
    queryKey: [...membersKey, 'pick', q],
    queryFn: ({ signal }) => membersApi.list({ q: q || undefined, pageSize: 20 }, signal),
  });
}

export function useMember(id: string) {
  return useQuery({ queryKey: [...membersKey, 'detail', id], queryFn: () => membersApi.get(id) });
}

/** The signed-in person's own record; 404 when the account belongs to nobody on the roster. */
export function useMyProfile(enabled: boolean) {
  return useQuery({ queryKey: [...membersKey, 'me'], queryFn: membersApi.me, enabled });
}

export function useRosterStats(enabled = true) {
  return useQuery({ queryKey: [...membersKey, 'stats'], queryFn: membersApi.stats, enabled });
}
