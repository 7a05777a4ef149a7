/**
 * The three ways out: 企业微信 and 钉钉 group robots (a JSON POST to the robot's webhook) and e-mail
 * through the court's SMTP server (nodemailer). Each throws on failure, with a message for the log.
 */
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { NotificationChannel } from '@qizhi/domain';
import type { SettingsRow } from './notifications.repo.ts';

export interface Outgoing {
  title: string;
  body: string;
  /** The page's full address, or null when the court has no public address set. */
  url: string | null;
  /** E-mail only: the addresses of the people the message concerns, sent as Bcc (none see the others). */
  recipients?: readonly string[];
}

const TIMEOUT_MS = 10_000;

/** The message as a robot posts it: short, the title first, the link last. */
export function messageText(m: Outgoing): string {
  return [`【旗帜】${m.title}`, m.body, m.url].filter((line) => line).join('\n');
}

/**
 * 钉钉 加签: HMAC-SHA256 of `timestamp + "\n" + secret` keyed by the secret, Base64, carried with the
 * millisecond timestamp in the query (the robot refuses a timestamp an hour off).
 */
export function dingtalkSignedUrl(webhook: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret)
    .update(`${String(timestamp)}\n${secret}`)
    .digest('base64');
  const url = new URL(webhook);
  url.searchParams.set('timestamp', String(timestamp));
  url.searchParams.set('sign', sign);
  return url.toString();
}

/** Both robots answer 200 with `{errcode: 0}` on success and a non-zero errcode otherwise. */
async function postToRobot(url: string, text: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ msgtype: 'text', text: { content: text } }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const answer = await response.text();
  if (!response.ok) throw new Error(`HTTP ${String(response.status)}：${answer.slice(0, 200)}`);
  let parsed: { errcode?: unknown; errmsg?: unknown } = {};
  try {
    parsed = JSON.parse(answer) as typeof parsed;
  } catch {
    throw new Error(`机器人的应答无法识别：${answer.slice(0, 200)}`);
  }
  if (parsed.errcode !== 0)
    throw new Error(`机器人拒收（errcode ${String(parsed.errcode)}）：${String(parsed.errmsg)}`);
}

/** The court's mail server and sender are set: mail can go to its list or to people's own addresses. */
export function mailServerReady(s: SettingsRow | undefined): boolean {
  return !!s?.smtpHost && !!s.smtpFrom;
}

async function sendMail(s: SettingsRow, m: Outgoing): Promise<void> {
  const list = (s.smtpTo ?? '').split(',').filter(Boolean);
  const bcc = [...(m.recipients ?? [])];
  if (!s.smtpHost || !s.smtpFrom || list.length + bcc.length === 0)
    throw new Error('电子邮件未设置完整（服务器、发件人、收件人）');
  // People's own addresses go as Bcc; without a court list the sender stands in the To line.
  const to = list.length > 0 ? list : [s.smtpFrom];
  const transport = nodemailer.createTransport({
    host: s.smtpHost,
    port: s.smtpPort ?? (s.smtpSecure ? 465 : 25),
    secure: s.smtpSecure,
    auth: s.smtpUser ? { user: s.smtpUser, pass: s.smtpPassword ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({
      from: s.smtpFrom,
      to,
      ...(bcc.length > 0 ? { bcc } : {}),
      subject: `【旗帜】${m.title}`,
      text: [m.body, m.url].filter((line) => line).join('\n\n'),
    });
  } finally {
    transport.close();
  }
}

/** Whether the court has set the channel up enough to send on it. */
export function channelReady(s: SettingsRow | undefined, channel: NotificationChannel): boolean {
  if (!s) return false;
  if (channel === 'wecom') return !!s.wecomWebhook;
  if (channel === 'dingtalk') return !!s.dingtalkWebhook;
  return !!s.smtpHost && !!s.smtpFrom && !!s.smtpTo;
}

export async function send(
  channel: NotificationChannel,
  s: SettingsRow | undefined,
  m: Outgoing,
  now: Date,
): Promise<void> {
  const personalMail = channel === 'email' && mailServerReady(s) && (m.recipients?.length ?? 0) > 0;
  if (!s || !(channelReady(s, channel) || personalMail)) throw new Error('该渠道已不再设置，消息未发送');
  if (channel === 'wecom') return postToRobot(s.wecomWebhook!, messageText(m));
  if (channel === 'dingtalk') {
    const url = s.dingtalkSecret
      ? dingtalkSignedUrl(s.dingtalkWebhook!, s.dingtalkSecret, now.getTime())
      : s.dingtalkWebhook!;
    return postToRobot(url, messageText(m));
  }
  return sendMail(s, m);
}
