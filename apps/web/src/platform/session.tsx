import { createContext, use, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { MeResponse, Permission } from '@qizhi/domain';
import { authApi } from '../features/auth/auth.api.ts';
import { ApiError, setCsrfToken } from './api.ts';
import { queryClient } from './query-client.ts';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when nobody is signed in (401 is an answer here, not an error). */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await authApi.me();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/**
 * After sign-out or an expired session: nobody is signed in, and nothing the last user could read
 * stays in memory. The session query itself is kept (set to null) so every gate watching it reacts.
 */
export function forgetSession(): void {
  setCsrfToken(null);
  queryClient.setQueryData(meQueryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

const SessionContext = createContext<MeResponse | null>(null);

export function SessionProvider({ me, children }: { me: MeResponse; children: ReactNode }) {
  return <SessionContext value={me}>{children}</SessionContext>;
}

/** The session of a signed-in page; only pages under `RequireSignIn` may call it. */
export function useSession(): MeResponse {
  const me = use(SessionContext);
  if (!me) throw new Error('useSession must be used below RequireSignIn');
  return me;
}

export function useCan(): (permission: Permission) => boolean {
  const me = useSession();
  return (permission) => me.permissions.includes(permission);
}
