import { useNavigate } from 'react-router';
import { errorMessage } from '../../platform/api.ts';
import { forgetSession } from '../../platform/session.tsx';
import { authApi } from './auth.api.ts';

/** Sign out: end the server's session, go to /login, and forget everything the user could read. */
export function useSignOut(): () => Promise<void> {
  const navigate = useNavigate();
  return async () => {
    try {
      await authApi.logout();
    } catch (error) {
      // The session may already be gone on the server; signing out here must still work.
      console.warn(errorMessage(error));
    }
    await navigate('/login', { replace: true });
    forgetSession();
  };
}
