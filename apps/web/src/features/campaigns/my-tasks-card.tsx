import { Card, Empty, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { TaskStateTag } from './campaign-labels.tsx';
import { useMyCampaignTasks } from './campaigns.queries.ts';

/** 我的活动任务: the tasks of the person and of their organisations, each opened to report on it. */
export function MyTasksCard() {
  const tasks = useMyCampaignTasks();
  return (
    <Card size="small" title="主题教育实践活动任务" data-testid="my-campaign-tasks">
      {tasks.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {tasks.isError && <QueryErrorAlert error={tasks.error} />}
      {tasks.data?.items.length === 0 && <Empty description="没有需要参加的活动任务" />}
      {tasks.data && tasks.data.items.length > 0 && (
        <List
          size="small"
          dataSource={tasks.data.items}
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
    </Card>
  );
}
