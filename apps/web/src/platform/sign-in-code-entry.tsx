import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, Typography } from 'antd';
import styles from './sign-in-code-entry.module.css';

/**
 * The phone's sign-in step, shared by meetings and study sessions: the six-digit code typed, or taken
 * from the QR code's link — then signed in at once, so a scan is one step (also on the way back
 * from signing in to the system).
 */
export function SignInCodeEntry({
  linkCode,
  autoSignIn,
  saving,
  problem,
  onSubmit,
  note,
}: {
  /** The code the QR link carried, if any. */
  linkCode: string;
  /** Whether the link's code may be sent at once (the person is expected and not yet signed in). */
  autoSignIn: boolean;
  saving: boolean;
  problem: string | null | undefined;
  onSubmit: (code: string) => void;
  note: string;
}) {
  const [code, setCode] = useState(linkCode);
  const autoTried = useRef(false);
  const canAuto = autoSignIn && /^\d{6}$/.test(linkCode);
  useEffect(() => {
    if (!canAuto || autoTried.current) return;
    autoTried.current = true;
    onSubmit(linkCode);
  }, [canAuto, linkCode, onSubmit]);
  const submit = () => onSubmit(code.trim());
  return (
    <>
      <Input
        size="large"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="6位签到码"
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        onPressEnter={submit}
        className={styles.codeInput}
        aria-label="签到码"
      />
      {problem && <Alert type="error" showIcon title={problem} />}
      <Button type="primary" size="large" block loading={saving} disabled={code.length !== 6} onClick={submit}>
        签到
      </Button>
      <Typography.Text type="secondary" className={styles.note}>
        {note}
      </Typography.Text>
    </>
  );
}
