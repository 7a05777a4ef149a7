import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useRosterStats } from '../members/members.queries.ts';

/** The key roster numbers, for those with 花名册统计. */
export function RosterSummaryCard() {
  const stats = useRosterStats();
  const count = (key: string) => stats.data?.byStatus.find((b) => b.key === key)?.count ?? 0;

  return (
    <Card title="花名册概况" extra={<Link to="/members/stats">查看统计</Link>}>
      {stats.isPending && <Skeleton active />}
      {stats.isError && <QueryErrorAlert error={stats.error} />}
      {stats.data && (
        <Row gutter={[16, 16]}>
          <Col xs={12} sm={8}>
            <Statistic title={`${stats.data.scopeName}党员总数`} value={stats.data.partyMembers} suffix="人" />
          </Col>
          <Col xs={12} sm={8}>
            <Statistic title="正式党员" value={count('full')} suffix="人" />
          </Col>
          <Col xs={12} sm={8}>
            <Statistic title="预备党员" value={count('probationary')} suffix="人" />
          </Col>
          <Col xs={12} sm={8}>
            <Statistic title="离退休党员" value={stats.data.retiredMembers} suffix="人" />
          </Col>
          <Col xs={12} sm={8}>
            <Statistic title={`${stats.data.scopeName}干警总数`} value={stats.data.totalStaff} suffix="人" />
          </Col>
        </Row>
      )}
    </Card>
  );
}
