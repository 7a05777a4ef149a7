import { useState } from 'react';
import { Card, Empty, List, Skeleton, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { courtYear, formatCourtDateTime, type MyAttendanceItem } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { YearSelect } from '../goals/year-select.tsx';
import { AttendanceTag, MeetingTypeTag } from '../meetings/meeting-labels.tsx';
import { useMyAttendance } from './mine.queries.ts';
import styles from './mine.module.css';

export function LeaveTag({ approved }: { approved: boolean }) {
  return <Tag color={approved ? 'success' : 'warning'}>{approved ? '请假已批准' : '请假待批准'}</Tag>;
}

function AttendanceItem({ m }: { m: MyAttendanceItem }) {
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
          {formatCourtDateTime(m.startsAt)} · {m.orgUnitName}
        </span>
        <Space wrap size={4}>
          {m.exempt ? <Tag>免于参会</Tag> : <AttendanceTag state={m.myState} />}
          {m.myState === 'leave' && <LeaveTag approved={m.leaveApproved} />}
          {m.reason && <span className={styles.meta}>原因：{m.reason}</span>}
        </Space>
      </Space>
    </List.Item>
  );
}

/** 我的出席: a year of my meetings held so far, with what was recorded of me. */
export function MyAttendanceCard() {
  const [year, setYear] = useState(courtYear());
  const attendance = useMyAttendance(year);
  const now = Date.now();
  const held = (attendance.data?.items ?? []).filter((m) => new Date(m.startsAt).getTime() < now);
  const s = attendance.data?.summary;
  return (
    <Card
      size="small"
      title="我的出席记录"
      extra={<YearSelect value={year} onChange={setYear} />}
      data-testid="mine-past"
    >
      {attendance.isPending && <Skeleton active />}
      {attendance.isError && <QueryErrorAlert error={attendance.error} />}
      {s && (
        <div className={styles.meta}>
          出席 {s.present} 次 · 请假 {s.leave} 次 · 缺席 {s.absent} 次 · 未登记 {s.pending} 次
        </div>
      )}
      {attendance.data &&
        (held.length === 0 ? (
          <Empty className={styles.empty} description="本年度还没有已召开的会议" />
        ) : (
          <List
            size="small"
            dataSource={held}
            pagination={held.length > 10 ? { pageSize: 10, size: 'small' } : false}
            renderItem={(m) => <AttendanceItem m={m} />}
          />
        ))}
    </Card>
  );
}
