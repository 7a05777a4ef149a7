import { useState } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_GRADES,
  assessmentPeriodOf,
  previousAssessmentPeriod,
  type AssessmentGrade,
  type AssessmentRow,
  type AssessmentsResponse,
  type SaveAssessmentRequest,
} from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { queryClient } from '../../platform/query-client.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { percent } from '../goals/goal-labels.tsx';
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
  const list = [assessmentPeriodOf(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10))];
  for (let i = 0; i < 7; i++) list.push(previousAssessmentPeriod(list[list.length - 1]!));
  return list;
}

/** 定期考核: each member's goal completion for the quarter, the assessor's grade, and each group's results. */
export default function AssessmentsPage() {
  const can = useCan();
  const { message } = App.useApp();
  const periods = recentPeriods();
  const [period, setPeriod] = useState(periods[0]!);
  const data = useQuery({
    queryKey: ['assessments', period],
    queryFn: () => api.get<AssessmentsResponse>('/api/assessments', { period }),
  });
  const [grading, setGrading] = useState<AssessmentRow | null>(null);
  const [form] = Form.useForm<{ grade: AssessmentGrade; remarks?: string }>();

  async function save(values: { grade: AssessmentGrade; remarks?: string }) {
    if (!grading) return;
    try {
      const body: SaveAssessmentRequest = {
        period,
        personId: grading.personId,
        grade: values.grade,
        remarks: values.remarks ?? '',
      };
      await api.post('/api/assessments', body);
      void message.success('已评定');
      setGrading(null);
      await queryClient.invalidateQueries({ queryKey: ['assessments'] });
    } catch (error) {
      void message.error(errorMessage(error));
    }
  }

  const table = data.data && (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        {data.data.groups.map((g) => (
          <Col key={g.orgUnitId ?? 'none'} xs={12} md={6}>
            <Card size="small" title={g.orgUnitName}>
              <Statistic title="平均完成度" value={percent(g.averageCompletion)} />
              <div style={{ fontSize: 12, color: '#595959' }}>
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
                        form.setFieldsValue({ grade: r.grade ?? r.suggestedGrade ?? 'good', remarks: r.remarks ?? '' });
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
    </Space>
  );

  return (
    <Card>
      <div className="page-toolbar">
        <h1 className="page-title">定期考核</h1>
        <Space className="no-print">
          <Select
            value={period}
            onChange={setPeriod}
            style={{ width: 140 }}
            aria-label="考核期"
            options={periods.map((p) => ({ value: p, label: p.replace('-Q', '年第') + '季度' }))}
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
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
      <Modal
        open={grading !== null}
        title={grading ? `评定：${grading.name}（目标完成度 ${percent(grading.completion)}）` : ''}
        okText="保存"
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setGrading(null)}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="grade" label="考核等次" rules={[{ required: true }]}>
            <Select options={ASSESSMENT_GRADES.map((g) => ({ value: g, label: ASSESSMENT_GRADE_LABELS[g] }))} />
          </Form.Item>
          <Form.Item name="remarks" label="评语">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
