import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, QRCode, Space, Typography } from 'antd';
import type { TwoFactorSetup } from '@qizhi/domain';
import { useSave } from '../../platform/use-save.ts';
import styles from './two-factor.module.css';

/** The six-digit code field of every two-factor step. */
export function CodeField({ label = '验证码', allowRecovery = false }: { label?: string; allowRecovery?: boolean }) {
  return (
    <Form.Item
      name="code"
      label={label}
      extra={allowRecovery ? '身份验证器上的6位数字；手机不在身边时，可输入一个恢复码' : '身份验证器上显示的6位数字'}
      rules={[{ required: true, whitespace: true, message: '请输入验证码' }]}
    >
      <Input
        size="large"
        inputMode={allowRecovery ? 'text' : 'numeric'}
        autoComplete="one-time-code"
        maxLength={allowRecovery ? 16 : 6}
        autoFocus
      />
    </Form.Item>
  );
}

/** Ten recovery codes, shown once, with a print button (the printout hides everything else). */
export function RecoveryCodesList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className={styles.recovery}>
      <Alert
        type="warning"
        showIcon
        title="请保存这10个恢复码"
        description="手机丢失或不在身边时，每个恢复码可代替验证码登录一次。恢复码只显示这一次，请打印或抄写后妥善保管。"
      />
      <ol className={styles.codes} aria-label="恢复码">
        {codes.map((c) => (
          <li key={c}>
            <Typography.Text code>{c}</Typography.Text>
          </li>
        ))}
      </ol>
      <Space wrap className={styles.noPrint}>
        <Button onClick={() => window.print()}>打印恢复码</Button>
        <Button type="primary" onClick={onDone}>
          我已保存，继续
        </Button>
      </Space>
    </div>
  );
}

/**
 * Binding an authenticator app: a new secret as a QR code and as text, then the first code it shows
 * confirms it; the recovery codes follow (the caller shows them).
 */
export function TwoFactorEnrol({
  begin,
  confirm,
}: {
  begin: () => Promise<TwoFactorSetup>;
  confirm: (code: string) => Promise<void>;
}) {
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const start = useSave({ save: begin, showError: 'alert', onSaved: setSetup });
  const [form] = Form.useForm<{ code: string }>();
  const finish = useSave({ save: (values: { code: string }) => confirm(values.code), form, showError: 'alert' });

  if (!setup) {
    return (
      <Flex vertical gap="middle" className={styles.full}>
        {start.problem && <Alert type="error" showIcon title={start.problem} role="alert" />}
        <Typography.Paragraph>
          请先在手机上安装身份验证器（如微信小程序“腾讯身份验证器”、Microsoft Authenticator、Google Authenticator
          或其他支持 TOTP 的应用），然后生成二维码并扫描。
        </Typography.Paragraph>
        <Button type="primary" block size="large" loading={start.saving} onClick={() => void start.save(undefined)}>
          生成二维码
        </Button>
      </Flex>
    );
  }
  return (
    <Flex vertical gap="middle" className={styles.full}>
      <ol className={styles.steps}>
        <li>用手机上的身份验证器扫描二维码</li>
        <li>输入应用显示的6位验证码，完成绑定</li>
      </ol>
      <div className={styles.qr} role="img" aria-label="绑定二维码">
        <QRCode value={setup.uri} size={200} />
      </div>
      <div>
        <Typography.Text type="secondary">无法扫描时，在应用中手动输入密钥：</Typography.Text>
        <div aria-label="密钥">
          <Typography.Paragraph copyable={{ text: setup.secret }} className={styles.secret}>
            {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
          </Typography.Paragraph>
        </div>
        <Typography.Text type="secondary">
          账号：{setup.account}（{setup.issuer}）。密钥只显示这一次，绑定后不再显示。
        </Typography.Text>
      </div>
      {finish.problem && <Alert type="error" showIcon title={finish.problem} role="alert" />}
      <Form form={form} layout="vertical" requiredMark={false} disabled={finish.saving} onFinish={finish.save}>
        <CodeField />
        <Button type="primary" htmlType="submit" block size="large" loading={finish.saving}>
          完成绑定
        </Button>
      </Form>
    </Flex>
  );
}
