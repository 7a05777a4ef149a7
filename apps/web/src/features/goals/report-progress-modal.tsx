import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Upload, type UploadFile } from 'antd';
import type { Goal, GoalReport, ProgressReportRequest, StoredFile } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { applyFieldIssues } from '../../platform/form-errors.ts';
import { refreshGoals } from './goals-queries.ts';

interface Values {
  value?: number;
  note?: string;
}

/** 报告进度: the value reached, a note, evidence files; it waits for the level above. */
export function ReportProgressModal({ goal, onClose }: { goal: Goal | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile<StoredFile>[]>([]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const milestone = goal?.indicatorKind === 'milestone';

  async function save(values: Values) {
    if (!goal) return;
    setSaving(true);
    setProblem(null);
    try {
      const body: ProgressReportRequest = {
        value: values.value ?? 0,
        note: values.note?.trim() ?? '',
        fileIds: files.flatMap((f) => (f.response ? [f.response.id] : [])),
      };
      await api.post<GoalReport>(`/api/goals/${goal.id}/progress`, body);
      void message.success('进度已报告，等待上一级审核');
      await refreshGoals();
      form.resetFields();
      setFiles([]);
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
      open={goal !== null}
      title={goal ? `报告进度：${goal.title}` : ''}
      okText="提交审核"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={{ value: milestone ? 1 : (goal?.currentValue ?? undefined) }}
        onFinish={(values) => void save(values)}
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
            <InputNumber min={0} style={{ width: '100%' }} addonAfter={goal?.unit || undefined} />
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
              api
                .upload<StoredFile>('/api/files', file as File)
                .then((stored) => onSuccess?.(stored))
                .catch((error: unknown) => {
                  void message.error(errorMessage(error));
                  onError?.(error instanceof Error ? error : new Error(errorMessage(error)));
                });
            }}
          >
            <Button icon={<UploadOutlined />}>上传佐证材料</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
