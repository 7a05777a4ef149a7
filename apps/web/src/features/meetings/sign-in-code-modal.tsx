import { useEffect, useState } from 'react';
import { Alert, Modal, Progress, Space, Typography } from 'antd';
import { SIGN_IN_STEP_SECONDS } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { formatShanghai } from './meeting-labels.tsx';
import { useSignInCode } from './meetings-queries.ts';
import { QrSvg } from './qr-svg.tsx';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
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
  const now = useNow(500);
  const left = code.data ? Math.max(0, Math.ceil((Date.parse(code.data.windowEndsAt) - now) / 1000)) : 0;
  return (
    <Modal open={open} onCancel={onClose} footer={null} title="扫码签到" width={420} destroyOnHidden>
      {code.isError && <QueryErrorAlert error={code.error} />}
      {code.data && (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          {code.data.state !== 'open' && (
            <Alert
              type="warning"
              showIcon
              title={
                code.data.state === 'notYet'
                  ? `签到将于 ${formatShanghai(code.data.opensAt)} 开放`
                  : `签到已于 ${formatShanghai(code.data.closesAt)} 截止`
              }
            />
          )}
          <QrSvg text={code.data.url} size={260} />
          <div
            data-testid="sign-in-code"
            style={{ fontSize: 44, fontWeight: 700, letterSpacing: 8, fontFamily: 'monospace' }}
          >
            {code.data.code}
          </div>
          <Progress
            percent={(left / SIGN_IN_STEP_SECONDS) * 100}
            showInfo={false}
            size="small"
            style={{ width: 240 }}
          />
          <Typography.Text type="secondary">{left} 秒后更换 · 用手机扫码或在签到页输入6位签到码</Typography.Text>
          <Typography.Text
            type="secondary"
            copyable={{ text: code.data.url }}
            style={{ fontSize: 12, wordBreak: 'break-all' }}
          >
            {code.data.url}
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
