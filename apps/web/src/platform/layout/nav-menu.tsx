import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../session.tsx';
import { NAV_GROUPS, TOP_LINKS, selectedPath, visibleLinks } from './nav-items.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** The navigation menu: only the pages this user may open, grouped as in the method. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { permissions } = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  const items: MenuItem[] = visibleLinks(TOP_LINKS, permissions).map((link) => ({
    key: link.path,
    icon: link.icon,
    label: link.label,
  }));
  for (const group of NAV_GROUPS) {
    const links = visibleLinks(group.links, permissions);
    if (links.length === 0) continue;
    items.push({
      key: group.key,
      icon: group.icon,
      label: group.label,
      children: links.map((link) => ({ key: link.path, icon: link.icon, label: link.label })),
    });
  }

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedPath(location.pathname)]}
      defaultOpenKeys={NAV_GROUPS.map((g) => g.key)}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
