import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { useSignOut } from '../../features/auth/use-sign-out.ts';
import { useSession } from '../session.tsx';

export function UserMenu({ compact }: { compact: boolean }) {
  const { user } = useSession();
  const navigate = useNavigate();

  const signOut = useSignOut();

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: `${user.displayName}（${user.username}）`, disabled: true },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
          { key: 'security', icon: <SafetyOutlined />, label: '双因素登录' },
          { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') void navigate('/password');
          if (key === 'security') void navigate('/account/security');
          if (key === 'logout') void signOut();
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} aria-label="用户菜单">
        {compact ? null : (
          <>
            {user.displayName} <DownOutlined />
          </>
        )}
      </Button>
    </Dropdown>
  );
}
