import { useState } from 'react';
import { Alert, Badge, Button, Calendar, Card, Flex, Popconfirm, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { courtToday, formatCourtDateTime, inCourtZone, type MeetingListItem } from '@qizhi/domain';
import { useSave } from '../../platform/use-save.ts';
import { useCan } from '../../platform/session.tsx';
import { courtClock } from './meeting-labels.tsx';
import { calendarFeedApi } from './meetings.api.ts';
import styles from './meetings.module.css';
import { calendarFeedKeys, useCalendarFeed, useMeetingPage, useMyMeetings } from './meetings.queries.ts';

const STATUS_BADGE = {
  planned: 'default',
  notified: 'processing',
  held: 'warning',
  closed: 'success',
  cancelled: 'error',
} as const;

/** 个人日程订阅: a secret address calendar apps subscribe to; shown once, revocable. */
function FeedCard() {
  const [url, setUrl] = useState<string | null>(null);
  const status = useCalendarFeed();
  const create = useSave({
    save: calendarFeedApi.create,
    invalidates: [calendarFeedKeys.status],
    onSaved: (r) => setUrl(r.url),
  });
  const revoke = useSave({
    save: calendarFeedApi.revoke,
    invalidates: [calendarFeedKeys.status],
    success: '订阅地址已停用',
    onSaved: () => setUrl(null),
  });
  return (
    <Card title="订阅到手机日历" size="small">
      <Flex vertical gap="small">
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
              <Typography.Text copyable className={styles.breakAll}>
                {url}
              </Typography.Text>
            }
          />
        )}
        <Space wrap>
          <Button type="primary" loading={create.saving} onClick={() => create.save()}>
            {status.data?.active ? '重新生成地址（原地址作废）' : '生成订阅地址'}
          </Button>
          {status.data?.active && (
            <Popconfirm title="停用后日历将不再更新，确定？" onConfirm={() => revoke.save()}>
              <Button danger>停用</Button>
            </Popconfirm>
          )}
          {status.data?.createdAt && (
            <Typography.Text type="secondary">
              当前地址生成于 {formatCourtDateTime(status.data.createdAt)}
            </Typography.Text>
          )}
        </Space>
      </Flex>
    </Card>
  );
}

/** 会议日历: every meeting one can see, by day. */
export default function CalendarPage() {
  const can = useCan();
  const [month, setMonth] = useState<Dayjs>(() => inCourtZone());
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(7, 'day').format('YYYY-MM-DD');
  const all = useMeetingPage({ from, to, pageSize: 200 }, can('meetings.read'));
  const mine = useMyMeetings(!can('meetings.read'));
  const items: Pick<MeetingListItem, 'id' | 'startsAt' | 'status' | 'topic'>[] = can('meetings.read')
    ? (all.data?.items ?? [])
    : (mine.data?.items ?? []);
  const onDay = (d: Dayjs) => items.filter((m) => courtToday(m.startsAt) === d.format('YYYY-MM-DD'));
  return (
    <Flex vertical gap="middle">
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
              <ul className={styles.dayList}>
                {onDay(d).map((m) => (
                  <li key={m.id}>
                    <Link to={`/meetings/${m.id}`}>
                      <Badge status={STATUS_BADGE[m.status]} text={`${courtClock(m.startsAt)} ${m.topic}`} />
                    </Link>
                  </li>
                ))}
              </ul>
            );
          }}
        />
      </Card>
    </Flex>
  );
}
