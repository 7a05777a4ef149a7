import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NotificationStatus } from '@qizhi/domain';
import { notificationsApi } from './notifications.api.ts';

export const notificationKeys = {
  settings: ['notifications', 'settings'] as const,
  outbox: ['notifications', 'outbox'] as const,
};

export function useNotificationSettings() {
  return useQuery({ queryKey: notificationKeys.settings, queryFn: notificationsApi.settings });
}

/** The send record refreshes itself while messages wait, so a retry's outcome shows up. */
export function useOutbox(page: number, status: NotificationStatus | undefined) {
  return useQuery({
    queryKey: [...notificationKeys.outbox, page, status ?? 'all'],
    queryFn: () => notificationsApi.outbox({ page, pageSize: 20, status }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((m) => m.status === 'pending') ? 5_000 : false),
  });
}
