import { useState } from 'react';
import { Button, Card, Empty, Flex, Form, Input, List, Radio, Segmented, Skeleton, Tag } from 'antd';
import { INQUIRY_STATUS_LABELS, formatCourtDateTime, type Inquiry } from '@qizhi/domain';
import { FormProblem } from '../../platform/form-modal.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useSession } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { InquiryActions, ReceiverSelect } from './inquiry-actions.tsx';
import { receptionApi } from './reception.api.ts';
import styles from './reception.module.css';
import { inquiriesKey, useInquiries } from './reception.queries.ts';

type Choice = 'answered' | 'handed_over' | 'directed_outside' | 'open';
interface Values {
  topic: string;
  askerName?: string;
  askerPhone?: string;
  choice: Choice;
  receiverUserId?: string;
  directedTo?: string;
}

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'answered', label: '一次性告知' },
  { value: 'handed_over', label: '移交他人' },
  { value: 'directed_outside', label: '告知院外办理' },
  { value: 'open', label: '本人继续办理' },
];

function RecordForm() {
  const [form] = Form.useForm<Values>();
  const choice = Form.useWatch('choice', form);
  const saver = useSave({
    save: async (v: Values) => {
      const created = await receptionApi.createInquiry({
        topic: v.topic.trim(),
        askerName: v.askerName?.trim() || null,
        askerPhone: v.askerPhone?.trim() || null,
        outcome: v.choice === 'handed_over' ? 'open' : v.choice,
        directedTo: v.choice === 'directed_outside' ? (v.directedTo?.trim() ?? null) : null,
      });
      return v.choice === 'handed_over' && v.receiverUserId
        ? receptionApi.handOver(created.id, { receiverUserId: v.receiverUserId, note: '' })
        : created;
    },
    form,
    invalidates: [inquiriesKey],
    success: (r) => (r.status === 'handed_over' ? `已登记并移交${r.holderName}` : '已登记'),
    showError: 'alert',
    onSaved: () => form.resetFields(),
  });
  return (
    <Card title="登记首问" size="small">
      <FormProblem problem={saver.problem} />
      <Form<Values> form={form} layout="vertical" onFinish={saver.save} initialValues={{ choice: 'answered' }}>
        <Form.Item
          name="topic"
          label="咨询事项"
          rules={[{ required: true, whitespace: true, message: '请填写咨询事项' }]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder="如：咨询诉讼费退费手续" />
        </Form.Item>
        <Form.Item name="choice" label="办理方式">
          <Radio.Group optionType="button" buttonStyle="solid" className={styles.outcomes} options={CHOICES} />
        </Form.Item>
        {choice === 'handed_over' && (
          <Form.Item name="receiverUserId" label="移交给" rules={[{ required: true, message: '请选择接收人' }]}>
            <ReceiverSelect />
          </Form.Item>
        )}
        {choice === 'directed_outside' && (
          <Form.Item
            name="directedTo"
            label="告知去处"
            rules={[{ required: true, whitespace: true, message: '请填写告知的办理去处' }]}
          >
            <Input size="large" maxLength={100} placeholder="如：县司法局法律援助中心" />
          </Form.Item>
        )}
        <Form.Item name="askerName" label="来访人（可不填）">
          <Input size="large" maxLength={40} />
        </Form.Item>
        <Form.Item name="askerPhone" label="联系电话（可不填，仅用于回复）">
          <Input size="large" inputMode="tel" maxLength={20} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={saver.saving} className={styles.bigButton}>
          登记
        </Button>
      </Form>
    </Card>
  );
}

function InquiryItem({ item, myId }: { item: Inquiry; myId: string }) {
  return (
    <List.Item
      actions={
        item.status !== 'closed' && item.holderUserId === myId ? [<InquiryActions key="a" inquiry={item} />] : []
      }
    >
      <List.Item.Meta
        title={item.topic}
        description={
          <Flex vertical gap={2}>
            <span>
              <Tag color={item.status === 'closed' ? 'green' : item.status === 'handed_over' ? 'orange' : 'blue'}>
                {INQUIRY_STATUS_LABELS[item.status]}
              </Tag>
              {formatCourtDateTime(item.askedAt)} · 首问人 {item.firstName}
            </span>
            {item.handOvers.map((h) => (
              <span key={h.at}>
                {h.fromName} 移交 {h.toName}
                {h.note ? `：${h.note}` : ''}
              </span>
            ))}
            {item.result && <span>办理结果：{item.result}</span>}
          </Flex>
        }
      />
    </List.Item>
  );
}

/** 首问负责: record what one was asked in a few taps; one's open inquiries stay here until closed. */
export default function InquiriesPage() {
  const { user } = useSession();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const list = useInquiries(status);
  return (
    <div className={styles.phoneColumn}>
      <Flex vertical gap="middle">
        <h1 className="page-title">首问负责</h1>
        <RecordForm />
        <Card
          size="small"
          title="我的首问事项"
          extra={
            <Segmented
              value={status}
              onChange={(v) => setStatus(v as typeof status)}
              options={[
                { value: 'open', label: '未办结' },
                { value: 'closed', label: '已办结' },
              ]}
            />
          }
        >
          {list.isPending ? (
            <Skeleton active />
          ) : list.isError ? (
            <QueryErrorAlert error={list.error} />
          ) : list.data.items.length === 0 ? (
            <Empty description={status === 'open' ? '没有未办结的事项' : '暂无'} />
          ) : (
            <List
              aria-label="我的首问事项"
              dataSource={list.data.items}
              renderItem={(item) => <InquiryItem item={item} myId={user.id} />}
            />
          )}
        </Card>
      </Flex>
    </div>
  );
}
