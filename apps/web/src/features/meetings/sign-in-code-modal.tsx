import { useEffect, useState } from 'react';
import { Alert, Flex, Modal, Progress, QRCode, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatCourtDateTime, isLoopbackUrl, SIGN_IN_STEP_SECONDS, type SignInCode } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import styles from './meetings.module.css';
import { useSignInCode } from './meetings.queries.ts';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** When to ask for the next code: just after the current one's window ends. */
export function nextCodeRefresh(data: SignInCode | undefined): number {
  const ends = data ? Date.parse(data.windowEndsAt) : 0;
  return Math.max(1_000, Math.min(30_000, ends - Date.now() + 300));
}

/** The host shows this on the meeting room screen: a QR code and the code, changing every 30 s. */
export function SignInCodeModal({
  meetingId,
  open,
  onClose,
}: {
  meetingId: string;
  open: boolean;
  onClose: () => void;
}) {
  const code = useSignInCode(meetingId, open);
  return <SignInCodeDialog code={code} open={open} onClose={onClose} />;
}

/** The dialog itself, for anything people sign in to with a rotating code (a meeting, a study session). */
export function SignInCodeDialog({
  code,
  open,
  onClose,
}: {
  code: UseQueryResult<SignInCode>;
  open: boolean;
  onClose: () => void;
}) {
  const now = useNow(500);
  const left = code.data ? Math.max(0, Math.ceil((Date.parse(code.data.windowEndsAt) - now) / 1000)) : 0;
  return (
    <Modal open={open} onCancel={onClose} footer={null} title="扫码签到" width={420} destroyOnHidden>
      {code.isError && <QueryErrorAlert error={code.error} />}
      {code.data && (
        <Flex vertical align="center" gap="small">
          {code.data.state !== 'open' && (
            <Alert
              type="warning"
              showIcon
              title={
                code.data.state === 'notYet'
                  ? `签到将于 ${formatCourtDateTime(code.data.opensAt)} 开放`
                  : `签到已于 ${formatCourtDateTime(code.data.closesAt)} 截止`
              }
            />
          )}
          {isLoopbackUrl(code.data.url) && (
            <Alert
              type="error"
              showIcon
              title="手机无法打开此二维码中的地址"
              description="二维码中的地址指向本机（127.0.0.1 / localhost），手机扫码后打不开。请由管理员设置 QIZHI_PUBLIC_URL 为本机的局域网地址（如 http://192.168.1.20:3000）后重启服务，或用局域网地址打开本页。"
            />
          )}
          {/* SVG: crisp on a projector at any size, and printable. */}
          <QRCode value={code.data.url} size={260} type="svg" bgColor="#fff" role="img" aria-label="签到二维码" />
          <div data-testid="sign-in-code" className={styles.code}>
            {code.data.code}
          </div>
          <Progress
            percent={(left / SIGN_IN_STEP_SECONDS) * 100}
            showInfo={false}
            size="small"
            className={styles.countdown}
          />
          <Typography.Text type="secondary">{left} 秒后更换 · 用手机扫码或在签到页输入6位签到码</Typography.Text>
          <Typography.Text type="secondary" copyable={{ text: code.data.url }} className={styles.breakAll}>
            {code.data.url}
          </Typography.Text>
        </Flex>
      )}
    </Modal>
  );
}
