import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  SANCTION_KIND_LABELS,
  SANCTION_KINDS,
  SANCTION_LEVEL_LABELS,
  SANCTION_LEVELS,
  type SanctionKind,
  type SanctionLevel,
} from '@qizhi/domain';
import { isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { PersonSelect } from '../members/person-select.tsx';
import { honoursApi } from './honours.api.ts';
import { useRegister } from './use-register.ts';

interface Values {
  personId: string;
  kind: SanctionKind;
  title: string;
  level: SanctionLevel;
  decidedOn: Dayjs;
  reason: string;
  issuedBy: string;
}

/** 登记奖惩: a commendation or criticism of one person. `personId` fixes the person (member page). */
export function SanctionFormModal({
  open,
  personId,
  onClose,
}: {
  open: boolean;
  personId?: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const saver = useRegister(
    (v: Values) =>
      honoursApi.createSanction({
        personId: personId ?? v.personId,
        kind: v.kind,
        title: v.title.trim(),
        level: v.level,
        decidedOn: isoDate(v.decidedOn),
        reason: v.reason.trim(),
        issuedBy: v.issuedBy.trim(),
      }),
    form,
    onClose,
  );
  return (
    <FormModal<Values>
      open={open}
      title="登记奖惩"
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{ kind: 'commendation', level: 'court', ...(personId ? { personId } : {}) }}
    >
      {!personId && (
        <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
          <PersonSelect />
        </Form.Item>
      )}
      <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
        <Select options={SANCTION_KINDS.map((k) => ({ value: k, label: SANCTION_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
        <Input maxLength={60} placeholder="如：嘉奖、记三等功、通报批评" />
      </Form.Item>
      <Form.Item name="level" label="级别" rules={[{ required: true }]}>
        <Select options={SANCTION_LEVELS.map((l) => ({ value: l, label: SANCTION_LEVEL_LABELS[l] }))} />
      </Form.Item>
      <Form.Item name="decidedOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker className={ui.block} />
      </Form.Item>
      <Form.Item name="reason" label="事由" rules={[{ required: true, whitespace: true, message: '请填写事由' }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item
        name="issuedBy"
        label="决定机关"
        rules={[{ required: true, whitespace: true, message: '请填写决定机关' }]}
      >
        <Input maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}
