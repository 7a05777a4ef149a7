import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton, Statistic, Table } from 'antd';
import { COURT_TYPE_LABELS, GOAL_LEVEL_LABELS, type GoalListItem as Goal } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { GoalProgress, indicatorText, percent } from './goal-labels.tsx';
import styles from './goals.module.css';
import { useGoalSummary } from './goals.queries.ts';

/** 年度总结: the year's numbers by level and by court type, and what is late — printable. */
export function GoalSummaryTab({ year }: { year: number }) {
  const summary = useGoalSummary(year);
  if (summary.isPending) return <Skeleton active />;
  if (summary.isError) return <QueryErrorAlert error={summary.error} />;
  const s = summary.data;
  return (
    <Flex vertical gap="middle">
      <div className="page-toolbar">
        <h2 className="page-title">{year}年度党建目标完成情况</h2>
        <Button icon={<PrinterOutlined />} className="no-print" onClick={() => window.print()}>
          打印
        </Button>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={6}>
          <Statistic title="总体完成度" value={percent(s.overallProgress)} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title="目标总数" value={s.goalCount} suffix="项" />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title="已完成" value={s.metCount} suffix="项" />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title="逾期未完成"
            value={s.lateCount}
            suffix="项"
            className={s.lateCount > 0 ? styles.late : undefined}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="按层级">
            <Table
              size="small"
              rowKey="level"
              pagination={false}
              dataSource={s.levels}
              columns={[
                { title: '层级', dataIndex: 'level', render: (l: Goal['level']) => GOAL_LEVEL_LABELS[l] },
                { title: '目标', dataIndex: 'goalCount' },
                { title: '完成', dataIndex: 'metCount' },
                { title: '逾期', dataIndex: 'lateCount' },
                { title: '平均完成度', dataIndex: 'averageProgress', render: (p: number | null) => percent(p) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="按六型法院维度">
            <Table
              size="small"
              rowKey="dimension"
              pagination={false}
              dataSource={s.dimensions}
              columns={[
                { title: '维度', dataIndex: 'dimension', render: (d: Goal['dimension']) => COURT_TYPE_LABELS[d] },
                { title: '目标', dataIndex: 'goalCount' },
                { title: '完成', dataIndex: 'metCount' },
                { title: '逾期', dataIndex: 'overdueCount' },
                { title: '完成度', dataIndex: 'progress', render: (p: number | null) => percent(p) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`逾期未完成的目标（${String(s.lateCount)}项）`}>
        <Table<Goal>
          size="small"
          rowKey="id"
          dataSource={s.late}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 700 }}
          columns={[
            { title: '目标', dataIndex: 'title' },
            { title: '责任主体', dataIndex: 'ownerName', width: 140 },
            { title: '期限', dataIndex: 'deadline', width: 110 },
            { title: '指标', key: 'indicator', width: 120, render: (_: unknown, g) => indicatorText(g) },
            {
              title: '完成度',
              key: 'progress',
              width: 180,
              render: (_: unknown, g) => <GoalProgress goal={g} compact />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
