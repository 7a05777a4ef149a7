/**
 * Every page of the app, declared once: its URL, its lazily loaded page, the permission that opens it
 * and, when it has one, its link in the menu. The router (`app-router.tsx`), the menu and the home
 * page's shortcuts are all built from this table, so a page added here is routed, gated and linked.
 * Menu links appear in the order of this table, in the group of the method they belong to.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  AccountBookOutlined,
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  FieldTimeOutlined,
  FireOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  MessageOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  PartitionOutlined,
  RadarChartOutlined,
  PictureOutlined,
  ReadOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TableOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@qizhi/domain';

/**
 * The method's groups of the menu, in order. The others (四个结合、驾驶舱) join this list as their
 * pages start working; only what works is in the menu.
 */
export const MENU_GROUPS = [
  { key: 'centre', label: '一个中心', icon: <AimOutlined /> },
  { key: 'mechanisms', label: '两项机制', icon: <PartitionOutlined /> },
  { key: 'platforms', label: '三个平台', icon: <ClusterOutlined /> },
  { key: 'combinations', label: '四个结合', icon: <SolutionOutlined /> },
  { key: 'org-people', label: '组织与党员', icon: <TeamOutlined /> },
  { key: 'system', label: '系统管理', icon: <SettingOutlined /> },
] as const;

export type MenuGroupKey = (typeof MENU_GROUPS)[number]['key'];

export interface AppRoute {
  /** The absolute URL pattern ('/members/:id'). */
  path: string;
  /** Every page is its own chunk, so the sign-in page loads only what it shows. */
  page: LazyExoticComponent<ComponentType>;
  /** The page opens for holders of any of these; none means every signed-in user. */
  permission?: Permission | readonly Permission[];
  /**
   * Where the page stands: inside the menu frame (default); `bare`: signed in but without the frame
   * (the phone sign-in page opened from a QR code); `public`: no sign-in at all.
   */
  frame?: 'bare' | 'public';
  /** Its link in the menu; no `group` puts it at the top level. Pages reached from others have none. */
  menu?: { label: string; icon: ReactNode; group?: MenuGroupKey };
}

