import { useState } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Row,
  Select,
  Skeleton,
  Statistic,
  Steps,
  Table,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import {
  FOLLOW_UP_MEASURE_LABELS,
  FOLLOW_UP_MEASURES,
  ROUND_STEP_LABELS,
  ROUND_STEPS,
  type FollowUpMeasure,
  type RoundDetail,
  type RoundStep,
  type RoundSubject,
} from '@qizhi/domain';
import { isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { evaluationsApi, type RoundAction } from './evaluations.api.ts';
import { useEvaluationSave, useProgress, useRound } from './evaluations.queries.ts';
import { EvaluationGradeTag, PoolTag, RoundStepTag } from './evaluation-labels.tsx';
import { DecisionPanel, ProposalsPanel } from './grades-panel.tsx';
import { TallyTable } from './tally-table.tsx';
import styles from './evaluations.module.css';

/** The button that moves a round on from each step, where a button does it. */
const NEXT_ACTION: Partial<Record<RoundStep, { action: RoundAction; label: string; confirm: string }>> = {
  study: { action: 'start-self-evaluation', label: '进入个人自评', confirm: '参评党员将可以填写个人自评。' },
  self_evaluation: { action: 'open', label: '开始投票', confirm: '将按投票范围确定投票人，开始匿名投票。' },
  voting: { action: 'close', label: '结束投票', confirm: '结束后不能再投票，汇总结果在有效票达到规定张数时显示。' },
  decided: { action: 'publish', label: '公布结果', confirm: '参评党员将看到本人的评议等次。' },
};

function ProgressCard({ round }: { round: RoundDetail }) {
  const progress = useProgress(round.id, round.step === 'voting');
  const p = progress.data;
  return (
    <Card size="small" title="投票进度（只显示人数，不显示是谁）">
      {p ? (
        <Row gutter={12} data-testid="progress">
          <Col span={8}>
            <Statistic title="应投票" value={p.eligible} suffix="人" />
          </Col>
          <Col span={8}>
            <Statistic title="已投票" value={p.voted} suffix="人" />
          </Col>
          <Col span={8}>
            <Progress type="circle" size={64} percent={p.eligible ? Math.round((p.voted / p.eligible) * 100) : 0} />
          </Col>
        </Row>
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} />
      )}
    </Card>
  );
}

interface FollowUpValues {
  measure: FollowUpMeasure;
  dueOn?: Dayjs | null;
  notes?: string;
}

