import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { applyFieldIssues } from '../../platform/form-errors.ts';
import type { TemporaryPasswordResponse } from '../../platform/schema-types.ts';
import { useCan } from '../../platform/session.tsx';
import { PersonSelect } from '../members/person-select.tsx';
import { usersKey } from './users-queries.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (result: TemporaryPasswordResponse) => void;
}

export function UserCreateModal({ open, onClose, onCreated }: Props) {
  const can = useCan();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateUserRequest>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function create(values: CreateUserRequest) {
    setSaving(true);
    setProblem(null);
    try {
      const body: CreateUserRequest = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        personId: values.personId ?? null,
      };
      const result = await api.post<TemporaryPasswordResponse>('/api/users', body);
      await queryClient.invalidateQueries({ queryKey: usersKey });
      onCreated(result);
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
      title="新建用户"
      okText="创建"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<CreateUserRequest>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => void create(values)}
      >
        <Form.Item
          name="username"
          label="用户名"
          extra="以字母开头，只含字母、数字、下划线、点和连字符，3—32位"
          rules={[
            { required: true, whitespace: true, message: '请填写用户名' },
            { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: '用户名格式不正确' },
          ]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        {can('people.read') && (
          <Form.Item name="personId" label="对应干警" extra="关联花名册中的人员后，本人可在首页查看自己的信息">
            <PersonSelect />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
