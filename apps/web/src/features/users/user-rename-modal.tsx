import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { UserListItem } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import type { UpdateUserRequest } from '../../platform/schema-types.ts';
import { usersKey } from './users-queries.ts';

export function UserRenameModal({ user, onClose }: { user: UserListItem | null; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ displayName: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(displayName: string) {
    if (!user) return;
    setSaving(true);
    setProblem(null);
    try {
      const body: UpdateUserRequest = { displayName: displayName.trim() };
      await api.patch(`/api/users/${user.id}`, body);
      void message.success('已保存');
      await queryClient.invalidateQueries({ queryKey: usersKey });
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={user !== null}
      title={user ? `修改姓名：${user.username}` : ''}
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
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ displayName: user?.displayName }}
        onFinish={(values) => void save(values.displayName)}
      >
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
