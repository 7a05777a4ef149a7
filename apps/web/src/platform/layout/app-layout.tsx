import { Suspense, useState } from 'react';
import { MenuOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Drawer, Layout } from 'antd';
import { Outlet } from 'react-router';
import { FullPageSpin } from '../full-page-spin.tsx';
import { useSession } from '../session.tsx';
import { headerTheme } from '../theme.ts';
import { useIsPhone } from '../use-is-phone.ts';
import { NavMenu } from './nav-menu.tsx';
import { UserMenu } from './user-menu.tsx';
import styles from './layout.module.css';

const { Header, Sider, Content } = Layout;

/** The frame of every signed-in page: court-red header, the menu (a drawer on phones), the page. */
export default function AppLayout() {
  const { user } = useSession();
  const isPhone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout className={styles.frame}>
      <Header className={`app-header ${styles.header}`}>
        <ConfigProvider theme={headerTheme}>
          {isPhone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="打开菜单"
              onClick={() => {
                setDrawerOpen(true);
              }}
            />
          )}
          <div className={styles.brand}>旗帜</div>
          <div className={styles.court}>{isPhone ? user.tenantName : `${user.tenantName} · 党建工作平台`}</div>
          <UserMenu compact={isPhone} />
        </ConfigProvider>
      </Header>
      <Layout>
        {!isPhone && (
          <Sider
            className={`app-sider ${styles.sider}`}
            width={224}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            theme="light"
          >
            <NavMenu />
          </Sider>
        )}
        <Content className={`app-content ${styles.content} ${isPhone ? styles.contentPhone : ''}`}>
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
          classNames={{ body: styles.drawerBody }}
        >
          <NavMenu
            onNavigate={() => {
              setDrawerOpen(false);
            }}
          />
        </Drawer>
      )}
    </Layout>
  );
}
