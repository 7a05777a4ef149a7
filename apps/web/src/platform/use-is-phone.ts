import { Grid } from 'antd';

/** Below antd's `md` breakpoint (768px): the menu becomes a drawer and pages use one column. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
