import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { authApi } from '../../features/auth/auth.api.ts';
import { errorMessage } from '../api.ts';
import { forgetSession, useSession } from '../session.tsx';

export function UserMenu({ compact }: { compact: boolean }) {
  const { user } = useSession();
  const navigate = useNavigate();

  async function signOut() {
    try {
      await authApi.logout();
    } catch (error) {
      // The session may already be gone on the server; signing out here must still work.
      console.warn(errorMessage(error));
    }
    await navigate('/login', { replace: true });
    forgetSession();
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: `${user.displayName}（${user.username}）`, disabled: true },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
          { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') void navigate('/password');
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
