import { Form, Input, InputNumber, Select } from 'antd';
import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS, type Department, type DepartmentRequest } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { orgApi } from './org.api.ts';
import { departmentsKey } from './org.queries.ts';

export type DepartmentModalState = { mode: 'create' } | { mode: 'edit'; department: Department } | null;

function opening({ name, kind, sortOrder }: Department): Partial<DepartmentRequest> {
  return { name, kind, sortOrder };
}

export function DepartmentModal({ state, onClose }: { state: DepartmentModalState; onClose: () => void }) {
  const [form] = Form.useForm<DepartmentRequest>();
  const saver = useSave({
    save: (values: DepartmentRequest) => {
      const body: DepartmentRequest = {
        name: values.name.trim(),
        kind: values.kind,
        sortOrder: values.sortOrder ?? undefined,
      };
      return state?.mode === 'edit'
        ? orgApi.updateDepartment(state.department.id, body)
        : orgApi.createDepartment(body);
    },
    form,
    invalidates: [departmentsKey],
    success: '已保存',
    showError: 'alert',
    onSaved: onClose,
  });

  return (
    <FormModal<DepartmentRequest>
      open={state !== null}
      title={state?.mode === 'edit' ? `编辑部门：${state.department.name}` : '新增内设部门'}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={state?.mode === 'edit' ? opening(state.department) : { kind: 'trial' }}
    >
      <Form.Item name="name" label="部门名称" rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="kind" label="部门类别" rules={[{ required: true, message: '请选择部门类别' }]}>
        <Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="sortOrder" label="排序号" extra="数字小的排在前面">
        <InputNumber min={0} max={10000} className={ui.block} />
      </Form.Item>
    </FormModal>
  );
}
