import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import {
  NOTIFICATION_CHANNEL_LABELS,
  type NotificationChannel,
  type NotificationSettings,
  type UpdateNotificationSettingsRequest,
} from '@qizhi/domain';
import { useSave } from '../../platform/use-save.ts';
import { notificationsApi } from './notifications.api.ts';
import { notificationKeys } from './notifications.queries.ts';
import styles from './notifications.module.css';

type Values = Omit<UpdateNotificationSettingsRequest, 'smtpTo'> & { smtpTo?: string[] };

/** Secrets are write-only: a blank field keeps what is stored; the placeholder says whether one is. */
function keptWhenBlank(values: Values): UpdateNotificationSettingsRequest {
  const out: UpdateNotificationSettingsRequest = {};
  for (const [key, value] of Object.entries(values) as [keyof Values, unknown][]) {
    const secret = key === 'dingtalkSecret' || key === 'smtpPassword';
    if (secret && !value) continue;
    (out as Record<string, unknown>)[key] = value === '' ? null : value;
  }
  return out;
}

export function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const [form] = Form.useForm<Values>();
  const save = useSave({
    form,
    invalidates: [notificationKeys.settings],
    save: (values: Values) => notificationsApi.saveSettings(keptWhenBlank(values)),
    success: '已保存消息推送设置',
  });
  const test = useSave({
    invalidates: [notificationKeys.outbox],
    save: (channel: NotificationChannel) => notificationsApi.test(channel),
    success: (_r, channel) =>
      `测试消息已加入发送队列（${NOTIFICATION_CHANNEL_LABELS[channel]}），请在下方发送记录查看结果`,
  });
  const secretHint = (set: boolean) => (set ? '已设置（留空则不变）' : '未设置');
  const testButton = (channel: NotificationChannel) => (
    <Button size="small" loading={test.saving} onClick={() => test.save(channel)}>
      发送测试消息
    </Button>
  );

  return (
    <Form
      form={form}
      layout="vertical"
      className={styles.form}
      initialValues={{ ...settings, dingtalkSecret: '', smtpPassword: '' }}
      onFinish={(values) => save.save(values)}
    >
      {!settings.publicUrl && (
        <Alert
          type="warning"
          showIcon
          title="未设置公开地址（环境变量 QIZHI_PUBLIC_URL），消息中将不带链接。请设置为手机和电脑都能访问的地址，如 http://192.168.1.20:3000。"
        />
      )}
      <Card size="small" title={NOTIFICATION_CHANNEL_LABELS.wecom} extra={testButton('wecom')}>
        <Form.Item
          name="wecomWebhook"
          label="群机器人 Webhook 地址"
          extra="群设置 → 群机器人 → 添加，复制其 Webhook 地址"
        >
          <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" allowClear />
        </Form.Item>
      </Card>
      <Card size="small" title={NOTIFICATION_CHANNEL_LABELS.dingtalk} extra={testButton('dingtalk')}>
        <Form.Item name="dingtalkWebhook" label="群机器人 Webhook 地址">
          <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" allowClear />
        </Form.Item>
        <Form.Item name="dingtalkSecret" label="加签密钥（安全设置选“加签”时填写，以 SEC 开头）">
          <Input.Password placeholder={secretHint(settings.dingtalkSecretSet)} autoComplete="new-password" />
        </Form.Item>
      </Card>
      <Card size="small" title={NOTIFICATION_CHANNEL_LABELS.email} extra={testButton('email')}>
        <Space wrap>
          <Form.Item name="smtpHost" label="SMTP 服务器">
            <Input placeholder="smtp.court.example" />
          </Form.Item>
          <Form.Item name="smtpPort" label="端口">
            <InputNumber min={1} max={65535} placeholder="25" />
          </Form.Item>
          <Form.Item name="smtpSecure" label="SSL/TLS 连接" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="smtpUser" label="用户名">
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="smtpPassword" label="密码">
            <Input.Password placeholder={secretHint(settings.smtpPasswordSet)} autoComplete="new-password" />
          </Form.Item>
        </Space>
        <Form.Item name="smtpFrom" label="发件地址">
          <Input placeholder="party@court.example" />
        </Form.Item>
        <Form.Item name="smtpTo" label="收件地址（可填多个，回车分隔）">
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
        </Form.Item>
      </Card>
      <p className={styles.hint}>
        会议通知发出后和会前、落实事项到期前，系统在后台发送；发送失败会自动重试，不影响原操作。
      </p>
      <Button type="primary" htmlType="submit" loading={save.saving}>
        保存设置
      </Button>
    </Form>
  );
}
