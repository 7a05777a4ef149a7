import { BellOutlined } from '@ant-design/icons';
import { Card, Empty, List, Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import type { Reminder } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useReminders } from '../compliance/compliance.queries.ts';

const SEVERITY: Record<Reminder['severity'], string> = { info: 'blue', warning: 'orange', danger: 'red' };
const KIND: Record<Reminder['kind'], string> = {
  meetingToAttend: '会议通知',
  meetingToHold: '应开会议',
  minutesOverdue: '会议记录',
  taskDue: '后续任务',
  absentMember: '组织生活',
};

/** 待办提醒: meetings to attend, minutes overdue, tasks due and, for secretaries, what to hold and who is drifting. */
export function MeetingRemindersCard() {
  const reminders = useReminders();
  return (
    <Card
      title={
        <span>
          <BellOutlined /> 待办提醒
        </span>
      }
      data-testid="reminders-card"
    >
      {reminders.isPending && <Skeleton active />}
      {reminders.isError && <QueryErrorAlert error={reminders.error} />}
      {reminders.data && reminders.data.items.length === 0 && <Empty description="暂无待办事项" />}
      {reminders.data && reminders.data.items.length > 0 && (
        <List
          size="small"
          dataSource={reminders.data.items}
          pagination={reminders.data.items.length > 8 ? { pageSize: 8, size: 'small' } : false}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={SEVERITY[r.severity]}>{KIND[r.kind]}</Tag>
                    {r.link ? <Link to={r.link}>{r.title}</Link> : r.title}
                  </span>
                }
                description={r.detail}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
