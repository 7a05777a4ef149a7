import { Suspense, useState } from 'react';
import { MenuOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Layout } from 'antd';
import { Outlet } from 'react-router';
import { FullPageSpin } from '../full-page-spin.tsx';
import { useSession } from '../session.tsx';
import { useIsPhone } from '../use-is-phone.ts';
import { NavMenu } from './nav-menu.tsx';
import { UserMenu } from './user-menu.tsx';

const { Header, Sider, Content } = Layout;

/** The frame of every signed-in page: court-red header, the menu (a drawer on phones), the page. */
export default function AppLayout() {
  const { user } = useSession();
  const isPhone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <App>
      <Layout style={{ minHeight: '100vh' }}>
        <Header
          className="app-header"
          style={{ display: 'flex', alignItems: 'center', gap: 12, position: 'sticky', top: 0, zIndex: 10 }}
        >
          {isPhone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              style={{ color: '#fff' }}
              aria-label="打开菜单"
              onClick={() => {
                setDrawerOpen(true);
              }}
            />
          )}
          <div style={{ color: '#fff', fontSize: 20, fontWeight: 700, letterSpacing: 4, whiteSpace: 'nowrap' }}>
            旗帜
          </div>
          <div
            style={{
              color: 'rgba(255,255,255,0.85)',
              flex: 1,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
          >
            {isPhone ? user.tenantName : `${user.tenantName} · 党建工作平台`}
          </div>
          <UserMenu compact={isPhone} />
        </Header>
        <Layout>
          {!isPhone && (
            <Sider
              className="app-sider"
              width={208}
              collapsible
              collapsed={collapsed}
              onCollapse={setCollapsed}
              theme="light"
              style={{ borderInlineEnd: '1px solid #f0f0f0' }}
            >
              <NavMenu />
            </Sider>
          )}
          <Content className="app-content" style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </Content>
        </Layout>
        {isPhone && (
          <Drawer
            placement="left"
            open={drawerOpen}
            size={260}
            title="旗帜 · 导航"
            onClose={() => {
              setDrawerOpen(false);
            }}
            styles={{ body: { padding: 0 } }}
          >
            <NavMenu
              onNavigate={() => {
                setDrawerOpen(false);
              }}
            />
          </Drawer>
        )}
      </Layout>
    </App>
  );
}
