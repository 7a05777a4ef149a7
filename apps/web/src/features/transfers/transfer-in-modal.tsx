import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { courtTodayValue, isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { PersonSelect } from '../members/person-select.tsx';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { transfersApi } from './transfers.api.ts';
import { TRANSFERS_CHANGED } from './transfers.queries.ts';

interface Values {
  personId: string;
  orgUnitId: string;
  fromName: string;
  letterNo: string;
  issuedOn: Dayjs;
  validUntil?: Dayjs | null;
  receivedOn: Dayjs;
  duesPaidUpTo?: Dayjs | null;
  note?: string;
}

/** 转入: a member arriving with a letter joins a 党组织 of the court (add them to the roster first). */
export function TransferInModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const saver = useSave<Values>({
    form,
    save: (v) =>
      transfersApi.in({
        personId: v.personId,
        orgUnitId: v.orgUnitId,
        fromName: v.fromName,
        letterNo: v.letterNo,
        issuedOn: isoDate(v.issuedOn),
        receivedOn: isoDate(v.receivedOn),
        ...(v.validUntil ? { validUntil: isoDate(v.validUntil) } : {}),
        ...(v.duesPaidUpTo ? { duesPaidUpTo: v.duesPaidUpTo.format('YYYY-MM') } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    invalidates: TRANSFERS_CHANGED,
    success: '已办理转入',
    onSaved: onClose,
  });
  return (
    <FormModal
      open={open}
      title="转入：接收组织关系"
      form={form}
      saver={saver}
      onCancel={onClose}
      okText="转入"
      initialValues={{ receivedOn: courtTodayValue() }}
    >
      <Form.Item
        name="personId"
        label="党员"
        extra="新调入的人员请先在花名册中新增"
        rules={[{ required: true, message: '请选择党员' }]}
      >
        <PersonSelect />
      </Form.Item>
      <Form.Item
        name="fromName"
        label="转出单位"
        rules={[{ required: true, whitespace: true, message: '请填写转出单位' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="letterNo"
        label="介绍信编号"
        rules={[{ required: true, whitespace: true, message: '请填写介绍信编号' }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="issuedOn" label="介绍信开具日期" rules={[{ required: true, message: '请选择开具日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="validUntil" label="有效期至" extra="超过有效期的介绍信不能接收">
        <DatePicker />
      </Form.Item>
      <Form.Item name="duesPaidUpTo" label="党费交至">
        <DatePicker picker="month" />
      </Form.Item>
      <Form.Item name="receivedOn" label="接收日期" rules={[{ required: true, message: '请选择接收日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="orgUnitId" label="编入党组织" rules={[{ required: true, message: '请选择党组织' }]}>
        <OrgUnitSelect />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
