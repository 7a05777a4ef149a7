import { Alert } from 'antd';
import { errorMessage } from './api.ts';

/** How a page says that loading failed: the server's own Chinese message. */
export function QueryErrorAlert({ error, className }: { error: unknown; className?: string }) {
  return <Alert type="error" showIcon title="加载失败" description={errorMessage(error)} className={className} />;
}
