import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Space } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { findPasswordProblems, PASSWORD_PROBLEM_MESSAGES, type ChangePasswordRequest } from '@qizhi/domain';
import { queryClient } from '../../platform/query-client.ts';
import { fetchMe, meQueryKey, useSession } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { authApi } from './auth.api.ts';
import { AuthFrame } from './auth-frame.tsx';
import { nextFrom } from './safe-next.ts';
import { useSignOut } from './use-sign-out.ts';
import styles from './auth.module.css';
import { PasswordPolicy } from './password-policy.tsx';

/** Fields are undefined until typed in; `onFinish` only runs once the rules have made them present. */
interface PasswordForm {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

export default function PasswordPage() {
  const { user } = useSession();
  const forced = user.mustChangePassword;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = nextFrom(params);
  const [form] = Form.useForm<PasswordForm>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [done, setDone] = useState(false);
  const change = useSave({
    save: async (values: PasswordForm) => {
      const body: ChangePasswordRequest = {
        currentPassword: values.currentPassword ?? '',
        newPassword: values.newPassword ?? '',
      };
      await authApi.changePassword(body);
      queryClient.setQueryData(meQueryKey, await fetchMe());
      // Sent here on the way to a page (a meeting's sign-in from its QR code): straight on to it.
      if (next !== '/') void navigate(next, { replace: true });
      else setDone(true);
    },
    form,
    showError: 'alert',
  });
  const submitting = change.saving;
  const error = change.problem;

  const signOut = useSignOut();

  if (done) {
    return (
      <AuthFrame subtitle="修改密码">
        <Card>
          <Result
            status="success"
            title="密码已修改"
            subTitle="请牢记新密码，不要告诉他人。"
            extra={
              <Button type="primary" onClick={() => void navigate('/', { replace: true })}>
                进入首页
              </Button>
            }
          />
        </Card>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame subtitle={forced ? '首次登录，请先修改初始密码' : '修改密码'}>
      <Card title={forced ? '修改初始密码' : '修改密码'} classNames={{ header: styles.cardHeader }}>
        {forced && (
          <Alert
            type="info"
            showIcon
            title="首次登录或密码被重置后，须先修改密码才能使用系统。"
            className={styles.alert}
          />
        )}
        {error && <Alert type="error" showIcon title={error} className={styles.alert} role="alert" />}
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={submitting}
          onFinish={change.save}
        >
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            rules={[
              { required: true, message: '请输入新密码' },
              {
                validator: (_, value: string | undefined) => {
                  const problem = findPasswordProblems(value ?? '', user.username)[0];
                  return problem ? Promise.reject(new Error(PASSWORD_PROBLEM_MESSAGES[problem])) : Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <PasswordPolicy password={newPassword} username={user.username} />
          <Form.Item
            name="confirmPassword"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            确认修改
          </Button>
        </Form>
        <Space className={styles.after}>
          {forced ? (
            <Button type="link" onClick={() => void signOut()}>
              退出登录
            </Button>
          ) : (
            <Link to="/">返回首页</Link>
          )}
        </Space>
      </Card>
    </AuthFrame>
  );
}
