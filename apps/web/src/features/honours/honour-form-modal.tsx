import { useEffect, useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Select, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  HONOUR_LEVEL_LABELS,
  HONOUR_LEVELS,
  type HonourKind,
  type HonourLevel,
  type HonourRequest,
  type StoredFile,
} from '@qizhi/domain';
import { errorMessage } from '../../platform/api.ts';
import { isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { filesApi } from '../files/files.api.ts';
import { PersonSelect } from '../members/person-select.tsx';
import { honoursApi } from './honours.api.ts';
import { useRegister } from './use-register.ts';

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
  const saver = useRegister(
    (v: Values) => {
      const body: HonourRequest = {
        kind: kind ?? 'collective',
        title: v.title.trim(),
        level: v.level,
        awardedOn: isoDate(v.awardedOn),
        issuedBy: v.issuedBy.trim(),
        ...(kind === 'individual' ? { personId: v.personId } : { recipientName: v.recipientName?.trim() }),
        certificateFileId: certificate?.id ?? null,
        notes: v.notes?.trim() || null,
      };
      return honoursApi.createHonour(body);
    },
    form,
    onClose,
  );
  useEffect(() => {
    setCertificate(null);
  }, [kind]);

  return (
    <FormModal<Values>
      open={kind !== null}
      title={kind === 'individual' ? '登记个人荣誉' : '登记集体荣誉'}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{}}
    >
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
        <DatePicker className={ui.block} />
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
            filesApi
              .upload(file as File)
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
    </FormModal>
  );
}
