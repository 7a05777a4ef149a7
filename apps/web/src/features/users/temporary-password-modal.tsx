import { Alert, Modal, Typography } from 'antd';
import type { TemporaryPasswordResponse } from '../../platform/schema-types.ts';
import styles from './users.module.css';

/** The initial or reset password, shown exactly once. */
export function TemporaryPasswordModal({
  result,
  onClose,
}: {
  result: TemporaryPasswordResponse | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={result !== null}
      title="临时密码"
      onOk={onClose}
      onCancel={onClose}
      okText="我已记下"
      footer={(_, { OkBtn }) => <OkBtn />}
      mask={{ closable: false }}
    >
      {result && (
        <>
          <p>
            账号 <strong>{result.user.username}</strong>（{result.user.displayName}）的临时密码：
          </p>
          <Typography.Paragraph
            className={`temporary-password ${styles.password}`}
            copyable={{ text: result.temporaryPassword }}
          >
            {result.temporaryPassword}
          </Typography.Paragraph>
          <Alert
            type="warning"
            showIcon
            title="此密码只显示这一次"
            description="请当面或通过安全渠道交给本人。本人首次登录时须修改密码。"
          />
        </>
      )}
    </Modal>
  );
}
