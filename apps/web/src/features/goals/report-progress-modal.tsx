import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Radio, Upload, type UploadFile } from 'antd';
import type { Goal, StoredFile } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { filesApi } from '../files/files.api.ts';
import { goalsApi } from './goals.api.ts';
import styles from './goals.module.css';
import { useGoalSave } from './goals.queries.ts';

interface Values {
  value?: number;
  note?: string;
}

/** 报告进度: the value reached, a note, evidence files; it waits for the level above. */
export function ReportProgressModal({ goal, onClose }: { goal: Goal | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile<StoredFile>[]>([]);
  const milestone = goal?.indicatorKind === 'milestone';
  const upload = useSave({ save: filesApi.upload });
  const report = useGoalSave({
    save: (values: Values) =>
      goalsApi.reportProgress(goal?.id ?? '', {
        value: values.value ?? 0,
        note: values.note?.trim() ?? '',
        fileIds: files.flatMap((f) => (f.response ? [f.response.id] : [])),
      }),
    form,
    showError: 'alert',
    success: '进度已报告，等待上一级审核',
    onSaved: () => {
      form.resetFields();
      setFiles([]);
      onClose();
    },
  });

  return (
    <FormModal<Values>
      open={goal !== null}
      title={goal ? `报告进度：${goal.title}` : ''}
      okText="提交审核"
      form={form}
      saver={report}
      onCancel={onClose}
      formProps={{
        disabled: report.saving,
        initialValues: { value: milestone ? 1 : (goal?.currentValue ?? undefined) },
      }}
    >
      {milestone ? (
        <Form.Item name="value" label="完成情况" rules={[{ required: true, message: '请选择完成情况' }]}>
          <Radio.Group
            options={[
              { value: 1, label: '已完成' },
              { value: 0, label: '未完成' },
            ]}
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="value"
          label={`目前累计完成（目标 ${String(goal?.targetValue ?? '')}${goal?.unit ? ` ${goal.unit}` : ''}）`}
          rules={[{ required: true, message: '请填写完成值' }]}
        >
          <InputNumber min={0} className={styles.fullWidth} addonAfter={goal?.unit || undefined} />
        </Form.Item>
      )}
      <Form.Item name="note" label="进度说明">
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="完成了哪些工作" />
      </Form.Item>
      <Form.Item label="佐证材料（图片、PDF、Word 等）">
        <Upload<StoredFile>
          fileList={files}
          maxCount={10}
          onChange={({ fileList }) => {
            setFiles(fileList);
          }}
          customRequest={({ file, onSuccess, onError }) => {
            // A failed upload is told by the save flow; the list marks the file as failed.
            void upload.saveAsync(file as File).then((stored) => {
              if (stored) onSuccess?.(stored);
              else onError?.(new Error('上传失败'));
            });
          }}
        >
          <Button icon={<UploadOutlined />}>上传佐证材料</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
