import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  FlagOutlined,
  NodeIndexOutlined,
  AuditOutlined,
  BarChartOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  AimOutlined,
  NotificationOutlined,
  PartitionOutlined,
  ReadOutlined,
  ScheduleOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { Permission } from '@qizhi/domain';

export interface NavLink {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown when the user holds any of these; none means every signed-in user. */
  permissions?: readonly Permission[];
}

export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
  links: readonly NavLink[];
}

export const HOME_LINK: NavLink = { path: '/', label: '首页', icon: <HomeOutlined /> };

/**
 * The method's other groups (一个中心、两项机制、三个平台、四个结合、驾驶舱) join this list as
 * their pages start working; only what works is in the menu.
 */
export const NAV_GROUPS: readonly NavGroup[] = [
  {
    key: 'centre',
    label: '一个中心',
    icon: <AimOutlined />,
    links: [{ path: '/centre', label: '中心目标与六型法院', icon: <AimOutlined /> }],
  },
  {
    key: 'mechanisms',
    label: '两项机制',
    icon: <PartitionOutlined />,
    links: [
      { path: '/goals', label: '目标四级分解', icon: <ApartmentOutlined />, permissions: ['goals.read'] },
      { path: '/commitments', label: '公开承诺', icon: <NotificationOutlined /> },
      { path: '/rules', label: '制度库', icon: <ReadOutlined /> },
      { path: '/assessments', label: '定期考核', icon: <ScheduleOutlined />, permissions: ['assessments.read'] },
      { path: '/honours', label: '荣誉与奖惩', icon: <TrophyOutlined /> },
    ],
  },
  {
    key: 'platforms',
    label: '三个平台',
    icon: <ClusterOutlined />,
    links: [
      { path: '/meetings', label: '三会一课', icon: <FlagOutlined />, permissions: ['meetings.read'] },
      { path: '/compliance', label: '组织生活落实', icon: <CheckSquareOutlined />, permissions: ['compliance.read'] },
      { path: '/meetings/calendar', label: '会议日历', icon: <CalendarOutlined /> },
      { path: '/meetings/ledger', label: '会议台账', icon: <BookOutlined />, permissions: ['meetings.read'] },
      { path: '/deliberations', label: '四议两公开', icon: <NodeIndexOutlined />, permissions: ['meetings.read'] },
    ],
  },
  {
    key: 'org-people',
    label: '组织与党员',
    icon: <TeamOutlined />,
    links: [
      { path: '/org', label: '组织机构', icon: <ApartmentOutlined />, permissions: ['org.read'] },
      { path: '/members', label: '花名册', icon: <UnorderedListOutlined />, permissions: ['people.read'] },
      { path: '/members/stats', label: '花名册统计', icon: <BarChartOutlined />, permissions: ['roster.stats'] },
    ],
  },
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined />,
    links: [
      { path: '/admin/users', label: '用户管理', icon: <UserOutlined />, permissions: ['users.read'] },
      { path: '/admin/roles', label: '角色权限', icon: <SafetyCertificateOutlined />, permissions: ['users.read'] },
      { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, permissions: ['audit.read'] },
    ],
  },
];

export function visibleLinks(links: readonly NavLink[], permissions: readonly Permission[]): NavLink[] {
  return links.filter((link) => !link.permissions || link.permissions.some((p) => permissions.includes(p)));
}

/** The menu key of a location: the longest link path that prefixes it (/members/123 → /members). */
export function selectedPath(pathname: string): string {
  const paths = [HOME_LINK, ...NAV_GROUPS.flatMap((g) => g.links)].map((l) => l.path);
  const matches = paths.filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? '';
}
