import { Card, Empty, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { TaskStateTag } from './campaign-labels.tsx';
import { useMyCampaignTasks } from './campaigns.queries.ts';

/**
 * 我的活动任务: the tasks of the person and of their organisations still to do, each opened to report on
 * it; those done are counted (the seeded past campaigns alone are dozens).
 */
export function MyTasksCard() {
  const tasks = useMyCampaignTasks();
  const pending = tasks.data?.items.filter((t) => t.state !== 'done') ?? [];
  const done = (tasks.data?.items.length ?? 0) - pending.length;
  return (
    <Card size="small" title="主题教育实践活动任务" data-testid="my-campaign-tasks">
      {tasks.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {tasks.isError && <QueryErrorAlert error={tasks.error} />}
      {tasks.data && pending.length === 0 && <Empty description="没有待完成的活动任务" />}
      {pending.length > 0 && (
        <List
          size="small"
          dataSource={pending}
          renderItem={(t) => (
            <List.Item extra={<TaskStateTag state={t.state} />}>
              <List.Item.Meta
                title={<Link to={`/campaigns/tasks/${t.id}`}>{t.title}</Link>}
                description={
                  <Typography.Text type="secondary">
                    {t.campaignTitle} · {t.phaseName} · {t.assigneeName} · {t.dueOn}前
                    {t.myReport ? (t.myReport.done ? ' · 我已报告完成' : ' · 我已报告参加') : ''}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
      {done > 0 && <Typography.Text type="secondary">已完成 {done} 项任务</Typography.Text>}
    </Card>
  );
}
