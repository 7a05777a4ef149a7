import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  SANCTION_KIND_LABELS,
  SANCTION_KINDS,
  SANCTION_LEVEL_LABELS,
  SANCTION_LEVELS,
  type SanctionKind,
  type SanctionLevel,
  type SanctionRequest,
} from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { applyFieldIssues } from '../../platform/form-errors.ts';
import { PersonSelect } from '../members/person-select.tsx';
import { refreshRecognition } from './honours-queries.ts';

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
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ kind: 'commendation', level: 'court', ...(personId ? { personId } : {}) });
    setProblem(null);
  }, [open, personId, form]);

  async function save(v: Values) {
    setSaving(true);
    try {
      const body: SanctionRequest = {
        personId: personId ?? v.personId,
        kind: v.kind,
        title: v.title.trim(),
        level: v.level,
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
        reason: v.reason.trim(),
        issuedBy: v.issuedBy.trim(),
      };
      await api.post('/api/sanctions', body);
      void message.success('已登记');
      await refreshRecognition();
      onClose();
    } catch (error) {
      applyFieldIssues(form, error);
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title="登记奖惩"
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)}>
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
          <DatePicker style={{ width: '100%' }} />
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
      </Form>
    </Modal>
  );
}
