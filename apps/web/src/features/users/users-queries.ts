import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import type { RolesResponse, UserPage } from '../../platform/schema-types.ts';

export const usersKey = ['users'] as const;

export function useUserPage(params: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...usersKey, params],
    queryFn: () => api.get<UserPage>('/api/users', params),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<RolesResponse>('/api/roles'),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
  });
}
