import type { ReactNode } from 'react';
import type { Permission } from '@qizhi/domain';
import { MENU_GROUPS, ROUTES, type AppRoute } from '../../routes.tsx';

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

/** The menu is derived from the route table: a page's link shows exactly when its page would open. */
function linkOf(route: AppRoute): NavLink | null {
  if (!route.menu) return null;
  const { permission } = route;
  const permissions = permission === undefined ? undefined : typeof permission === 'string' ? [permission] : permission;
  return { path: route.path, label: route.menu.label, icon: route.menu.icon, permissions };
}

function linksOf(group: string | undefined): NavLink[] {
  return ROUTES.filter((route) => route.menu && route.menu.group === group).flatMap((route) => linkOf(route) ?? []);
}

/** The top-level links above the groups (首页). */
export const TOP_LINKS: readonly NavLink[] = linksOf(undefined);

export const NAV_GROUPS: readonly NavGroup[] = MENU_GROUPS.map((group) => ({ ...group, links: linksOf(group.key) }));

export function visibleLinks(links: readonly NavLink[], permissions: readonly Permission[]): NavLink[] {
  return links.filter((link) => !link.permissions || link.permissions.some((p) => permissions.includes(p)));
}

/** The menu key of a location: the longest link path that prefixes it (/members/123 → /members). */
export function selectedPath(pathname: string): string {
  const paths = [...TOP_LINKS, ...NAV_GROUPS.flatMap((g) => g.links)].map((l) => l.path);
  const matches = paths.filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? '';
}
