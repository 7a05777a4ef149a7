import { useState } from 'react';
import { Alert, Button, Card, Form, Typography } from 'antd';
import type { SecondFactorSignedIn } from '@qizhi/domain';
import { setCsrfToken } from '../../platform/api.ts';
import { useSave } from '../../platform/use-save.ts';
import { twoFactorApi } from './auth.api.ts';
import { CodeField, RecoveryCodesList, TwoFactorEnrol } from './two-factor-enrol.tsx';
import styles from './auth.module.css';

/**
 * Sign-in's second step (双因素登录), after a correct password: a code from the authenticator app (or
 * a recovery code); or, for an account the court requires it of and that has none yet, binding one
 * first. Nothing else opens until it is done; after 5 minutes the password is asked again.
 */
export function SecondFactorStep({
  step,
  onSignedIn,
  onRestart,
}: {
  step: 'verify' | 'enrol';
  onSignedIn: (result: SecondFactorSignedIn) => Promise<void>;
  onRestart: () => void;
}) {
  const [form] = Form.useForm<{ code: string }>();
  const [recovery, setRecovery] = useState<SecondFactorSignedIn | null>(null);
  const verify = useSave({
    save: async (values: { code: string }) => {
      const result = await twoFactorApi.verify(values.code);
      setCsrfToken(result.csrfToken);
      await onSignedIn(result);
    },
    form,
    showError: 'alert',
  });
  const back = (
    <Button type="link" block onClick={onRestart}>
      返回重新输入密码
    </Button>
  );

  if (recovery) {
    return (
      <Card title="绑定成功" classNames={{ header: styles.cardHeader }}>
        <RecoveryCodesList codes={recovery.recoveryCodes ?? []} onDone={() => void onSignedIn(recovery)} />
      </Card>
    );
  }
  if (step === 'enrol') {
    return (
      <Card title="绑定身份验证器" classNames={{ header: styles.cardHeader }}>
        <Alert
          type="info"
          showIcon
          className={styles.alert}
          title="本院要求您的账号使用双因素登录"
          description="绑定手机上的身份验证器后，每次登录除密码外还须输入它显示的验证码。绑定前不能使用其他功能。"
        />
        <TwoFactorEnrol
          begin={twoFactorApi.beginEnrolment}
          confirm={async (code) => {
            const result = await twoFactorApi.finishEnrolment(code);
            setCsrfToken(result.csrfToken);
            setRecovery(result);
          }}
        />
        {back}
      </Card>
    );
  }
  return (
    <Card title="双因素验证" classNames={{ header: styles.cardHeader }}>
      {verify.problem && <Alert type="error" showIcon title={verify.problem} className={styles.alert} role="alert" />}
      <Typography.Paragraph>请打开手机上的身份验证器，输入“旗帜党建”下显示的6位验证码。</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} disabled={verify.saving} onFinish={verify.save}>
        <CodeField allowRecovery />
        <Button type="primary" htmlType="submit" block size="large" loading={verify.saving}>
          验证并登录
        </Button>
      </Form>
      {back}
    </Card>
  );
}
