import { Form, Input } from 'antd';
import type { UserListItem } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { usersApi } from './users.api.ts';
import { usersKey } from './users.queries.ts';

interface RenameValues {
  displayName: string;
}

export function UserRenameModal({ user, onClose }: { user: UserListItem | null; onClose: () => void }) {
  const [form] = Form.useForm<RenameValues>();
  const saver = useSave({
    save: (values: RenameValues) => usersApi.update(user?.id ?? '', { displayName: values.displayName.trim() }),
    invalidates: [usersKey],
    success: '已保存',
    showError: 'alert',
    onSaved: onClose,
  });

  return (
    <FormModal<RenameValues>
      open={user !== null}
      title={user ? `修改姓名：${user.username}` : ''}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{ displayName: user?.displayName }}
    >
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={30} />
      </Form.Item>
    </FormModal>
  );
}
