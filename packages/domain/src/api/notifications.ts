/** Notices and reminders sent to a court's group robots (企业微信, 钉钉) and by e-mail. */
import { z } from 'zod';
import { pageOf, PageQuery } from './common.ts';

export const NOTIFICATION_CHANNELS = ['wecom', 'dingtalk', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
  email: '电子邮件',
};

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, string> = {
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
};

/** What caused a message. */
export const NOTIFICATION_SOURCE_LABELS = {
  'meeting.notice': '会议通知',
  'meeting.reminder': '会前提醒',
  'task.due': '落实事项到期提醒',
  'task.overdue': '落实事项逾期提醒',
  'security.alert': '安全告警',
  'dues.arrears': '党费欠缴提醒',
  'development.due': '发展党员到期提醒',
  'transfer.receipt_overdue': '介绍信逾期未回执提醒',
  test: '测试消息',
} as const satisfies Record<string, string>;
export type NotificationSource = keyof typeof NOTIFICATION_SOURCE_LABELS;

/** Attempts before a message is given up as failed, and the waits between them (minutes). */
export const NOTIFICATION_RETRY_MINUTES = [1, 5, 15, 60, 240] as const;
export const NOTIFICATION_MAX_ATTEMPTS = NOTIFICATION_RETRY_MINUTES.length + 1;

/** The settings as answered: secrets only as "set or not", webhook addresses with their key masked. */
export const NotificationSettings = z.object({
  wecomWebhook: z.string().nullable().describe('企业微信群机器人地址（key 已遮蔽）'),
  dingtalkWebhook: z.string().nullable().describe('钉钉群机器人地址（access_token 已遮蔽）'),
  dingtalkSecretSet: z.boolean().describe('是否已设置钉钉加签密钥'),
  smtpHost: z.string().nullable(),
  smtpPort: z.number().int().nullable(),
  smtpSecure: z.boolean(),
  smtpUser: z.string().nullable(),
  smtpPasswordSet: z.boolean(),
  smtpFrom: z.string().nullable(),
  smtpTo: z.array(z.string()),
  publicUrl: z.string().nullable().describe('消息中链接使用的公开地址（QIZHI_PUBLIC_URL），未设置则消息不带链接'),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

const webhook = (label: string) =>
  z
    .url({ protocol: /^https?$/, error: `${label}应为 http(s) 网址` })
    .max(500, `${label}过长`)
    .nullable()
    .optional();
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多${String(max)}个字符`)
    .nullable()
    .optional();
const email = z.email({ error: '电子邮件地址格式不正确' });

/**
 * A change to the settings. A field left out stays as it is; `null` clears it. Secrets are only
 * ever written: left out they are kept.
 */
export const UpdateNotificationSettingsRequest = z.strictObject({
  wecomWebhook: webhook('企业微信群机器人地址'),
  dingtalkWebhook: webhook('钉钉群机器人地址'),
  dingtalkSecret: optionalText('钉钉加签密钥', 200),
  smtpHost: optionalText('SMTP 服务器', 200),
  smtpPort: z.number({ error: 'SMTP 端口应为数字' }).int().min(1).max(65_535).nullable().optional(),
  smtpSecure: z.boolean().optional(),
  smtpUser: optionalText('SMTP 用户名', 200),
  smtpPassword: optionalText('SMTP 密码', 200),
  smtpFrom: email.nullable().optional(),
  smtpTo: z.array(email).max(50, '收件地址最多50个').optional(),
});
export type UpdateNotificationSettingsRequest = z.infer<typeof UpdateNotificationSettingsRequest>;

export const NotificationMessage = z.object({
  id: z.uuid(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  source: z.string(),
  title: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable().describe('待发送时：下次尝试的时间'),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationMessage = z.infer<typeof NotificationMessage>;
export const NotificationOutboxPage = pageOf(NotificationMessage);
export type NotificationOutboxPage = z.infer<typeof NotificationOutboxPage>;
export const NotificationOutboxQuery = z.strictObject({
  status: z.enum(NOTIFICATION_STATUSES, { error: '状态应为 pending、sent 或 failed' }).optional(),
  ...PageQuery,
});

export const TestNotificationRequest = z.strictObject({
  channel: z.enum(NOTIFICATION_CHANNELS, { error: '渠道应为 wecom、dingtalk 或 email' }),
});
export const TestNotificationResponse = z.object({ queued: z.number().int() });
