import { Form, Input } from 'antd';
import type { CreateUserRequest } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import type { TemporaryPasswordResponse } from '../../platform/schema-types.ts';
import { useSave } from '../../platform/use-save.ts';
import { AccountPersonSelect } from './account-person-select.tsx';
import { usersApi } from './users.api.ts';
import { usersKey } from './users.queries.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (result: TemporaryPasswordResponse) => void;
}

export function UserCreateModal({ open, onClose, onCreated }: Props) {
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
        name="personId"
        label="对应人员"
        extra="按姓名选择花名册中的人员；关联后本人可查看自己的会议、目标和记录"
      >
        <AccountPersonSelect
          onPicked={(person) => {
            if (person && !form.getFieldValue('displayName')) form.setFieldValue('displayName', person.name);
          }}
        />
      </Form.Item>
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
    </FormModal>
  );
}
