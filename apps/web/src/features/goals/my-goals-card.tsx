import { useState } from 'react';
import { Button, Card, Empty, Skeleton, Space } from 'antd';
import type { Goal } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useSession } from '../../platform/session.tsx';
import { GoalProgress, indicatorText, percent, ReportStatusTag } from './goal-labels.tsx';
import { thisYear, useMyGoals } from './goals-queries.ts';
import { ReportProgressModal } from './report-progress-modal.tsx';

/** 我的目标 on the home page: the goals decomposed to me, where each stands, and a button to report. */
export function MyGoalsCard() {
  const { user } = useSession();
  const year = thisYear();
  const mine = useMyGoals(year);
  const [reporting, setReporting] = useState<Goal | null>(null);
  if (user.personId === null) return null;
  if (mine.data && mine.data.items.length === 0) return null;
  return (
    <Card
      style={{ marginTop: 16 }}
      title={`我的${String(year)}年度目标`}
      extra={mine.data ? `完成度 ${percent(mine.data.completion)}` : null}
    >
      {mine.isPending && <Skeleton active />}
      {mine.isError && <QueryErrorAlert error={mine.error} />}
      {mine.data && mine.data.items.length === 0 && <Empty description="本年度没有分解给您的目标" />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {mine.data?.items.map((g) => (
          <div key={g.id} data-testid="my-goal">
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
              <span style={{ fontWeight: 500 }}>{g.title}</span>
              <span style={{ color: '#8c8c8c', fontSize: 12 }}>
                {indicatorText(g)}
                {g.deadline ? ` · 期限 ${g.deadline}` : ''}
              </span>
            </div>
            <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
              <div style={{ flex: 1, minWidth: 160 }}>
                <GoalProgress goal={g} />
              </div>
              {g.lastReport && <ReportStatusTag status={g.lastReport.status} />}
              {g.progress < 1 && (
                <Button size="small" onClick={() => setReporting(g)}>
                  报告进度
                </Button>
              )}
            </div>
            {g.lastReport?.status === 'returned' && g.lastReport.reviewNote && (
              <div style={{ color: '#d46b08', fontSize: 12 }}>退回意见：{g.lastReport.reviewNote}</div>
            )}
          </div>
        ))}
      </Space>
      <ReportProgressModal goal={reporting} onClose={() => setReporting(null)} />
    </Card>
  );
}
