import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryErrorAlert } from './query-error-alert.tsx';
import { SessionProvider, useMe } from './session.tsx';
import { FullPageSpin } from './full-page-spin.tsx';
import ui from './ui.module.css';

export const PASSWORD_PATH = '/password';

/** Gate of every signed-in page: no session → /login; an initial or reset password → change it first. */
export function RequireSignIn() {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <QueryErrorAlert error={me.error} className={ui.standalone} />;
  const here = location.pathname + location.search;
  // The page asked for comes back after sign-in (and after changing an initial password).
  const andBack = (path: string) => (here === '/' ? path : `${path}?next=${encodeURIComponent(here)}`);
  if (!me.data) return <Navigate to={andBack('/login')} replace />;
  if (me.data.user.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={andBack(PASSWORD_PATH)} replace />;
  }
  return (
    <SessionProvider me={me.data}>
      <Outlet />
    </SessionProvider>
  );
}
