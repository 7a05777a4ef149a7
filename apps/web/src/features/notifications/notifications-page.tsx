import { useState } from 'react';
import { Card, Flex, Segmented, Skeleton, Table, Tag } from 'antd';
import {
  formatCourtDateTime,
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_SOURCE_LABELS,
  NOTIFICATION_STATUS_LABELS,
  type NotificationMessage,
  type NotificationStatus,
} from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useNotificationSettings, useOutbox } from './notifications.queries.ts';
import { SettingsForm } from './settings-form.tsx';
import styles from './notifications.module.css';

const STATUS_COLORS: Record<NotificationStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };

function sourceLabel(source: string): string {
  return (NOTIFICATION_SOURCE_LABELS as Record<string, string>)[source] ?? source;
}

function SendRecord() {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<NotificationStatus | 'all'>('all');
  const outbox = useOutbox(page, status === 'all' ? undefined : status);
  return (
    <Card title="发送记录">
      <Segmented
        value={status}
        onChange={(v) => {
          setStatus(v as NotificationStatus | 'all');
          setPage(1);
        }}
        options={[
          { value: 'all', label: '全部' },
          ...(['pending', 'sent', 'failed'] as const).map((s) => ({ value: s, label: NOTIFICATION_STATUS_LABELS[s] })),
        ]}
      />
      {outbox.isError && <QueryErrorAlert error={outbox.error} />}
      <Table<NotificationMessage>
        rowKey="id"
        size="small"
        loading={outbox.isPending}
        dataSource={outbox.data?.items}
        scroll={{ x: 720 }}
        pagination={{ current: page, pageSize: 20, total: outbox.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatCourtDateTime(v) },
          {
            title: '渠道',
            dataIndex: 'channel',
            width: 130,
            render: (c: NotificationMessage['channel']) => NOTIFICATION_CHANNEL_LABELS[c],
          },
          { title: '类别', dataIndex: 'source', width: 130, render: sourceLabel },
          { title: '内容', dataIndex: 'title' },
          {
            title: '状态',
            width: 220,
            render: (_: unknown, m) => (
              <div>
                <Tag color={STATUS_COLORS[m.status]}>{NOTIFICATION_STATUS_LABELS[m.status]}</Tag>
                {m.attempts > 1 && `已尝试${String(m.attempts)}次`}
                {m.sentAt && <div className={styles.hint}>{formatCourtDateTime(m.sentAt)}送达</div>}
                {m.nextAttemptAt && m.attempts > 0 && (
                  <div className={styles.hint}>{formatCourtDateTime(m.nextAttemptAt)}重试</div>
                )}
                {m.lastError && m.status !== 'sent' && <div className={styles.error}>{m.lastError}</div>}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 消息推送: where the court's notices and reminders go besides the home page, and what went out. */
export default function NotificationsPage() {
  const settings = useNotificationSettings();
  return (
    <Flex vertical gap="middle">
      <h1 className="page-title">消息推送</h1>
      <Card title="推送渠道">
        {settings.isPending && <Skeleton active />}
        {settings.isError && <QueryErrorAlert error={settings.error} />}
        {settings.data && <SettingsForm settings={settings.data} />}
      </Card>
      <SendRecord />
    </Flex>
  );
}
