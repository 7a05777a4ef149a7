import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import type { RosterStats } from '@qizhi/domain';
import { PrintButton } from '../../platform/print-button.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useRosterStats } from '../members/members.queries.ts';
import { StatsCard } from './stats-card.tsx';
import styles from './stats.module.css';

type BucketField = {
  [K in keyof RosterStats]: RosterStats[K] extends { key: string }[] ? K : never;
}[keyof RosterStats];

/** The development stages in the party's colours, deepest red for 正式党员. */
const STATUS_COLORS: Readonly<Record<string, string>> = {
  full: '#c8161d',
  probationary: '#e8622c',
  candidate: '#f2a93b',
  activist: '#fadb14',
  applicant: '#5b8ff9',
  non_party: '#bfbfbf',
};

const CHARTS: { field: BucketField; title: string; kind: 'pie' | 'bar'; colors?: Readonly<Record<string, string>> }[] =
  [
    { field: 'byStatus', title: '人员类别', kind: 'pie', colors: STATUS_COLORS },
    { field: 'byOrgUnit', title: '各党组织党员人数', kind: 'bar' },
    { field: 'byGender', title: '性别', kind: 'pie' },
    { field: 'byEthnicity', title: '民族', kind: 'pie' },
    { field: 'byEducation', title: '学历', kind: 'pie' },
    { field: 'byAgeBand', title: '年龄段', kind: 'bar' },
    { field: 'byPartyAge', title: '党龄', kind: 'bar' },
    { field: 'byDepartmentKind', title: '部门类别', kind: 'pie' },
  ];

export default function StatsPage() {
  const stats = useRosterStats();
  if (stats.isPending) return <Skeleton active />;
  if (stats.isError) return <QueryErrorAlert error={stats.error} />;
  const s = stats.data;

  return (
    <>
      <Card className={styles.summary}>
        <div className="page-toolbar">
          <h1>花名册统计</h1>
          <PrintButton className="no-print" />
        </div>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={`${s.scopeName}干警总数`} value={s.totalStaff} suffix="人" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={`${s.scopeName}党员总数`} value={s.partyMembers} suffix="人" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="离退休党员" value={s.retiredMembers} suffix="人" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="离退休党员占比" value={(s.retiredShare * 100).toFixed(1)} suffix="%" />
          </Col>
        </Row>
        <div className={styles.note}>
          统计范围：{s.scopeName}（按您可查看的党组织计）。党员总数含正式党员和预备党员。
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        {CHARTS.map((chart) => (
          <Col key={chart.field} xs={24} lg={12}>
            <StatsCard title={chart.title} kind={chart.kind} buckets={s[chart.field]} colors={chart.colors} />
          </Col>
        ))}
      </Row>
    </>
  );
}
