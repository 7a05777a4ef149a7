import { Card, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { courtYear } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { HoursProgress } from './hours-tab.tsx';
import { useMyStudyHours } from './study.queries.ts';

/** 我的学时: this year's hours against the requirement, counted from the sessions attended. */
export function MyStudyCard() {
  const year = courtYear();
  const mine = useMyStudyHours(year);
  return (
    <Card size="small" title={`${String(year)}年学习学时`} data-testid="my-study-hours">
      {mine.isPending && <Skeleton active paragraph={{ rows: 1 }} />}
      {mine.isError && <QueryErrorAlert error={mine.error} />}
      {mine.data && (
        <>
          <HoursProgress earned={mine.data.earned} required={mine.data.required} />
          <Typography.Text type="secondary">
            已修 <span data-testid="my-study-earned">{mine.data.earned}</span> 学时
            {mine.data.required > 0 && `，年度应修 ${String(mine.data.required)} 学时`}
            {mine.data.behind &&
              `，落后于进度（应修 ${String(mine.data.pace)}），本年度还剩 ${String(mine.data.monthsLeft)} 个月`}
            。<Link to={`/study/hours/${mine.data.personId}`}>学习记录</Link>
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
