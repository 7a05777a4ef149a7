import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from './platform/full-page-spin.tsx';
import { RequirePermission } from './platform/permission-gate.tsx';
import { RequireSignIn } from './platform/require-sign-in.tsx';
import { ROUTES, type AppRoute } from './routes.tsx';

const AppLayout = lazy(() => import('./platform/layout/app-layout.tsx'));

function element({ page: Page, permission }: Pick<AppRoute, 'page' | 'permission'>) {
  const shown = (
    <Suspense fallback={<FullPageSpin />}>
      <Page />
    </Suspense>
  );
  return permission ? <RequirePermission permission={permission}>{shown}</RequirePermission> : shown;
}

function routesIn(frame: AppRoute['frame']): RouteObject[] {
  return ROUTES.filter((route) => route.frame === frame).map((route) => ({
    path: route.path,
    element: element(route),
  }));
}

/** The router, built from the one table of pages in `routes.tsx`. */
export const router = createBrowserRouter([
  ...routesIn('public'),
  {
    element: <RequireSignIn />,
    children: [...routesIn('bare'), { element: element({ page: AppLayout }), children: routesIn(undefined) }],
  },
]);
