import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { RouterProvider } from 'react-router/dom';
import { router } from './app-router.tsx';
import { setSessionHooks } from './platform/api.ts';
import { queryClient } from './platform/query-client.ts';
import { forgetSession, meQueryKey } from './platform/session.tsx';
import { themeConfig } from './platform/theme.ts';
import './styles.css';

dayjs.locale('zh-cn');

setSessionHooks({
  // The page gate sees the session gone and sends the user to /login, remembering the page.
  onSignedOut: forgetSession,
  onPasswordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={themeConfig} button={{ autoInsertSpace: false }}>
      <QueryClientProvider client={queryClient}>
        {/* Every page, the sign-in page too, gets the themed message and modal (App.useApp). */}
        <App>
          <RouterProvider router={router} />
        </App>
      </QueryClientProvider>
    </ConfigProvider>
  </StrictMode>,
);
