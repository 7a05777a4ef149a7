import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  DUES_CHANNEL_LABELS,
  DUES_CHANNELS,
  MAX_MONTHS_PER_PAYMENT,
  type DuesChannel,
  type DuesSheetItem,
} from '@qizhi/domain';
import { courtTodayValue, isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { duesApi } from './dues.api.ts';
import { duesKey } from './dues.queries.ts';

interface Values {
  fromMonth: Dayjs;
  months: number;
  paidOn: Dayjs;
  channel: DuesChannel;
  extra?: number | null;
  notes?: string;
}

/** 登记收缴: one member, one to six months at once (ahead or behind), with any voluntary extra. */
export function PaymentModal({ item, onClose }: { item: DuesSheetItem | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const saver = useSave<Values>({
    form,
    save: (v) =>
      duesApi.pay({
        personId: item!.personId,
        fromMonth: v.fromMonth.format('YYYY-MM'),
        months: v.months,
        paidOn: isoDate(v.paidOn),
        channel: v.channel,
        ...(v.extra ? { extra: String(v.extra) } : {}),
        ...(v.notes ? { notes: v.notes } : {}),
      }),
    invalidates: [duesKey],
    success: '已登记收缴',
    onSaved: onClose,
  });
  const back = Math.max(1, Math.min(item?.arrearsMonths ?? 1, MAX_MONTHS_PER_PAYMENT));
  return (
    <FormModal
      open={item !== null}
      title={`登记党费收缴：${item?.name ?? ''}`}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{
        fromMonth: courtTodayValue().subtract(back - 1, 'month'),
        months: back,
        paidOn: courtTodayValue(),
        channel: 'wechat',
      }}
    >
      <Form.Item name="fromMonth" label="自月份" rules={[{ required: true, message: '请选择月份' }]}>
        <DatePicker picker="month" />
      </Form.Item>
      <Form.Item
        name="months"
        label="月数"
        extra={`一次预交或补交一般不超过${String(MAX_MONTHS_PER_PAYMENT)}个月（本月应交 ${item?.due ?? ''} 元）`}
        rules={[{ required: true, message: '请填写月数' }]}
      >
        <InputNumber min={1} max={MAX_MONTHS_PER_PAYMENT} precision={0} />
      </Form.Item>
      <Form.Item name="paidOn" label="缴纳日期" rules={[{ required: true, message: '请选择缴纳日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="channel" label="缴纳方式" rules={[{ required: true, message: '请选择缴纳方式' }]}>
        <Select options={DUES_CHANNELS.map((c) => ({ value: c, label: DUES_CHANNEL_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="extra" label="自愿多交（元）">
        <InputNumber min={0} precision={2} />
      </Form.Item>
      <Form.Item name="notes" label="备注">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
