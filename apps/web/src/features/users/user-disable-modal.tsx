import { Form, Radio } from 'antd';
import { DISABLED_REASON_LABELS, DISABLED_REASONS, type DisabledReason, type UserListItem } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { usersApi } from './users.api.ts';
import { usersKey } from './users.queries.ts';

interface DisableValues {
  disabledReason: DisabledReason;
}

/** 停用 with why (离职、调出、去世): the account stays, with its history, and can no longer sign in. */
export function UserDisableModal({ user, onClose }: { user: UserListItem | null; onClose: () => void }) {
  const [form] = Form.useForm<DisableValues>();
  const saver = useSave({
    save: (values: DisableValues) =>
      usersApi.update(user?.id ?? '', { disabled: true, disabledReason: values.disabledReason }),
    invalidates: [usersKey],
    success: (saved) => `已停用 ${saved.username}`,
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<DisableValues>
      open={user !== null}
      title={user ? `停用账号：${user.username}（${user.displayName}）` : ''}
      okText="停用"
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{ disabledReason: 'left' }}
      notice="停用后不能登录，已登录的会话立即结束；账号及其记录保留，不会删除，需要时可重新启用。"
    >
      <Form.Item name="disabledReason" label="停用原因" rules={[{ required: true, message: '请选择停用原因' }]}>
        <Radio.Group options={DISABLED_REASONS.map((r) => ({ value: r, label: DISABLED_REASON_LABELS[r] }))} />
      </Form.Item>
    </FormModal>
  );
}
