import { useEffect, useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  HONOUR_LEVEL_LABELS,
  HONOUR_LEVELS,
  type HonourKind,
  type HonourLevel,
  type HonourRequest,
  type StoredFile,
} from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { applyFieldIssues } from '../../platform/form-errors.ts';
import { PersonSelect } from '../members/person-select.tsx';
import { refreshRecognition } from './honours-queries.ts';

interface Values {
  title: string;
  level: HonourLevel;
  awardedOn: Dayjs;
  issuedBy: string;
  recipientName?: string;
  personId?: string;
  notes?: string;
}

/** 登记荣誉: a collective or individual honour with its certificate scan. */
export function HonourFormModal({ kind, onClose }: { kind: HonourKind | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [certificate, setCertificate] = useState<StoredFile | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    form.resetFields();
    setCertificate(null);
    setProblem(null);
  }, [kind, form]);

  async function save(v: Values) {
    if (!kind) return;
    setSaving(true);
    try {
      const body: HonourRequest = {
        kind,
        title: v.title.trim(),
        level: v.level,
        awardedOn: v.awardedOn.format('YYYY-MM-DD'),
        issuedBy: v.issuedBy.trim(),
        ...(kind === 'collective' ? { recipientName: v.recipientName?.trim() } : { personId: v.personId }),
        certificateFileId: certificate?.id ?? null,
        notes: v.notes?.trim() || null,
      };
      await api.post('/api/honours', body);
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
      open={kind !== null}
      title={kind === 'individual' ? '登记个人荣誉' : '登记集体荣誉'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        {kind === 'individual' ? (
          <Form.Item name="personId" label="获奖人" rules={[{ required: true, message: '请选择获奖个人' }]}>
            <PersonSelect />
          </Form.Item>
        ) : (
          <Form.Item
            name="recipientName"
            label="获奖集体"
            rules={[{ required: true, whitespace: true, message: '请填写获奖集体' }]}
          >
            <Input maxLength={60} placeholder="如：安泽县人民法院、府城人民法庭" />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label="荣誉名称"
          rules={[{ required: true, whitespace: true, message: '请填写荣誉名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
          <Select options={HONOUR_LEVELS.map((l) => ({ value: l, label: HONOUR_LEVEL_LABELS[l] }))} />
        </Form.Item>
        <Form.Item name="awardedOn" label="授予日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="issuedBy"
          label="授予机关"
          rules={[{ required: true, whitespace: true, message: '请填写授予机关' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="证书扫描件">
          <Upload
            maxCount={1}
            accept=".jpg,.jpeg,.png,.pdf"
            customRequest={({ file, onSuccess, onError }) => {
              api
                .upload<StoredFile>('/api/files', file as File)
                .then((stored) => {
                  setCertificate(stored);
                  onSuccess?.(stored);
                })
                .catch((error: unknown) => {
                  void message.error(errorMessage(error));
                  onError?.(error instanceof Error ? error : new Error(errorMessage(error)));
                });
            }}
            onRemove={() => setCertificate(null)}
          >
            <Button icon={<UploadOutlined />}>上传</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
