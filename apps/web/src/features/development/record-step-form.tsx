import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { DEVELOPMENT_STEPS, type DevelopmentRecord } from '@qizhi/domain';
import { courtTodayValue, isoDate } from '../../platform/dates.ts';
import { useSave } from '../../platform/use-save.ts';
import { AttachmentsField, type AttachmentValue } from '../files/attachments-field.tsx';
import { developmentApi } from './development.api.ts';
import { developmentKey } from './development.queries.ts';

interface Values {
  step: number;
  on: Dayjs;
  who?: string;
  notes?: string;
  trainingDays?: number | null;
  trainingHours?: number | null;
  specialReason?: string;
  outcome?: 'convert' | 'cancel';
  documents?: AttachmentValue[];
}

/**
 * 登记步骤: the next step by default; a refusal (too early, out of order, no vote) stays above the
 * form with the date the rules allow, in the server's words.
 */
export function RecordStepForm({ record }: { record: DevelopmentRecord }) {
  const [form] = Form.useForm<Values>();
  const step = Form.useWatch('step', form) ?? record.next.step ?? 1;
  const saver = useSave<Values>({
    form,
    showError: 'alert',
    save: (v) =>
      developmentApi.recordStep(record.personId, {
        step: v.step,
        on: isoDate(v.on),
        ...(v.who ? { who: v.who } : {}),
        ...(v.notes ? { notes: v.notes } : {}),
        ...(v.trainingDays != null ? { trainingDays: v.trainingDays } : {}),
        ...(v.trainingHours != null ? { trainingHours: v.trainingHours } : {}),
        ...(v.specialReason ? { specialReason: v.specialReason } : {}),
        ...(v.outcome ? { outcome: v.outcome } : {}),
        ...(v.documents?.length ? { fileIds: v.documents.map((d) => d.id) } : {}),
      }),
    invalidates: [developmentKey],
    success: '已登记',
    onSaved: () => {
      form.resetFields(['who', 'notes', 'documents']);
    },
  });
  if (record.next.step === null) return null;
  return (
    <Card title="登记步骤" size="small" className="no-print">
      {saver.problem && <Alert type="error" showIcon title={saver.problem} role="alert" data-testid="step-refusal" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={saver.save}
        initialValues={{ step: record.next.step, on: courtTodayValue() }}
        key={record.next.step}
      >
        <Form.Item name="step" label="步骤" rules={[{ required: true }]}>
          <Select
            options={DEVELOPMENT_STEPS.map((s) => ({ value: s.step, label: `第${String(s.step)}步 ${s.label}` }))}
          />
        </Form.Item>
        <Form.Item name="on" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        {(step === 15 || step === 23) && (
          <Alert
            type="info"
            title="表决结果取自当天支部党员大会在会议中记录的表决（赞成票须超过应到会有表决权正式党员的半数）"
          />
        )}
        {step === 11 && (
          <>
            <Form.Item name="trainingDays" label="集中培训天数">
              <InputNumber min={0} max={365} />
            </Form.Item>
            <Form.Item name="trainingHours" label="集中培训学时">
              <InputNumber min={0} max={2000} />
            </Form.Item>
          </>
        )}
        {(step === 17 || step === 24) && (
          <Form.Item name="specialReason" label="特殊情况说明（超过3个月审批时填写）">
            <Input maxLength={200} />
          </Form.Item>
        )}
        {step === 24 && (
          <Form.Item name="outcome" label="审批结果" initialValue="convert">
            <Select
              options={[
                { value: 'convert', label: '按期转为正式党员' },
                { value: 'cancel', label: '取消预备党员资格' },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="who" label="经办人">
          <Input maxLength={50} placeholder="不填为登记人" />
        </Form.Item>
        <Form.Item name="documents" label="材料" extra={DEVELOPMENT_STEPS.find((s) => s.step === step)?.documents}>
          <AttachmentsField label="上传材料" />
        </Form.Item>
        <Form.Item name="notes" label="说明">
          <Input.TextArea maxLength={500} autoSize />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saver.saving}>
          登记
        </Button>
      </Form>
    </Card>
  );
}
