import { Form } from 'antd';
import type { UserListItem } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { AccountPersonSelect } from './account-person-select.tsx';
import { usersApi } from './users.api.ts';
import { usersKey } from './users.queries.ts';

interface PersonValues {
  personId: string | null;
}

/** Which roster person the account belongs to; cleared, the account belongs to nobody. */
export function UserPersonModal({ user, onClose }: { user: UserListItem | null; onClose: () => void }) {
  const [form] = Form.useForm<PersonValues>();
  const saver = useSave({
    save: (values: PersonValues) => usersApi.update(user?.id ?? '', { personId: values.personId ?? null }),
    form,
    invalidates: [usersKey],
    success: (saved) => (saved.personName ? `已关联 ${saved.personName}` : '已取消关联'),
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<PersonValues>
      open={user !== null}
      title={user ? `关联花名册人员：${user.username}` : ''}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{ personId: user?.personId ?? null }}
    >
      <Form.Item name="personId" label="对应人员" extra="关联后，本人可查看自己的会议、目标和记录；清空即取消关联">
        <AccountPersonSelect ownPersonId={user?.personId ?? null} />
      </Form.Item>
    </FormModal>
  );
}
