import { Form, Input } from 'antd';
import type { CreateUserRequest } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import type { TemporaryPasswordResponse } from '../../platform/schema-types.ts';
import { useCan } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { PersonSelect } from '../members/person-select.tsx';
import { usersApi } from './users.api.ts';
import { usersKey } from './users.queries.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (result: TemporaryPasswordResponse) => void;
}

export function UserCreateModal({ open, onClose, onCreated }: Props) {
  const can = useCan();
  const [form] = Form.useForm<CreateUserRequest>();
  const saver = useSave({
    save: (values: CreateUserRequest) =>
      usersApi.create({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        personId: values.personId ?? null,
      }),
    form,
    invalidates: [usersKey],
    showError: 'alert',
    onSaved: (result) => {
      onCreated(result);
      onClose();
    },
  });

  return (
    <FormModal<CreateUserRequest>
      open={open}
      title="新建用户"
      okText="创建"
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{}}
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
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={30} />
      </Form.Item>
      {can('people.read') && (
        <Form.Item name="personId" label="对应干警" extra="关联花名册中的人员后，本人可在首页查看自己的信息">
          <PersonSelect />
        </Form.Item>
      )}
    </FormModal>
  );
}
