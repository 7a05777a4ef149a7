import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { RESOLUTION_KIND_LABELS, type MeetingDetail, type Vote, type VoteCorrectionRequest } from '@qizhi/domain';
import { meetingsApi } from './meetings.api.ts';
import styles from './meetings.module.css';
import { useMeetingSave } from './meetings.queries.ts';

/**
 * 更正表决: the only way a recorded vote changes. The reason is required; the server computes the
 * result again and keeps the vote as it was in the 更正记录 and the audit log.
 */
export function CorrectVoteButton({ meeting, vote }: { meeting: MeetingDetail; vote: Vote }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<VoteCorrectionRequest>();
  const correct = useMeetingSave({
    save: (values: VoteCorrectionRequest) =>
      meetingsApi.correctVote(meeting.id, vote.id, { ...values, reason: values.reason.trim() }),
    form,
    showError: 'alert',
    success: (d) => {
      const v = d.votes.find((x) => x.id === vote.id);
      return `已更正表决：${v?.adopted ? '通过' : '未通过'}，更正前的结果保存在更正记录中`;
    },
    onSaved: () => setOpen(false),
  });
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)}>
        更正
      </Button>
      <Modal
        open={open}
        title={`更正表决：${RESOLUTION_KIND_LABELS[vote.kind]}「${vote.subject}」`}
        okText="确认更正"
        confirmLoading={correct.saving}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Flex vertical gap="small">
          <Alert
            type="warning"
            showIcon
            title={`按表决时记录的应到 ${String(vote.entitled)} 人、实到 ${String(vote.present)} 人重新计算结果；更正前的表决保存在更正记录中并记入审计日志。`}
          />
          {correct.problem && <Alert type="error" showIcon title={correct.problem} />}
          <Form<VoteCorrectionRequest>
            form={form}
            layout="vertical"
            name="vote-correction"
            preserve={false}
            initialValues={{ subject: vote.subject, yes: vote.yes, no: vote.no, abstain: vote.abstain, reason: '' }}
            onFinish={correct.save}
            onValuesChange={correct.clearProblem}
          >
            <Form.Item
              name="reason"
              label="更正原因"
              rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}
            >
              <Input.TextArea maxLength={500} rows={2} placeholder="如：计票时漏计一组选票，经监票人复核" />
            </Form.Item>
            <Form.Item name="subject" label="表决事项" rules={[{ required: true, message: '请填写表决事项' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Flex wrap gap="small">
              <Form.Item name="yes" label="到会赞成">
                <InputNumber min={0} className={styles.fitContent} />
              </Form.Item>
              <Form.Item name="no" label="反对">
                <InputNumber min={0} className={styles.fitContent} />
              </Form.Item>
              <Form.Item name="abstain" label="弃权">
                <InputNumber min={0} className={styles.fitContent} />
              </Form.Item>
            </Flex>
          </Form>
        </Flex>
      </Modal>
    </>
  );
}
