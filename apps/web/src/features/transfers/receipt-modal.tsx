import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TransferItem } from '@qizhi/domain';
import { courtTodayValue, isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { transfersApi } from './transfers.api.ts';
import { transfersKey } from './transfers.queries.ts';

interface Values {
  receiptOn: Dayjs;
  note?: string;
}

/** 登记回执: the receiving organisation's slip came back. */
export function ReceiptModal({ letter, onClose }: { letter: TransferItem | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const saver = useSave<Values>({
    form,
    save: (v) =>
      transfersApi.receipt(letter!.id, {
        receiptOn: isoDate(v.receiptOn),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    invalidates: [transfersKey],
    success: '已登记回执',
    onSaved: onClose,
  });
  return (
    <FormModal
      open={letter !== null}
      title={`登记回执：${letter?.personName ?? ''}（${letter?.letterNo ?? ''}）`}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{ receiptOn: courtTodayValue() }}
    >
      <Form.Item name="receiptOn" label="回执返回日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
