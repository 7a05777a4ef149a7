import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Form, Input, List, Select, Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import {
  ASSESSMENT_GRADE_LABELS,
  courtYear,
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  FOLLOW_UP_MEASURE_LABELS,
  VOTER_POOL_LABELS,
  type SelfEvaluationRequest,
} from '@qizhi/domain';
import { FormProblem } from '../../platform/form-modal.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { MinutesEditor } from '../meetings/minutes-view.tsx';
import { DutyReportView } from './duty-report-view.tsx';
import { evaluationsApi } from './evaluations.api.ts';
import { useEvaluationSave, useMyAssessments, useMyDutyReport, useMyEvaluations } from './evaluations.queries.ts';
import { EvaluationGradeTag } from './evaluation-labels.tsx';
import styles from './evaluations.module.css';

function SelfEvaluationForm(props: { roundId: string; title: string; initial: Partial<SelfEvaluationRequest> }) {
  const [form] = Form.useForm<SelfEvaluationRequest>();
  const saver = useEvaluationSave({
    save: (v: SelfEvaluationRequest) => evaluationsApi.selfEvaluate(props.roundId, v),
    form,
    success: '个人自评已保存',
    showError: 'alert',
  });
  return (
    <Card size="small" title={`个人自评：${props.title}`}>
      <FormProblem problem={saver.problem} />
      <Form<SelfEvaluationRequest> form={form} layout="vertical" initialValues={props.initial} onFinish={saver.save}>
        <Form.Item name="grade" label="自评等次" rules={[{ required: true, message: '请选择自评等次' }]}>
          <Select options={EVALUATION_GRADES.map((g) => ({ value: g, label: EVALUATION_GRADE_LABELS[g] }))} />
        </Form.Item>
        <Form.Item name="text" label="自评内容" rules={[{ required: true, message: '请填写个人自评' }]}>
          <Input.TextArea rows={5} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saver.saving}>
          保存个人自评
        </Button>
      </Form>
    </Card>
  );
}

/** 民主评议党员 as the signed-in person sees it: ballots to cast, own self-evaluation, own published result. */
export function MyEvaluationsCard() {
  const mine = useMyEvaluations();
  if (mine.isPending) return <Skeleton active />;
  if (mine.isError) return <QueryErrorAlert error={mine.error} />;
  const { ballots, selfEvaluations, results } = mine.data;
  return (
    <Flex vertical gap="middle">
      {ballots.map((b) => (
        <Alert
          key={b.round.id}
          type={b.hasVoted ? 'success' : 'warning'}
          showIcon
          title={`${b.round.orgUnitName}${String(b.round.coveredYear)}年度民主评议（${VOTER_POOL_LABELS[b.round.pool]}）`}
          description={b.hasVoted ? '您已投票，谢谢参与。' : '请在手机或电脑上完成匿名投票。'}
          action={
            !b.hasVoted && (
              <Link to={`/evaluations/ballot/${b.round.id}`}>
                <Button type="primary">去投票</Button>
              </Link>
            )
          }
        />
      ))}
      {selfEvaluations.map((s) => (
        <SelfEvaluationForm
          key={s.round.id}
          roundId={s.round.id}
          title={`${String(s.round.coveredYear)}年度`}
          initial={{ grade: s.grade ?? undefined, text: s.text ?? undefined }}
        />
      ))}
      <Card size="small" title="民主评议党员结果（党支部评议，党员大会决定）" data-testid="my-evaluation-results">
        {results.length === 0 ? (
          <Empty className={styles.meta} description="暂无已公布的民主评议结果" />
        ) : (
          <List
            size="small"
            dataSource={results}
            renderItem={(r) => (
              <List.Item>
                <div>
                  <div>
                    {r.coveredYear}年度 <EvaluationGradeTag grade={r.finalGrade} />
                    <span className={styles.meta}>{VOTER_POOL_LABELS[r.pool]}</span>
                  </div>
                  {r.followUp && (
                    <div className={styles.meta}>
                      处置：{FOLLOW_UP_MEASURE_LABELS[r.followUp.measure]}
                      {r.followUp.dueOn && `，期限 ${r.followUp.dueOn}`}
                    </div>
                  )}
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}

/** 定期考核: the court's own quarterly assessment — shown apart from 民主评议, under its own name. */
export function MyAssessmentsCard() {
  const mine = useMyAssessments();
  if (mine.isPending) return <Skeleton active />;
  if (mine.isError) return <QueryErrorAlert error={mine.error} />;
  return (
    <Card size="small" title="定期考核结果（法院季度考核，不是民主评议）" data-testid="my-assessments">
      {mine.data.items.length === 0 ? (
        <Empty className={styles.meta} description="暂无定期考核结果" />
      ) : (
        <List
          size="small"
          dataSource={mine.data.items}
          renderItem={(a) => (
            <List.Item>
              {a.period} <Tag>{ASSESSMENT_GRADE_LABELS[a.grade]}</Tag>
              <span className={styles.meta}>{a.remarks}</span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 我的述职述廉报告 of last year (the year usually reported on), with commitment and goals beside it. */
export function MyDutyReportCard() {
  const year = courtYear() - 1;
  const mine = useMyDutyReport(year);
  const [editing, setEditing] = useState(false);
  const [content, setContent] = useState('');
  const saver = useEvaluationSave({
    save: () => evaluationsApi.saveMyDutyReport({ year, content }),
    success: '述职述廉报告已提交',
    showError: 'alert',
    onSaved: () => setEditing(false),
  });
  if (mine.isPending) return <Skeleton active />;
  if (mine.isError) return <QueryErrorAlert error={mine.error} />;
  const report = mine.data.report;
  return (
    <Card
      size="small"
      title={`${String(year)}年度述职述廉报告`}
      extra={
        !editing && (
          <Button
            size="small"
            onClick={() => {
              setContent(report?.content ?? '');
              setEditing(true);
            }}
          >
            {report ? '修改' : '撰写'}
          </Button>
        )
      }
    >
      {editing ? (
        <Flex vertical gap="small">
          <FormProblem problem={saver.problem} />
          <MinutesEditor initial={report?.content ?? ''} onChange={setContent} />
          <Flex gap="small">
            <Button type="primary" loading={saver.saving} onClick={() => saver.save()}>
              提交报告
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Flex>
        </Flex>
      ) : report ? (
        <DutyReportView report={report} />
      ) : (
        <Empty className={styles.meta} description="党组成员和支部委员每年对照公开承诺和目标述职述廉" />
      )}
    </Card>
  );
}
