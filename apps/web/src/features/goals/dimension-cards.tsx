import { Card, Col, Empty, Progress, Row, Skeleton, Typography } from 'antd';
import { COURT_TYPE_LABELS } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import styles from './goals.module.css';
import { useDimensions } from './goals.queries.ts';

/** 六型法院: how each court type is doing this year, for the leadership. */
export function DimensionCards({ year }: { year: number }) {
  const dims = useDimensions(year);
  if (dims.isPending) return <Skeleton active />;
  if (dims.isError) return <QueryErrorAlert error={dims.error} />;
  if (dims.data.items.every((d) => d.goalCount === 0)) return <Empty description="本年度还没有党建目标" />;
  return (
    <Row gutter={[12, 12]}>
      {dims.data.items.map((d) => (
        <Col key={d.dimension} xs={12} sm={8} lg={4}>
          <Card size="small" className={styles.dimensionCard}>
            <div className={styles.dimensionName}>{COURT_TYPE_LABELS[d.dimension]}法院</div>
            <Progress
              type="dashboard"
              size={96}
              percent={d.progress === null ? 0 : Math.round(d.progress * 1000) / 10}
              status={d.overdueCount > 0 ? 'exception' : d.progress === 1 ? 'success' : 'normal'}
              format={(p) => (d.progress === null ? '—' : `${String(p ?? 0)}%`)}
            />
            <div className={styles.dimensionCounts}>
              目标{d.goalCount}项 · 完成{d.metCount}项
              {d.overdueCount > 0 && <Typography.Text type="danger"> · 逾期{d.overdueCount}项</Typography.Text>}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