function FollowUpModal({
  round,
  subject,
  onClose,
}: {
  round: RoundDetail;
  subject: RoundSubject | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FollowUpValues>();
  const saver = useEvaluationSave({
    save: (v: FollowUpValues) =>
      evaluationsApi.followUp(round.id, subject?.id ?? '', {
        measure: v.measure,
        dueOn: v.dueOn ? isoDate(v.dueOn) : null,
        notes: v.notes ?? '',
      }),
    form,
    success: '已登记处置',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<FollowUpValues>
      open={subject !== null}
      title={`不合格党员处置：${subject?.name ?? ''}`}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{
        measure: subject?.followUp?.measure ?? 'rectify_within_limit',
        notes: subject?.followUp?.notes ?? '',
      }}
    >
      <Form.Item name="measure" label="处置措施">
        <Select options={FOLLOW_UP_MEASURES.map((m) => ({ value: m, label: FOLLOW_UP_MEASURE_LABELS[m] }))} />
      </Form.Item>
      <Form.Item name="dueOn" label="改正期限">
        <DatePicker />
      </Form.Item>
      <Form.Item name="notes" label="处置情况">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function SubjectsTable({ round, manage }: { round: RoundDetail; manage: boolean }) {
  const [following, setFollowing] = useState<RoundSubject | null>(null);
  const [reading, setReading] = useState<RoundSubject | null>(null);
  return (
    <>
      <Table<RoundSubject>
        size="small"
        rowKey="id"
        dataSource={round.subjects}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: '党员', dataIndex: 'name', width: 90, fixed: 'left' },
          {
            title: '个人自评',
            key: 'self',
            render: (_, s) =>
              s.selfText ? (
                <Button type="link" size="small" onClick={() => setReading(s)}>
                  <EvaluationGradeTag grade={s.selfGrade} />
                  查看
                </Button>
              ) : (
                '未填写'
              ),
          },
          { title: '支委会建议', key: 'proposed', render: (_, s) => <EvaluationGradeTag grade={s.proposedGrade} /> },
          { title: '党员大会决定', key: 'final', render: (_, s) => <EvaluationGradeTag grade={s.finalGrade} /> },
          {
            title: '不合格处置',
            key: 'followUp',
            render: (_, s) =>
              s.finalGrade !== 'unqualified' ? null : (
                <Flex gap="small" align="center" wrap>
                  {s.followUp && FOLLOW_UP_MEASURE_LABELS[s.followUp.measure]}
                  {s.followUp?.dueOn && `（${s.followUp.dueOn}前）`}
                  {manage && (
                    <Button size="small" onClick={() => setFollowing(s)}>
                      登记
                    </Button>
                  )}
                </Flex>
              ),
          },
        ]}
      />
      <FollowUpModal round={round} subject={following} onClose={() => setFollowing(null)} />
      <Modal
        open={reading !== null}
        title={`${reading?.name ?? ''}的个人自评`}
        footer={null}
        onCancel={() => setReading(null)}
      >
        <p className={styles.preWrap}>{reading?.selfText}</p>
      </Modal>
    </>
  );
}

/** 民主评议 of one branch and year: its steps, the progress of the ballots, the tally, grades and decision. */
export default function RoundDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const round = useRound(id);
  const act = useEvaluationSave({
    save: (action: RoundAction) => evaluationsApi.act(id, action),
    success: (r) => `评议进入“${ROUND_STEP_LABELS[r.step]}”`,
  });
  if (round.isError) return <QueryErrorAlert error={round.error} />;
  if (!round.data) return <Skeleton active />;
  const r = round.data;
  const manage = can('evaluations.manage');
  const next = NEXT_ACTION[r.step];
  const nextAction = r.pool === 'all_staff' && r.step === 'study' ? NEXT_ACTION.self_evaluation : next;
  return (
    <Flex vertical gap="middle">
      <Link to="/evaluations">← 民主评议党员</Link>
      <h1 className="page-title">
        {r.orgUnitName}
        {r.coveredYear}年度民主评议党员
      </h1>
      <Flex gap="small" wrap align="center">
        <PoolTag pool={r.pool} />
        <RoundStepTag step={r.step} />
        {r.meetingTitle && r.meetingId && <Link to={`/meetings/${r.meetingId}`}>{r.meetingTitle}</Link>}
        {manage && nextAction && (
          <Popconfirm
            title={nextAction.label}
            description={nextAction.confirm}
            okText="确定"
            cancelText="取消"
            onConfirm={() => act.save(nextAction.action)}
          >
            <Button type="primary" loading={act.saving}>
              {nextAction.label}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      <Steps
        size="small"
        current={ROUND_STEPS.indexOf(r.step)}
        items={ROUND_STEPS.map((s) => ({ title: ROUND_STEP_LABELS[s] }))}
        responsive
      />
      <ProgressCard round={r} />
      <Card size="small" title="汇总结果">
        <TallyTable round={r} />
      </Card>
      {manage && r.step === 'closed' && (
        <Card size="small" title="支委会提出等次建议">
          <ProposalsPanel round={r} />
        </Card>
      )}
      {manage && r.step === 'proposed' && (
        <Card size="small" title="支部党员大会决定">
          <DecisionPanel round={r} />
        </Card>
      )}
      <Card size="small" title={`参评党员（${String(r.subjects.length)}人）`}>
        <SubjectsTable round={r} manage={manage} />
      </Card>
    </Flex>
  );
}
