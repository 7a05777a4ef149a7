import type { ThemeConfig } from 'antd';

/** Court red, the colour of the party flag on the banner. */
export const COURT_RED = '#b5121b';

export const themeConfig: ThemeConfig = {
  token: {
    colorPrimary: COURT_RED,
    colorLink: COURT_RED,
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: COURT_RED, headerPadding: '0 16px', siderBg: '#fff' },
    // The navigation menu sits in a sider that draws its own edge.
    Menu: { activeBarBorderWidth: 0 },
  },
};

/** The court-red header: its text buttons (the menu and the user's menu) are white in every state. */
export const headerTheme: ThemeConfig = {
  components: {
    Button: { textTextColor: '#fff', textTextHoverColor: '#fff', textTextActiveColor: '#fff' },
  },
};
