import { Card, Empty, List, Skeleton, Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { formatCourtDateTime, type MyMeeting as MyMeetingSchema } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { AttendanceTag, MeetingTypeTag } from '../meetings/meeting-labels.tsx';
import { useMeeting, useMyMeetings } from '../meetings/meetings.queries.ts';
import { LeaveTag, MyAttendanceCard } from './my-attendance-card.tsx';
import styles from './mine.module.css';

type MyMeeting = z.infer<typeof MyMeetingSchema>;

/** Whether a request for leave was approved: the host's attendance entry approves it. */
function LeaveApproval({ meetingId }: { meetingId: string }) {
  const detail = useMeeting(meetingId);
  if (!detail.data?.myAttendance) return null;
  const { leaveApproved, reason } = detail.data.myAttendance;
  return (
    <span className={styles.meta}>
      <LeaveTag approved={leaveApproved} />
      {reason ? `原因：${reason}` : ''}
    </span>
  );
}

function MeetingItem({ m }: { m: MyMeeting }) {
  return (
    <List.Item>
      <Space direction="vertical" size={2} className={styles.item}>
        <span>
          <MeetingTypeTag type={m.type} />
          <Link to={`/meetings/${m.id}`} className={styles.title}>
            {m.topic}
          </Link>
        </span>
        <span className={styles.meta}>
          {formatCourtDateTime(m.startsAt)} · {m.place} · {m.orgUnitName}
        </span>
        <Space wrap size={4}>
          <Tag color={m.noticeReadAt ? 'default' : 'red'}>{m.noticeReadAt ? '通知已阅' : '通知未读'}</Tag>
          {m.myState !== 'pending' && <AttendanceTag state={m.myState} />}
          {m.myState === 'leave' && <LeaveApproval meetingId={m.id} />}
        </Space>
      </Space>
    </List.Item>
  );
}

/** 我的会议: the notices of meetings to come (with my request for leave), then my year's attendance. */
export function MyMeetingsCard() {
  const mine = useMyMeetings();
  if (mine.isPending) return <Skeleton active />;
  if (mine.isError) return <QueryErrorAlert error={mine.error} />;
  const now = Date.now();
  const isUpcoming = (m: MyMeeting) =>
    new Date(m.startsAt).getTime() >= now - 2 * 3_600_000 && (m.status === 'planned' || m.status === 'notified');
  const upcoming = mine.data.items.filter(isUpcoming);
  return (
    <Space direction="vertical" size="middle" className={styles.item}>
      <Card size="small" title={`待参加的会议（${String(upcoming.length)}）`} data-testid="mine-upcoming">
        {upcoming.length === 0 ? (
          <Empty className={styles.empty} description="暂无会议通知" />
        ) : (
          <List size="small" dataSource={upcoming} renderItem={(m) => <MeetingItem m={m} />} />
        )}
      </Card>
      <MyAttendanceCard />
    </Space>
  );
}
