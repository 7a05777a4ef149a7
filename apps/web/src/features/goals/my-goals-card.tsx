import { useState } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { courtYear, GOAL_PROGRESS_SOURCE_NOTES, type Goal, type MyGoal } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan, useSession } from '../../platform/session.tsx';
import { GoalProgress, indicatorText, percent, ReportStatusTag } from './goal-labels.tsx';
import styles from './goals.module.css';
import { useMyGoals } from './goals.queries.ts';
import { ReportProgressModal } from './report-progress-modal.tsx';

function MyGoalItem({ goal: g, onReport }: { goal: MyGoal; onReport: (goal: Goal) => void }) {
  const can = useCan();
  return (
    <div data-testid="my-goal">
      <Flex justify="space-between" gap={8} wrap>
        {/* Those who may read the tree open the goal where it sits in it. */}
        {can('goals.read') ? (
          <Link to={`/goals?goal=${g.id}`} className={styles.goalTitle}>
            {g.title}
          </Link>
        ) : (
          <span className={styles.goalTitle}>{g.title}</span>
        )}
        <Typography.Text type="secondary" className={styles.small}>
          {indicatorText(g)}
          {g.deadline ? ` · 期限 ${g.deadline}` : ''}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={8} wrap>
        <div className={styles.progressCell}>
          <GoalProgress goal={g} />
        </div>
        {g.lastReport && <ReportStatusTag status={g.lastReport.status} />}
        {/* What the system counts (学时台账, 会议出勤) is never asked of the member. */}
        {g.progressSource !== 'report' ? (
          <Tag color="blue">{GOAL_PROGRESS_SOURCE_NOTES[g.progressSource]}</Tag>
        ) : (
          g.progress < 1 && (
            <Button size="small" onClick={() => onReport(g)}>
              报告进度
            </Button>
          )
        )}
      </Flex>
      {g.lastReport?.status === 'returned' && g.lastReport.reviewNote && (
        <Typography.Text type="warning" className={styles.small}>
          退回意见：{g.lastReport.reviewNote}
        </Typography.Text>
      )}
    </div>
  );
}

/** 我的目标 on the home page: the goals decomposed to me, where each stands, and a button to report. */
export function MyGoalsCard() {
  const { user } = useSession();
  const year = courtYear();
  const mine = useMyGoals(year);
  const [reporting, setReporting] = useState<Goal | null>(null);
  if (user.personId === null) return null;
  if (mine.data && mine.data.items.length === 0) return null;
  return (
    <Card
      className={styles.homeCard}
      title={`我的${String(year)}年度目标`}
      extra={mine.data ? `完成度 ${percent(mine.data.completion)}` : null}
    >
      {mine.isPending && <Skeleton active />}
      {mine.isError && <QueryErrorAlert error={mine.error} />}
      {mine.data && mine.data.items.length === 0 && <Empty description="本年度没有分解给您的目标" />}
      <Flex vertical gap="middle">
        {mine.data?.items.map((g) => (
          <MyGoalItem key={g.id} goal={g} onReport={setReporting} />
        ))}
      </Flex>
      <ReportProgressModal goal={reporting} onClose={() => setReporting(null)} />
    </Card>
  );
}
