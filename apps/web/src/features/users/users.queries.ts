import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usersApi, type UsersListParams } from './users.api.ts';

export const usersKey = ['users'] as const;
export const rolesKey = ['roles'] as const;
/** Under usersKey: making an account changes who has one. */
export const personChoicesKey = [...usersKey, 'person-choices'] as const;

export function useUserPage(params: UsersListParams) {
  return useQuery({
    queryKey: [...usersKey, params],
    queryFn: () => usersApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: rolesKey,
    queryFn: usersApi.roles,
    select: (data) => data.items,
    staleTime: 10 * 60_000,
  });
}

/** Everyone on the roster (a court has tens to hundreds), filtered in the page. */
export function usePersonChoices(enabled = true) {
  return useQuery({
    queryKey: personChoicesKey,
    queryFn: () => usersApi.personChoices({}),
    enabled,
  });
}
