import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS, type Department, type DepartmentRequest } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { applyFieldIssues } from '../../platform/form-errors.ts';
import { departmentsKey } from './org-queries.ts';

export type DepartmentModalState = { mode: 'create' } | { mode: 'edit'; department: Department } | null;

export function DepartmentModal({ state, onClose }: { state: DepartmentModalState; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DepartmentRequest>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!state) return;
    setProblem(null);
    form.resetFields();
    if (state.mode === 'edit') {
      const { name, kind, sortOrder } = state.department;
      form.setFieldsValue({ name, kind, sortOrder });
    } else {
      form.setFieldsValue({ kind: 'trial' });
    }
  }, [state, form]);

  async function save(values: DepartmentRequest) {
    if (!state) return;
    setSaving(true);
    setProblem(null);
    const body: DepartmentRequest = {
      name: values.name.trim(),
      kind: values.kind,
      sortOrder: values.sortOrder ?? undefined,
    };
    try {
      if (state.mode === 'edit') await api.patch(`/api/departments/${state.department.id}`, body);
      else await api.post('/api/departments', body);
      void message.success('已保存');
      await queryClient.invalidateQueries({ queryKey: departmentsKey });
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
      open={state !== null}
      title={state?.mode === 'edit' ? `编辑部门：${state.department.name}` : '新增内设部门'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<DepartmentRequest> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="name"
          label="部门名称"
          rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label="部门类别" rules={[{ required: true, message: '请选择部门类别' }]}>
          <Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序号" extra="数字小的排在前面">
          <InputNumber min={0} max={10000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
