import { useState } from 'react';
import { Button, Card, Col, Flex, Row, Select, Skeleton, Space, Statistic, Table, Tabs, Tag } from 'antd';
import {
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_GRADES,
  assessmentPeriodOf,
  courtToday,
  previousAssessmentPeriod,
  type AssessmentGrade,
  type AssessmentRow,
} from '@qizhi/domain';
import { PrintButton } from '../../platform/print-button.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { percent } from '../goals/goal-labels.tsx';
import styles from './assessments.module.css';
import { useAssessments } from './assessments.queries.ts';
import { GradeModal } from './grade-modal.tsx';
import { RankingsTab } from './rankings-tab.tsx';

const GRADE_COLORS: Record<AssessmentGrade, string> = {
  excellent: 'red',
  good: 'orange',
  fair: 'blue',
  poor: 'default',
};

function GradeTag({ grade }: { grade: AssessmentGrade | null }) {
  return grade ? <Tag color={GRADE_COLORS[grade]}>{ASSESSMENT_GRADE_LABELS[grade]}</Tag> : <Tag>未评定</Tag>;
}

function recentPeriods(): string[] {
  const list = [assessmentPeriodOf(courtToday())];
  for (let i = 0; i < 7; i++) list.push(previousAssessmentPeriod(list[list.length - 1]!));
  return list;
}

/** 定期考核: each member's goal completion for the quarter, the assessor's grade, and each group's results. */
export default function AssessmentsPage() {
  const can = useCan();
  const periods = recentPeriods();
  const [period, setPeriod] = useState(periods[0]!);
  const data = useAssessments(period);
  const [grading, setGrading] = useState<AssessmentRow | null>(null);

  const table = data.data && (
    <Flex vertical gap="middle">
      <Row gutter={[12, 12]}>
        {data.data.groups.map((g) => (
          <Col key={g.orgUnitId ?? 'none'} xs={12} md={6}>
            <Card size="small" title={g.orgUnitName}>
              <Statistic title="平均完成度" value={percent(g.averageCompletion)} />
              <div className={styles.grades}>
                已评定{g.assessedCount}/{g.memberCount}人：
                {ASSESSMENT_GRADES.map((k) => `${ASSESSMENT_GRADE_LABELS[k]}${String(g.grades[k])}`).join('、')}
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      <Table<AssessmentRow>
        size="small"
        rowKey="personId"
        dataSource={data.data.items}
        pagination={false}
        scroll={{ x: 820 }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90, fixed: 'left' },
          { title: '党小组', dataIndex: 'orgUnitName', width: 170 },
          { title: '目标', dataIndex: 'goalCount', width: 60 },
          { title: '目标完成度', dataIndex: 'completion', width: 100, render: (c: number | null) => percent(c) },
          {
            title: '参考等次',
            dataIndex: 'suggestedGrade',
            width: 90,
            render: (g: AssessmentGrade | null) => (g ? ASSESSMENT_GRADE_LABELS[g] : '—'),
          },
          {
            title: '考核等次',
            dataIndex: 'grade',
            width: 90,
            render: (g: AssessmentGrade | null) => <GradeTag grade={g} />,
          },
          { title: '评语', dataIndex: 'remarks' },
          ...(can('assessments.manage')
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 70,
                  className: 'no-print',
                  render: (_: unknown, r: AssessmentRow) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setGrading(r);
                      }}
                    >
                      评定
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );

  return (
    <Card>
      <div className="page-toolbar">
        <h1 className="page-title">定期考核</h1>
        <Space className="no-print">
          <Select
            value={period}
            onChange={setPeriod}
            className={styles.period}
            aria-label="考核期"
            options={periods.map((p) => ({ value: p, label: p.replace('-Q', '年第') + '季度' }))}
          />
          <PrintButton />
        </Space>
      </div>
      <Tabs
        items={[
          {
            key: 'assessments',
            label: '季度考核',
            children: data.isPending ? (
              <Skeleton active />
            ) : data.isError ? (
              <QueryErrorAlert error={data.error} />
            ) : (
              table
            ),
          },
          { key: 'rankings', label: '比学赶超', children: <RankingsTab year={Number(period.slice(0, 4))} /> },
        ]}
      />
      <GradeModal period={period} row={grading} onClose={() => setGrading(null)} />
    </Card>
  );
}
