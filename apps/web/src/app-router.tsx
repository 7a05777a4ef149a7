import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Permission } from '@qizhi/domain';
import { FullPageSpin } from './platform/full-page-spin.tsx';
import { RequirePermission } from './platform/permission-gate.tsx';
import { RequireSignIn } from './platform/require-sign-in.tsx';

// Every page is its own chunk, so the sign-in page loads only what it shows.
const LoginPage = lazy(() => import('./features/auth/login-page.tsx'));
const PasswordPage = lazy(() => import('./features/auth/password-page.tsx'));
const AppLayout = lazy(() => import('./platform/layout/app-layout.tsx'));
const HomePage = lazy(() => import('./features/home/home-page.tsx'));
const OrgPage = lazy(() => import('./features/org/org-page.tsx'));
const MembersPage = lazy(() => import('./features/members/members-page.tsx'));
const MemberDetailPage = lazy(() => import('./features/members/member-detail-page.tsx'));
const StatsPage = lazy(() => import('./features/stats/stats-page.tsx'));
const UsersPage = lazy(() => import('./features/users/users-page.tsx'));
const RolesPage = lazy(() => import('./features/roles/roles-page.tsx'));
const AuditPage = lazy(() => import('./features/audit/audit-page.tsx'));
const NotFoundPage = lazy(() => import('./platform/not-found-page.tsx'));
const MeetingsPage = lazy(() => import('./features/meetings/meetings-page.tsx'));
const MeetingDetailPage = lazy(() => import('./features/meetings/meeting-detail-page.tsx'));
const MeetingSignInPage = lazy(() => import('./features/meetings/sign-in-page.tsx'));
const MeetingCalendarPage = lazy(() => import('./features/meetings/calendar-page.tsx'));
const LedgerPage = lazy(() => import('./features/meetings/ledger-page.tsx'));
const DeliberationsPage = lazy(() => import('./features/meetings/deliberations-page.tsx'));
const CompliancePage = lazy(() => import('./features/compliance/compliance-page.tsx'));
const CentrePage = lazy(() => import('./features/centre/centre-page.tsx'));
const GoalsPage = lazy(() => import('./features/goals/goals-page.tsx'));
const CommitmentsPage = lazy(() => import('./features/commitments/commitments-page.tsx'));
const PublicCommitmentsPage = lazy(() => import('./features/commitments/public-commitments-page.tsx'));
const RulesPage = lazy(() => import('./features/rules-library/rules-page.tsx'));
const AssessmentsPage = lazy(() => import('./features/assessments/assessments-page.tsx'));
const HonoursPage = lazy(() => import('./features/honours/honours-page.tsx'));

function page(Page: LazyExoticComponent<ComponentType>, permission?: Permission | readonly Permission[]) {
  const element = (
    <Suspense fallback={<FullPageSpin />}>
      <Page />
    </Suspense>
  );
  return permission ? <RequirePermission permission={permission}>{element}</RequirePermission> : element;
}

export const router = createBrowserRouter([
  { path: '/login', element: page(LoginPage) },
  { path: '/public/commitments', element: page(PublicCommitmentsPage) },
  {
    element: <RequireSignIn />,
    children: [
      { path: '/password', element: page(PasswordPage) },
      // The phone sign-in page stands alone: opened from a QR code, it needs no menu.
      { path: 'meetings/:id/sign-in', element: page(MeetingSignInPage) },
      {
        element: page(AppLayout),
        children: [
          { index: true, element: page(HomePage) },
          { path: 'centre', element: page(CentrePage) },
          { path: 'goals', element: page(GoalsPage, 'goals.read') },
          { path: 'commitments', element: page(CommitmentsPage) },
          { path: 'rules', element: page(RulesPage) },
          { path: 'assessments', element: page(AssessmentsPage, 'assessments.read') },
          { path: 'honours', element: page(HonoursPage) },
          { path: 'org', element: page(OrgPage, 'org.read') },
          { path: 'members', element: page(MembersPage, 'people.read') },
          { path: 'members/stats', element: page(StatsPage, 'roster.stats') },
          { path: 'members/:id', element: page(MemberDetailPage, 'people.read') },
          { path: 'meetings', element: page(MeetingsPage, 'meetings.read') },
          { path: 'meetings/calendar', element: page(MeetingCalendarPage) },
          { path: 'meetings/ledger', element: page(LedgerPage, 'meetings.read') },
          { path: 'meetings/:id', element: page(MeetingDetailPage) },
          { path: 'compliance', element: page(CompliancePage, 'compliance.read') },
          { path: 'deliberations', element: page(DeliberationsPage, 'meetings.read') },
          { path: 'admin/users', element: page(UsersPage, 'users.read') },
          { path: 'admin/roles', element: page(RolesPage, 'users.read') },
          { path: 'admin/audit', element: page(AuditPage, 'audit.read') },
          { path: '*', element: page(NotFoundPage) },
        ],
      },
    ],
  },
]);
