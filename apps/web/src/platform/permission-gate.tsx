import type { ReactNode } from 'react';
import { Result } from 'antd';
import type { Permission } from '@qizhi/domain';
import { useCan } from './session.tsx';

/** A page (or part of one) shown only with `permission`; a page says so, a part just disappears. */
export function RequirePermission({
  permission,
  children,
  fallback = 'page',
}: {
  permission: Permission | readonly Permission[];
  children: ReactNode;
  fallback?: 'page' | 'none';
}) {
  const can = useCan();
  const needed: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (needed.some((p) => can(p))) return children;
  if (fallback === 'none') return null;
  return (
    <Result status="403" title="没有权限" subTitle="您的账号没有访问此页面的权限，如需使用请联系安全管理员授予角色。" />
  );
}
