import { Alert, Col, Row, Skeleton, Table } from 'antd';
import { ApiError } from '../../platform/api.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import styles from './assessments.module.css';
import { useRankings } from './assessments.queries.ts';

/** 比学赶超 rankings by group and by member, when the court has turned them on. */
export function RankingsTab({ year }: { year: number }) {
  const rankings = useRankings(year);
  if (rankings.isPending) return <Skeleton active />;
  if (rankings.isError) {
    if (rankings.error instanceof ApiError && rankings.error.code === 'POINTS_RANKING_DISABLED')
      return (
        <Alert
          type="info"
          showIcon
          title="本院未开启“比学赶超”积分排名"
          description="积分排名默认关闭，可由院领导或支部书记在“一个中心”页面开启。"
        />
      );
    return <QueryErrorAlert error={rankings.error} />;
  }
  const r = rankings.data;
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={`${String(r.year)}年度积分计算办法`}
        description={r.formula}
        className={styles.formula}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Table
            size="small"
            rowKey="orgUnitId"
            title={() => '党小组排名'}
            pagination={false}
            dataSource={r.groups}
            columns={[
              { title: '名次', dataIndex: 'rank', width: 60 },
              { title: '党小组', dataIndex: 'orgUnitName' },
              { title: '人数', dataIndex: 'memberCount', width: 60 },
              { title: '平均积分', dataIndex: 'averagePoints', width: 90 },
            ]}
          />
        </Col>
        <Col xs={24} lg={15}>
          <Table
            size="small"
            rowKey="personId"
            title={() => '党员排名'}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={r.members}
            scroll={{ x: 520 }}
            columns={[
              { title: '名次', dataIndex: 'rank', width: 60 },
              { title: '姓名', dataIndex: 'name', width: 90 },
              { title: '党小组', dataIndex: 'orgUnitName' },
              { title: '目标', dataIndex: 'goals', width: 60 },
              { title: '出勤', dataIndex: 'attendance', width: 60, render: (a: number | null) => a ?? '—' },
              { title: '荣誉', dataIndex: 'honours', width: 60 },
              { title: '积分', dataIndex: 'total', width: 70 },
            ]}
          />
        </Col>
      </Row>
    </>
  );
}
