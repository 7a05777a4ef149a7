import type { z } from 'zod';
import {
  NotificationOutboxPage,
  NotificationSettings,
  TestNotificationResponse,
  type NotificationChannel,
  type NotificationOutboxQuery,
  type UpdateNotificationSettingsRequest,
} from '@qizhi/domain';
import { call } from '../../platform/api-client.ts';

/** The court's message settings (企业微信, 钉钉, e-mail) and its record of what was sent. */
export const notificationsApi = {
  settings: () => call.get(NotificationSettings, '/api/notifications/settings'),
  saveSettings: (body: UpdateNotificationSettingsRequest) =>
    call.put(NotificationSettings, '/api/notifications/settings', body),
  outbox: (query: Partial<z.output<typeof NotificationOutboxQuery>>) =>
    call.get(NotificationOutboxPage, '/api/notifications/outbox', query),
  test: (channel: NotificationChannel) => call.post(TestNotificationResponse, '/api/notifications/test', { channel }),
};
