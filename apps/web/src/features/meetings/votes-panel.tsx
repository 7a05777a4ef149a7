import { Alert, Button, Flex, Form, Input, InputNumber, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import {
  RESOLUTION_KIND_LABELS,
  RESOLUTION_KINDS,
  voteAllowedAt,
  voteResultOf,
  type MeetingDetail,
  type ResolutionKind,
  type Vote,
  type VoteRequest,
} from '@qizhi/domain';
import { QuorumAlert } from './attendance-panel.tsx';
import { meetingsApi } from './meetings.api.ts';
import styles from './meetings.module.css';
import { useMeetingSave } from './meetings.queries.ts';
import { CorrectVoteButton } from './vote-correction-modal.tsx';
import { WrittenOpinionsField, type OpinionValues } from './written-opinions-field.tsx';

type VoteValues = Omit<VoteRequest, 'writtenOpinions'> & { writtenOpinions?: OpinionValues[] };

const KIND_OPTIONS = RESOLUTION_KINDS.map((k) => ({ value: k, label: RESOLUTION_KIND_LABELS[k] }));

/** What the rule asks of this kind of vote here, before it is taken: quorum, divisor, yes votes needed. */
function RuleBeforeVote({ meeting, kind }: { meeting: MeetingDetail; kind: ResolutionKind }) {
  const refusal = voteAllowedAt(kind, meeting.type);
  if (refusal) return <Alert type="warning" showIcon title={refusal} data-testid="vote-rule" />;
  const q = meeting.quorum;
  const r = voteResultOf({
    kind,
    meetingType: meeting.type,
    expected: q.entitled,
    present: q.present,
    yes: 0,
    no: 0,
    abstain: 0,
  });
  const part = r.quorum.rule === 'more_than_four_fifths' ? '五分之四' : '半数';
  const written = kind === 'admission' || kind === 'confirmation' ? '；未到会党员会前提交的书面意见计入票数' : '';
  return (
    <Alert
      type={r.quorum.reached ? 'info' : 'warning'}
      showIcon
      data-testid="vote-rule"
      title={`${RESOLUTION_KIND_LABELS[kind]}：到会有表决权党员须超过应到 ${String(q.entitled)} 人的${part}（需 ${String(r.quorum.needed)} 人，现到 ${String(q.present)} 人）；赞成票须超过${r.divisor.name} ${String(r.divisor.value)} 人的半数（需 ${String(r.needed)} 票）${written}`}
    />
  );
}

function VoteResult({ v }: { v: Vote }) {
  return (
    <Flex vertical gap={2}>
      <span>
        {v.adopted ? <Tag color="success">通过</Tag> : <Tag color="error">未通过</Tag>}
        <Typography.Text className={styles.note}>{v.explanation}</Typography.Text>
      </span>
      {v.todayRule && (
        <Typography.Text type="warning" className={styles.note}>
          {v.todayRule.explanation}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 表决: what it decides and the votes cast; whether it passes follows from the rules, never typed. */
export function VotesPanel({ meeting }: { meeting: MeetingDetail }) {
  const [form] = Form.useForm<VoteValues>();
  const kind = Form.useWatch('kind', form) ?? 'general_resolution';
  const editable = meeting.canManage && meeting.status !== 'closed' && meeting.status !== 'cancelled';
  const notYet = new Date(meeting.recordOpensAt).getTime() > Date.now();
  const record = useMeetingSave({
    save: (values: VoteValues) =>
      meetingsApi.recordVote(meeting.id, {
        ...values,
        writtenOpinions: (values.writtenOpinions ?? []).map((o) => ({
          ...o,
          submittedAt: o.submittedAt.toISOString(),
        })),
      }),
    form,
    showError: 'alert',
    success: (d) => `已记录表决：${d.votes[d.votes.length - 1]?.adopted ? '通过' : '未通过'}`,
    onSaved: () => form.resetFields(),
  });
  return (
    <Flex vertical gap="small">
      <QuorumAlert meeting={meeting} />
      <Table<Vote>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={meeting.votes}
        locale={{ emptyText: '尚无表决' }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '类型', dataIndex: 'kind', render: (k: ResolutionKind) => RESOLUTION_KIND_LABELS[k] },
          { title: '表决事项', dataIndex: 'subject' },
          {
            title: '应到/实到（有表决权）',
            key: 'n',
            render: (_: unknown, v) => `${String(v.entitled)}/${String(v.present)}`,
          },
          { title: '赞成', key: 'yes', render: (_: unknown, v) => v.totals.yes },
          { title: '反对', key: 'no', render: (_: unknown, v) => v.totals.no },
          { title: '弃权', key: 'abstain', render: (_: unknown, v) => v.totals.abstain },
          { title: '其中书面意见', key: 'written', render: (_: unknown, v) => v.written.count },
          {
            title: '通过所需赞成票',
            key: 'needed',
            render: (_: unknown, v) =>
              `${String(v.yesNeeded)}（超过${v.divisor.name}${String(v.divisor.value)}人的半数）`,
          },
          { title: '结果', key: 'result', render: (_: unknown, v) => <VoteResult v={v} /> },
          ...(meeting.canManage && meeting.status !== 'cancelled'
            ? [
                {
                  title: '操作',
                  key: 'correct',
                  render: (_: unknown, v: Vote) => <CorrectVoteButton meeting={meeting} vote={v} />,
                },
              ]
            : []),
        ]}
      />
      {editable && notYet && <Alert type="info" showIcon title="会议开始后才能记录表决结果" />}
      {editable && !notYet && (
        <Form
          form={form}
          layout="inline"
          name="vote"
          initialValues={{ kind: 'general_resolution', yes: 0, no: 0, abstain: 0 }}
          onFinish={record.save}
          onValuesChange={record.clearProblem}
          className={styles.inlineForm}
        >
          <Flex vertical gap="small" className={styles.fullWidth}>
            <RuleBeforeVote meeting={meeting} kind={kind} />
            <Flex wrap gap="small">
              <Form.Item name="kind" label="表决类型">
                <Select className={styles.wide} options={KIND_OPTIONS} aria-label="表决类型" />
              </Form.Item>
              <Form.Item name="subject" label="表决事项" rules={[{ required: true, message: '请填写表决事项' }]}>
                <Input className={styles.wide} />
              </Form.Item>
              <Form.Item name="yes" label="赞成">
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item name="no" label="反对">
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item name="abstain" label="弃权">
                <InputNumber min={0} />
              </Form.Item>
            </Flex>
            {(kind === 'admission' || kind === 'confirmation') && <WrittenOpinionsField meeting={meeting} />}
            {record.problem && <Alert type="error" showIcon title={record.problem} data-testid="vote-refusal" />}
            <Popconfirm
              title="表决结果记录后只能通过留痕的更正（须说明原因）修改，确定记录？"
              onConfirm={() => form.submit()}
            >
              <Button type="primary" loading={record.saving} className={styles.fitContent}>
                记录表决
              </Button>
            </Popconfirm>
          </Flex>
        </Form>
      )}
    </Flex>
  );
}
