import { useState } from 'react';
import { Alert, App, Badge, Button, Calendar, Card, Popconfirm, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { MeetingListItem } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { queryClient } from '../../platform/query-client.ts';
import { useCan } from '../../platform/session.tsx';
import { formatShanghai } from './meeting-labels.tsx';
import { useMeetingPage, useMyMeetings } from './meetings-queries.ts';

const STATUS_BADGE = {
  planned: 'default',
  notified: 'processing',
  held: 'warning',
  closed: 'success',
  cancelled: 'error',
} as const;

/** 个人日程订阅: a secret address calendar apps subscribe to; shown once, revocable. */
function FeedCard() {
  const { message } = App.useApp();
  const [url, setUrl] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ['calendar-feed'],
    queryFn: () => api.get<{ active: boolean; createdAt: string | null }>('/api/calendar/feed'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar-feed'] });
  const create = useMutation({
    mutationFn: () => api.post<{ url: string }>('/api/calendar/feed'),
    onSuccess: async (r) => {
      setUrl(r.url);
      await refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const revoke = useMutation({
    mutationFn: () => api.delete('/api/calendar/feed'),
    onSuccess: async () => {
      setUrl(null);
      await refresh();
      void message.success('订阅地址已停用');
    },
  });
  return (
    <Card title="订阅到手机日历" size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          生成个人专用地址后，在手机或电脑日历（如 iPhone 日历、Outlook、WPS
          日历）中“添加订阅日历”，本人参加的会议会自动出现在日历中。地址即凭证，请勿转发。
        </Typography.Text>
        {url && (
          <Alert
            type="success"
            showIcon
            title="订阅地址（只显示这一次）"
            description={
              <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                {url}
              </Typography.Text>
            }
          />
        )}
        <Space wrap>
          <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>
            {status.data?.active ? '重新生成地址（原地址作废）' : '生成订阅地址'}
          </Button>
          {status.data?.active && (
            <Popconfirm title="停用后日历将不再更新，确定？" onConfirm={() => revoke.mutate()}>
              <Button danger>停用</Button>
            </Popconfirm>
          )}
          {status.data?.createdAt && (
            <Typography.Text type="secondary">当前地址生成于 {formatShanghai(status.data.createdAt)}</Typography.Text>
          )}
        </Space>
      </Space>
    </Card>
  );
}

/** 会议日历: every meeting one can see, by day. */
export default function CalendarPage() {
  const can = useCan();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(7, 'day').format('YYYY-MM-DD');
  const all = useMeetingPage({ from, to, pageSize: 200 }, can('meetings.read'));
  const mine = useMyMeetings(!can('meetings.read'));
  const items: MeetingListItem[] = can('meetings.read') ? (all.data?.items ?? []) : (mine.data?.items ?? []);
  const onDay = (d: Dayjs) => items.filter((m) => formatShanghai(m.startsAt, false) === d.format('YYYY-MM-DD'));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-toolbar">
        <h1>会议日历</h1>
      </div>
      <FeedCard />
      <Card>
        <Calendar
          value={month}
          onPanelChange={(d) => setMonth(d)}
          onSelect={(d) => setMonth(d)}
          cellRender={(d, info) => {
            if (info.type !== 'date') return info.originNode;
            return (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {onDay(d).map((m) => (
                  <li
                    key={m.id}
                    style={{ fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                  >
                    <Link to={`/meetings/${m.id}`}>
                      <Badge
                        status={STATUS_BADGE[m.status]}
                        text={`${formatShanghai(m.startsAt).slice(11)} ${m.topic}`}
                      />
                    </Link>
                  </li>
                ))}
              </ul>
            );
          }}
        />
      </Card>
    </Space>
  );
}
