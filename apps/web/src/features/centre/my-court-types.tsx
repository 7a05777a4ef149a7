import { Card, Col, Progress, Row, Skeleton, Typography } from 'antd';
import { COURT_TYPE_LABELS, COURT_TYPES, weightedProgress, type CourtType } from '@qizhi/domain';
import { useMyGoals } from '../goals/goals.queries.ts';
import styles from './centre.module.css';

/**
 * The six court types for someone who does not read the court's goals: each type with the figures
 * they may see — their own goals in it and how far those are.
 */
export function MyCourtTypes({ year }: { year: number }) {
  const mine = useMyGoals(year);
  if (mine.isPending) return <Skeleton active />;
  const items = mine.data?.items ?? [];
  const of = (type: CourtType) => items.filter((g) => g.dimension === type);
  return (
    <Row gutter={[16, 16]}>
      {COURT_TYPES.map((type) => {
        const goals = of(type);
        const progress = weightedProgress(goals);
        return (
          <Col key={type} xs={12} md={8} xl={4}>
            <Card size="small" title={`${COURT_TYPE_LABELS[type]}法院`} data-testid={`court-type-${type}`}>
              {progress === null ? (
                <Typography.Text type="secondary">本人暂无此类目标</Typography.Text>
              ) : (
                <>
                  <Progress type="circle" size={72} percent={Math.round(progress * 100)} />
                  <div className={styles.note}>本人目标 {goals.length} 项</div>
                </>
              )}
            </Card>
          </Col>
        );
      })}
      <Col span={24}>
        <Typography.Text type="secondary" className={styles.note}>
          显示的是本人承担的目标；全院各类目标的完成情况由院领导、支部书记和党务干事查看。
        </Typography.Text>
      </Col>
    </Row>
  );
}
