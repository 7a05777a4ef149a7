import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { errorMessage } from './api.ts';

/** How a page says that loading failed: the server's own Chinese message. */
export function QueryErrorAlert({
  error,
  className,
  style,
}: {
  error: unknown;
  className?: string;
  style?: CSSProperties;
}) {
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={errorMessage(error)}
      className={className}
      style={style}
    />
  );
}