export const ROUTES: readonly AppRoute[] = [
  // Outside the frame.
  { path: '/login', frame: 'public', page: lazy(() => import('./features/auth/login-page.tsx')) },
  {
    path: '/public/commitments',
    frame: 'public',
    page: lazy(() => import('./features/commitments/public-commitments-page.tsx')),
  },
  { path: '/password', frame: 'bare', page: lazy(() => import('./features/auth/password-page.tsx')) },
  // 账号安全 (双因素登录), from the user menu.
  { path: '/account/security', page: lazy(() => import('./features/auth/two-factor-page.tsx')) },
  {
    path: '/meetings/:id/sign-in',
    frame: 'bare',
    page: lazy(() => import('./features/meetings/sign-in-page.tsx')),
  },
  {
    path: '/evaluations/ballot/:id',
    frame: 'bare',
    page: lazy(() => import('./features/evaluations/ballot-page.tsx')),
  },
  {
    path: '/study/sessions/:id/sign-in',
    frame: 'bare',
    page: lazy(() => import('./features/study/study-sign-in-page.tsx')),
  },

  // 首页
  {
    path: '/',
    page: lazy(() => import('./features/home/home-page.tsx')),
    menu: { label: '首页', icon: <HomeOutlined /> },
  },
  {
    path: '/mine',
    page: lazy(() => import('./features/mine/mine-page.tsx')),
    menu: { label: '我的', icon: <IdcardOutlined /> },
  },

  // 一个中心
  {
    path: '/centre',
    page: lazy(() => import('./features/centre/centre-page.tsx')),
    menu: { group: 'centre', label: '中心目标与六型法院', icon: <AimOutlined /> },
  },

  // 两项机制
  {
    path: '/goals',
    permission: 'goals.read',
    page: lazy(() => import('./features/goals/goals-page.tsx')),
    menu: { group: 'mechanisms', label: '目标四级分解', icon: <ApartmentOutlined /> },
  },
  {
    path: '/commitments',
    page: lazy(() => import('./features/commitments/commitments-page.tsx')),
    menu: { group: 'mechanisms', label: '公开承诺', icon: <NotificationOutlined /> },
  },
  {
    path: '/rules',
    page: lazy(() => import('./features/rules-library/rules-page.tsx')),
    menu: { group: 'mechanisms', label: '制度库', icon: <ReadOutlined /> },
  },
  {
    path: '/assessments',
    permission: 'assessments.read',
    page: lazy(() => import('./features/assessments/assessments-page.tsx')),
    menu: { group: 'mechanisms', label: '定期考核', icon: <ScheduleOutlined /> },
  },
  {
    path: '/evaluations',
    permission: 'evaluations.read',
    page: lazy(() => import('./features/evaluations/evaluations-page.tsx')),
    menu: { group: 'platforms', label: '民主评议与述职述廉', icon: <AuditOutlined /> },
  },
  { path: '/evaluations/rounds/:id', page: lazy(() => import('./features/evaluations/round-detail-page.tsx')) },
  {
    path: '/honours',
    page: lazy(() => import('./features/honours/honours-page.tsx')),
    menu: { group: 'mechanisms', label: '荣誉与奖惩', icon: <TrophyOutlined /> },
  },

  // 三个平台
  {
    path: '/meetings',
    permission: 'meetings.read',
    page: lazy(() => import('./features/meetings/meetings-page.tsx')),
    menu: { group: 'platforms', label: '三会一课', icon: <FlagOutlined /> },
  },
  {
    path: '/study',
    page: lazy(() => import('./features/study/study-page.tsx')),
    menu: { group: 'platforms', label: '学习平台', icon: <BookOutlined /> },
  },
  { path: '/study/sessions/:id', page: lazy(() => import('./features/study/session-detail-page.tsx')) },
  { path: '/study/hours/:personId', page: lazy(() => import('./features/study/person-ledger-page.tsx')) },
  {
    path: '/campaigns',
    page: lazy(() => import('./features/campaigns/campaigns-page.tsx')),
    menu: { group: 'platforms', label: '主题教育实践活动', icon: <FireOutlined /> },
  },
  {
    path: '/campaigns/dimensions',
    permission: 'campaigns.read',
    page: lazy(() => import('./features/campaigns/dimensions-page.tsx')),
    menu: { group: 'centre', label: '六型法院年度分维度', icon: <RadarChartOutlined /> },
  },
  { path: '/campaigns/tasks/:id', page: lazy(() => import('./features/campaigns/task-page.tsx')) },
  { path: '/campaigns/:id', page: lazy(() => import('./features/campaigns/campaign-detail-page.tsx')) },
  {
    path: '/culture-wall',
    permission: 'culture.manage',
    page: lazy(() => import('./features/culture-wall/culture-wall-page.tsx')),
    menu: { group: 'platforms', label: '文化墙与廉政长廊', icon: <PictureOutlined /> },
  },
  {
    path: '/compliance',
    permission: 'compliance.read',
    page: lazy(() => import('./features/compliance/compliance-page.tsx')),
    menu: { group: 'platforms', label: '组织生活落实', icon: <CheckSquareOutlined /> },
  },
  {
    path: '/meetings/calendar',
    page: lazy(() => import('./features/meetings/calendar-page.tsx')),
    menu: { group: 'platforms', label: '会议日历', icon: <CalendarOutlined /> },
  },
  {
    path: '/meetings/ledger',
    permission: 'meetings.read',
    page: lazy(() => import('./features/meetings/ledger-page.tsx')),
    menu: { group: 'platforms', label: '会议台账', icon: <BookOutlined /> },
  },
  {
    path: '/deliberations',
    permission: 'meetings.read',
    page: lazy(() => import('./features/meetings/deliberations-page.tsx')),
    menu: { group: 'platforms', label: '四议两公开', icon: <NodeIndexOutlined /> },
  },
  { path: '/meetings/:id', page: lazy(() => import('./features/meetings/meeting-detail-page.tsx')) },

  // 组织与党员
  {
    path: '/org',
    permission: 'org.read',
    page: lazy(() => import('./features/org/org-page.tsx')),
    menu: { group: 'org-people', label: '组织机构', icon: <ApartmentOutlined /> },
  },
  {
    path: '/members',
    permission: 'people.read',
    page: lazy(() => import('./features/members/members-page.tsx')),
    menu: { group: 'org-people', label: '花名册', icon: <UnorderedListOutlined /> },
  },
  {
    path: '/members/stats',
    permission: 'roster.stats',
    page: lazy(() => import('./features/stats/stats-page.tsx')),
    menu: { group: 'org-people', label: '花名册统计', icon: <BarChartOutlined /> },
  },
  {
    path: '/party-stats/annual',
    permission: 'stats.annual',
    page: lazy(() => import('./features/party-stats/annual-stats-page.tsx')),
    menu: { group: 'org-people', label: '党内统计年报', icon: <TableOutlined /> },
  },
  {
    path: '/members/:id',
    permission: 'people.read',
    page: lazy(() => import('./features/members/member-detail-page.tsx')),
  },
  {
    path: '/dues',
    permission: 'dues.read',
    page: lazy(() => import('./features/dues/dues-page.tsx')),
    menu: { group: 'org-people', label: '党费收缴', icon: <AccountBookOutlined /> },
  },
  {
    path: '/development',
    permission: 'development.read',
    page: lazy(() => import('./features/development/development-board-page.tsx')),
    menu: { group: 'org-people', label: '发展党员', icon: <RiseOutlined /> },
  },
  {
    path: '/development/:personId',
    page: lazy(() => import('./features/development/development-person-page.tsx')),
  },
  {
    path: '/transfers',
    permission: 'transfers.read',
    page: lazy(() => import('./features/transfers/transfers-page.tsx')),
    menu: { group: 'org-people', label: '组织关系转接', icon: <SwapOutlined /> },
  },
  {
    path: '/transfers/:id/letter',
    permission: 'transfers.read',
    page: lazy(() => import('./features/transfers/transfer-letter-page.tsx')),
  },

  // 系统管理
  {
    path: '/admin/users',
    permission: 'users.read',
    page: lazy(() => import('./features/users/users-page.tsx')),
    menu: { group: 'system', label: '用户管理', icon: <UserOutlined /> },
  },
  {
    path: '/admin/roles',
    permission: 'users.read',
    page: lazy(() => import('./features/roles/roles-page.tsx')),
    menu: { group: 'system', label: '角色权限', icon: <SafetyCertificateOutlined /> },
  },
  {
    path: '/admin/audit',
    permission: 'audit.read',
    page: lazy(() => import('./features/audit/audit-page.tsx')),
    menu: { group: 'system', label: '审计日志', icon: <AuditOutlined /> },
  },
  {
    path: '/admin/notifications',
    permission: 'notifications.manage',
    page: lazy(() => import('./features/notifications/notifications-page.tsx')),
    menu: { group: 'system', label: '消息推送', icon: <MessageOutlined /> },
  },
  {
    path: '/admin/retention',
    permission: 'retention.manage',
    page: lazy(() => import('./features/retention/retention-page.tsx')),
    menu: { group: 'system', label: '保存期限', icon: <FieldTimeOutlined /> },
  },

  // 四个结合
  {
    path: '/inquiries',
    page: lazy(() => import('./features/reception/inquiries-page.tsx')),
    menu: { group: 'combinations', label: '首问负责', icon: <CustomerServiceOutlined /> },
  },
  {
    path: '/reception',
    permission: 'reception.read',
    page: lazy(() => import('./features/reception/reception-page.tsx')),
    menu: { group: 'combinations', label: '领导接访与服务承诺', icon: <CalendarOutlined /> },
  },
  {
    path: '/openness',
    permission: ['openness.manage', 'openness.approve'],
    page: lazy(() => import('./features/openness/openness-page.tsx')),
    menu: { group: 'combinations', label: '党务院务公开', icon: <NotificationOutlined /> },
  },

  { path: '*', page: lazy(() => import('./platform/not-found-page.tsx')) },
];
