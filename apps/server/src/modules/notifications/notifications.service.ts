import {
  NOTIFICATION_CHANNEL_LABELS,
  type NotificationChannel,
  type NotificationOutboxPage,
  type NotificationSettings,
  type NotificationStatus,
  type UpdateNotificationSettingsRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { queueMessage } from './outbox.ts';
import * as repo from './notifications.repo.ts';

/** The settings are the court's, not an organisation's: only a court-wide grant may read or change them. */
async function assertCourtWide(ctx: RequestContext): Promise<void> {
  if (!(await ctx.can('notifications.manage', null)))
    throw new AppError('FORBIDDEN', '消息推送为全院设置，须由全院范围的党务管理人员办理');
}

/** A webhook's keys (企业微信 `key`, 钉钉 `access_token`) are secrets: only their last four characters show. */
export function maskWebhook(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    for (const [k, v] of [...u.searchParams]) u.searchParams.set(k, `****${v.slice(-4)}`);
    u.password = u.password ? '****' : '';
    return u.toString();
  } catch {
    return '****';
  }
}

function toSettings(row: repo.SettingsRow | undefined, publicUrl: string | undefined): NotificationSettings {
  return {
    wecomWebhook: maskWebhook(row?.wecomWebhook ?? null),
    dingtalkWebhook: maskWebhook(row?.dingtalkWebhook ?? null),
    dingtalkSecretSet: !!row?.dingtalkSecret,
    smtpHost: row?.smtpHost ?? null,
    smtpPort: row?.smtpPort ?? null,
    smtpSecure: row?.smtpSecure ?? false,
    smtpUser: row?.smtpUser ?? null,
    smtpPasswordSet: !!row?.smtpPassword,
    smtpFrom: row?.smtpFrom ?? null,
    smtpTo: (row?.smtpTo ?? '').split(',').filter(Boolean),
    publicUrl: publicUrl ?? null,
  };
}

export async function getSettings(ctx: RequestContext, publicUrl: string | undefined): Promise<NotificationSettings> {
  await assertCourtWide(ctx);
  return toSettings(await repo.findSettings(ctx.db, ctx.tenantId), publicUrl);
}

const SECRETS = new Set(['dingtalkSecret', 'smtpPassword']);

export async function updateSettings(
  ctx: RequestContext,
  input: UpdateNotificationSettingsRequest,
  publicUrl: string | undefined,
): Promise<NotificationSettings> {
  await assertCourtWide(ctx);
  const current = await repo.findSettings(ctx.db, ctx.tenantId);
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const field = key as keyof UpdateNotificationSettingsRequest;
    // The masked address sent back unchanged is not a new address.
    if ((field === 'wecomWebhook' || field === 'dingtalkWebhook') && value === maskWebhook(current?.[field] ?? null))
      continue;
    values[field] =
      field === 'smtpTo' ? (value as string[]).join(',') || null : typeof value === 'string' && !value ? null : value;
  }
  const changed = Object.keys(values);
  if (changed.length > 0) {
    await ctx.db.transaction(async (tx) => {
      await repo.saveSettings(tx, ctx.tenantId, values);
      await writeAudit(tx, ctx.actor, {
        action: 'notification.settings_update',
        entity: 'notification_settings',
        entityId: ctx.tenantId,
        summary: `修改消息推送设置（${changed.join('、')}）`,
        // Secrets and webhook keys never reach the audit log.
        after: Object.fromEntries(
          changed.map((k) => [
            k,
            SECRETS.has(k) || k.endsWith('Webhook') ? (values[k] ? '已更改' : '已清除') : values[k],
          ]),
        ),
      });
    });
  }
  return toSettings(await repo.findSettings(ctx.db, ctx.tenantId), publicUrl);
}

export async function listMessages(
  ctx: RequestContext,
  q: { status?: NotificationStatus; page: number; pageSize: number },
): Promise<NotificationOutboxPage> {
  await assertCourtWide(ctx);
  const { rows, total } = await repo.findMessagePage(ctx.db, ctx.tenantId, q);
  return {
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      source: r.source,
      title: r.title,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
      sentAt: r.sentAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A test message on one channel, to check the settings; it goes through the outbox like any other. */
export async function sendTest(ctx: RequestContext, channel: NotificationChannel): Promise<{ queued: number }> {
  await assertCourtWide(ctx);
  const label = NOTIFICATION_CHANNEL_LABELS[channel];
  const queued = await queueMessage(
    ctx.db,
    ctx.tenantId,
    {
      source: 'test',
      key: `test:${crypto.randomUUID()}`,
      title: `测试消息（${label}）`,
      body: `${ctx.user.displayName}发送的测试消息：收到即说明设置正确。`,
      link: '/',
    },
    channel,
  );
  if (queued === 0) throw validationFailed([{ path: 'channel', message: `尚未设置${label}` }]);
  await writeAudit(ctx.db, ctx.actor, {
    action: 'notification.test',
    entity: 'notification_settings',
    entityId: ctx.tenantId,
    summary: `发送测试消息：${label}`,
  });
  return { queued };
}
