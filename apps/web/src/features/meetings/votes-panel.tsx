import { Button, Flex, Form, Input, InputNumber, Popconfirm, Select, Table, Tag } from 'antd';
import { VOTE_KIND_LABELS, VOTE_KINDS, type MeetingDetail, type Vote, type VoteRequest } from '@qizhi/domain';
import { QuorumAlert } from './attendance-panel.tsx';
import { meetingsApi } from './meetings.api.ts';
import styles from './meetings.module.css';
import { useMeetingSave } from './meetings.queries.ts';

/** 表决: counts only; whether it passes follows from the quorum rules, never typed. */
export function VotesPanel({ meeting }: { meeting: MeetingDetail }) {
  const [form] = Form.useForm<VoteRequest>();
  const editable = meeting.canManage && meeting.status !== 'closed' && meeting.status !== 'cancelled';
  const record = useMeetingSave({
    save: (body: VoteRequest) => meetingsApi.recordVote(meeting.id, body),
    form,
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
          { title: '表决事项', dataIndex: 'subject' },
          {
            title: '应到/实到（有表决权）',
            key: 'n',
            render: (_: unknown, v) => `${String(v.entitled)}/${String(v.present)}`,
          },
          { title: '赞成', dataIndex: 'yes' },
          { title: '反对', dataIndex: 'no' },
          { title: '弃权', dataIndex: 'abstain' },
          { title: '通过所需赞成票', dataIndex: 'yesNeeded' },
          {
            title: '结果',
            dataIndex: 'adopted',
            render: (a: boolean) => (a ? <Tag color="success">通过</Tag> : <Tag color="error">未通过</Tag>),
          },
        ]}
      />
      {editable && (
        <Form
          form={form}
          layout="inline"
          name="vote"
          initialValues={{ kind: 'resolution', yes: 0, no: 0, abstain: 0 }}
          onFinish={record.save}
          className={styles.inlineForm}
        >
          <Form.Item name="kind" label="类型">
            <Select
              className={styles.wide}
              options={VOTE_KINDS.map((k) => ({ value: k, label: VOTE_KIND_LABELS[k] }))}
            />
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
          <Popconfirm
            title="表决结果记录后只能通过留痕的修订更正，确定记录？"
            disabled={meeting.quorum.applies && !meeting.quorum.reached}
            onConfirm={() => form.submit()}
          >
            <Button type="primary" loading={record.saving} disabled={meeting.quorum.applies && !meeting.quorum.reached}>
              记录表决
            </Button>
          </Popconfirm>
        </Form>
      )}
    </Flex>
  );
}
