import { useState } from 'react';
import { Alert, Button, Flex, Form, Select, Table } from 'antd';
import {
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  excellentCapProblem,
  meetingNamed,
  type EvaluationGrade,
  type RoundDetail,
  type RoundSubject,
} from '@qizhi/domain';
import { FormProblem } from '../../platform/form-modal.tsx';
import { useMeeting, useMeetingPage } from '../meetings/meetings.queries.ts';
import { evaluationsApi } from './evaluations.api.ts';
import { useEvaluationSave } from './evaluations.queries.ts';

const gradeOptions = EVALUATION_GRADES.map((g) => ({ value: g, label: EVALUATION_GRADE_LABELS[g] }));

/** 支委会提出等次建议: a grade for every member, 优秀 within the cap (checked here and by the server). */
export function ProposalsPanel({ round }: { round: RoundDetail }) {
  const [grades, setGrades] = useState<Record<string, EvaluationGrade>>(() =>
    Object.fromEntries(round.subjects.map((s) => [s.id, s.proposedGrade ?? s.selfGrade ?? 'qualified'])),
  );
  const saver = useEvaluationSave({
    save: () =>
      evaluationsApi.propose(round.id, {
        grades: round.subjects.map((s) => ({ subjectId: s.id, grade: grades[s.id] ?? 'qualified' })),
      }),
    success: '已提出等次建议',
    showError: 'alert',
  });
  const cap = excellentCapProblem(Object.values(grades));
  return (
    <Flex vertical gap="small">
      <Alert
        type="info"
        showIcon
        title={`评为优秀的不超过参评党员的三分之一（本轮最多 ${String(round.maxExcellent)} 人）。`}
      />
      {cap && <Alert type="warning" showIcon title={cap} />}
      <FormProblem problem={saver.problem} />
      <Table<RoundSubject>
        size="small"
        rowKey="id"
        dataSource={round.subjects}
        pagination={false}
        columns={[
          { title: '党员', dataIndex: 'name', width: 100 },
          {
            title: '自评',
            dataIndex: 'selfGrade',
            width: 90,
            render: (g: EvaluationGrade | null) => (g ? EVALUATION_GRADE_LABELS[g] : '—'),
          },
          {
            title: '建议等次',
            key: 'grade',
            render: (_, s) => (
              <Select
                aria-label={`${s.name}的建议等次`}
                className="grade-select"
                value={grades[s.id]}
                options={gradeOptions}
                onChange={(g) => setGrades((all) => ({ ...all, [s.id]: g }))}
              />
            ),
          },
        ]}
      />
      <Flex justify="flex-end">
        <Button type="primary" loading={saver.saving} disabled={cap !== null} onClick={() => saver.save()}>
          提交支委会等次建议
        </Button>
      </Flex>
    </Flex>
  );
}

/** The adopted votes of one meeting (a resolution that failed decides nothing). */
function AdoptedVoteSelect(props: { meetingId: string; id?: string; value?: string; onChange?: (id: string) => void }) {
  const meeting = useMeeting(props.meetingId);
  const adopted = (meeting.data?.votes ?? []).filter((v) => v.adopted);
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      loading={meeting.isPending}
      notFoundContent="该会议没有通过的表决：请先在会议的“表决”中记录党员大会对评议等次的表决"
      options={adopted.map((v) => ({ value: v.id, label: `${v.subject}（${v.explanation}）` }))}
    />
  );
}

interface DecisionValues {
  meetingId: string;
  voteId: string;
}

/** 党员大会决定: the 支部党员大会 of the branch and its adopted vote; the grades as proposed. */
export function DecisionPanel({ round }: { round: RoundDetail }) {
  const [form] = Form.useForm<DecisionValues>();
  const meetingId = Form.useWatch('meetingId', form);
  const meetings = useMeetingPage({ orgUnitId: round.orgUnitId, type: 'branch_general', pageSize: 50 });
  const saver = useEvaluationSave({
    save: (v: DecisionValues) => evaluationsApi.decide(round.id, v),
    form,
    success: '已登记党员大会的决定',
    showError: 'alert',
  });
  return (
    <Form<DecisionValues> form={form} layout="vertical" onFinish={saver.save} id="decision">
      <FormProblem problem={saver.problem} />
      <Form.Item name="meetingId" label="支部党员大会" rules={[{ required: true, message: '请选择支部党员大会' }]}>
        <Select
          loading={meetings.isPending}
          options={(meetings.data?.items ?? []).map((m) => ({
            value: m.id,
            label: `${m.startsAt.slice(0, 10)} ${meetingNamed(m.type, m.topic)}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="voteId" label="通过的表决" rules={[{ required: true, message: '请选择通过的表决' }]}>
        {meetingId ? <AdoptedVoteSelect meetingId={meetingId} /> : <Select disabled placeholder="先选择会议" />}
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saver.saving}>
        登记党员大会的决定
      </Button>
    </Form>
  );
}
