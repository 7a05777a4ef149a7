import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Result, Skeleton, Tag } from 'antd';
import { formatCourtDateTime } from '@qizhi/domain';
import { queryClient } from '../../platform/query-client.ts';
import { useSave } from '../../platform/use-save.ts';
import { twoFactorApi } from './auth.api.ts';
import { CodeField, RecoveryCodesList, TwoFactorEnrol } from './two-factor-enrol.tsx';
import styles from './two-factor.module.css';

const statusKey = ['auth', 'two-factor'] as const;

/**
 * 账号安全 → 双因素登录: one's own setting. Accounts the court requires it of (the three administrators
 * and the officers) see it on and cannot turn it off; everyone else may turn it on and off.
 */
export default function TwoFactorPage() {
  const status = useQuery({ queryKey: statusKey, queryFn: twoFactorApi.status });
  const [mode, setMode] = useState<'view' | 'enrol' | 'disable' | 'regenerate'>('view');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [form] = Form.useForm<{ code: string }>();
  const [regenerateForm] = Form.useForm<{ code: string }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: statusKey });
  // New recovery codes replace every earlier one; shown once, like at enrolment.
  const regenerate = useSave({
    save: async (values: { code: string }) =>
      setCodes((await twoFactorApi.regenerateRecoveryCodes(values.code)).recoveryCodes),
    form: regenerateForm,
    showError: 'alert',
    invalidates: [[...statusKey]],
  });
  const disable = useSave({
    save: (values: { code: string }) => twoFactorApi.disable(values.code),
    form,
    showError: 'alert',
    invalidates: [[...statusKey]],
    onSaved: () => setMode('view'),
  });

  let body;
  if (!status.data) body = <Skeleton active />;
  else if (codes) {
    body = (
      <RecoveryCodesList
        codes={codes}
        onDone={() => {
          setCodes(null);
          setMode('view');
          void refresh();
        }}
      />
    );
  } else if (mode === 'enrol') {
    body = (
      <TwoFactorEnrol
        begin={twoFactorApi.setup}
        confirm={async (code) => setCodes((await twoFactorApi.confirmSetup(code)).recoveryCodes)}
      />
    );
  } else if (mode === 'disable') {
    body = (
      <Form form={form} layout="vertical" requiredMark={false} disabled={disable.saving} onFinish={disable.save}>
        {disable.problem && <Alert type="error" showIcon title={disable.problem} role="alert" />}
        <CodeField allowRecovery label="当前验证码" />
        <Flex gap="small" wrap>
          <Button danger htmlType="submit" loading={disable.saving}>
            关闭双因素登录
          </Button>
          <Button onClick={() => setMode('view')}>取消</Button>
        </Flex>
      </Form>
    );
  } else if (mode === 'regenerate') {
    body = (
      <Form
        form={regenerateForm}
        layout="vertical"
        requiredMark={false}
        disabled={regenerate.saving}
        onFinish={regenerate.save}
      >
        <Alert
          type="warning"
          showIcon
          title="重新生成后，原有的恢复码（包括尚未使用的）全部作废"
          description="请输入身份验证器上当前的6位验证码确认。新的10个恢复码只显示一次，请打印或抄写后妥善保管。"
        />
        {regenerate.problem && <Alert type="error" showIcon title={regenerate.problem} role="alert" />}
        <CodeField label="当前验证码" />
        <Flex gap="small" wrap>
          <Button type="primary" htmlType="submit" loading={regenerate.saving}>
            重新生成恢复码
          </Button>
          <Button onClick={() => setMode('view')}>取消</Button>
        </Flex>
      </Form>
    );
  } else {
    const s = status.data;
    body = (
      <Flex vertical gap="middle">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="状态">
            {s.enrolled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}
            {s.required && <Tag color="red">本院要求</Tag>}
          </Descriptions.Item>
          {s.enrolledAt && <Descriptions.Item label="绑定时间">{formatCourtDateTime(s.enrolledAt)}</Descriptions.Item>}
          {s.enrolled && <Descriptions.Item label="剩余恢复码">{s.recoveryCodesLeft} 个</Descriptions.Item>}
        </Descriptions>
        {!s.enrolled && (
          <Result
            status="info"
            title="启用双因素登录，账号更安全"
            subTitle="登录时除密码外，还须输入手机上身份验证器显示的6位验证码。"
            extra={
              <Button type="primary" onClick={() => setMode('enrol')}>
                启用双因素登录
              </Button>
            }
          />
        )}
        {s.enrolled && (
          <div>
            <Button onClick={() => setMode('regenerate')}>重新生成恢复码</Button>
          </div>
        )}
        {s.enrolled && s.required && (
          <Alert
            type="info"
            showIcon
            title="本院要求您的账号使用双因素登录，不能关闭。手机丢失请联系安全管理员重置。"
          />
        )}
        {s.enrolled && !s.required && (
          <div>
            <Button danger onClick={() => setMode('disable')}>
              关闭双因素登录
            </Button>
          </div>
        )}
      </Flex>
    );
  }
  return (
    <Flex vertical gap="small" className={styles.page}>
      <h1 className="page-title">账号安全</h1>
      <Card title="双因素登录">{body}</Card>
    </Flex>
  );
}
