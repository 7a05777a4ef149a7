import { useState } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { LoginRequest } from '@qizhi/domain';
import { ApiError, errorMessage, setCsrfToken } from '../../platform/api.ts';
import { queryClient } from '../../platform/query-client.ts';
import { PASSWORD_PATH } from '../../platform/require-sign-in.tsx';
import { fetchMe, meQueryKey, useMe } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { authApi } from './auth.api.ts';
import { AuthFrame } from './auth-frame.tsx';
import { nextFrom, withNext } from './safe-next.ts';
import { SecondFactorStep } from './second-factor-step.tsx';
import styles from './auth.module.css';

function explain(error: unknown): { title: string; description?: string } {
  if (error instanceof ApiError && error.code === 'ACCOUNT_LOCKED') {
    return {
      title: error.message,
      description: '连续多次输入错误密码后，账号将被锁定30分钟，到时自动解除；急需使用请联系安全管理员解锁。',
    };
  }
  return { title: errorMessage(error) };
}

export default function LoginPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = nextFrom(params);
  // An initial password is changed first, then on to the page asked for (a meeting's sign-in).
  const after = (mustChange: boolean) => (mustChange ? withNext(PASSWORD_PATH, next) : next);
  // 双因素登录: after a correct password, the second step (or binding an authenticator) comes first.
  const [pending, setPending] = useState<'verify' | 'enrol' | null>(null);
  const enter = async (mustChange: boolean) => {
    queryClient.setQueryData(meQueryKey, await fetchMe());
    void navigate(after(mustChange), { replace: true });
  };
  const signIn = useSave({
    save: async (values: LoginRequest) => {
      const result = await authApi.login(values);
      if ('secondFactor' in result) {
        setPending(result.secondFactor);
        return;
      }
      setCsrfToken(result.csrfToken);
      await enter(result.user.mustChangePassword);
    },
    showError: 'alert',
  });
  const submitting = signIn.saving;

  if (me.data && !submitting && !pending) {
    return <Navigate to={after(me.data.user.mustChangePassword)} replace />;
  }
  if (pending) {
    return (
      <AuthFrame>
        <SecondFactorStep
          step={pending}
          onSignedIn={(result) => enter(result.user.mustChangePassword)}
          onRestart={() => {
            signIn.clearProblem();
            setPending(null);
          }}
        />
      </AuthFrame>
    );
  }

  const problem = signIn.error ? explain(signIn.error) : null;
  return (
    <AuthFrame>
      <Card title="登录" classNames={{ header: styles.cardHeader }}>
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem.title}
            description={problem.description}
            className={styles.alert}
            role="alert"
          />
        )}
        <Form<LoginRequest>
          layout="vertical"
          requiredMark={false}
          disabled={submitting}
          onFinish={signIn.save}
          autoComplete="on"
        >
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
    </AuthFrame>
  );
}
