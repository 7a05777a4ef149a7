import { DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { courtTodayValue } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { duesApi } from './dues.api.ts';
import { duesKey } from './dues.queries.ts';

interface Values {
  fromMonth: Dayjs;
  toMonth?: Dayjs | null;
  amount: number;
  reason: string;
  decision: string;
  approvedBy: string;
}

/** 党费减免: hardship reduction or exemption, with the branch decision and the approval above on record. */
export function ReductionModal({ personId, open, onClose }: { personId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const saver = useSave<Values>({
    form,
    save: (v) =>
      duesApi.addReduction(personId, {
        fromMonth: v.fromMonth.format('YYYY-MM'),
        toMonth: v.toMonth ? v.toMonth.format('YYYY-MM') : null,
        amount: String(v.amount),
        reason: v.reason,
        decision: v.decision,
        approvedBy: v.approvedBy,
      }),
    invalidates: [duesKey],
    success: '已登记减免',
    onSaved: onClose,
  });
  return (
    <FormModal
      open={open}
      title="登记党费减免"
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{ fromMonth: courtTodayValue(), amount: 0 }}
    >
      <Form.Item name="fromMonth" label="起始月份" rules={[{ required: true, message: '请选择起始月份' }]}>
        <DatePicker picker="month" />
      </Form.Item>
      <Form.Item name="toMonth" label="截止月份（不填为至撤销）">
        <DatePicker picker="month" />
      </Form.Item>
      <Form.Item name="amount" label="减免后每月应交（元，0为免交）" rules={[{ required: true }]}>
        <InputNumber min={0} precision={2} />
      </Form.Item>
      <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请填写原因' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="decision" label="支部决定（会议及日期）" rules={[{ required: true, message: '请填写支部决定' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="approvedBy" label="上级党组织批准" rules={[{ required: true, message: '请填写批准情况' }]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
