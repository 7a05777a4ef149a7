import { Form } from 'antd';
import type { MemberDetail } from '@qizhi/domain';
import { ApiError } from '../../platform/api.ts';
import { FormDrawer } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { MemberFormFields } from './member-form-fields.tsx';
import {
  fromDetail,
  MEMBER_FORM_DEFAULTS,
  toCreateRequest,
  toUpdateRequest,
  type MemberFormValues,
} from './member-form-values.ts';
import { membersApi } from './members.api.ts';
import { PEOPLE_CHANGED } from './members.queries.ts';

interface Props {
  open: boolean;
  /** The person to edit; without one the drawer creates a new person. */
  member?: MemberDetail;
  onClose: () => void;
  onSaved?: (member: MemberDetail) => void;
}

export function MemberFormDrawer({ open, member, onClose, onSaved }: Props) {
  const [form] = Form.useForm<MemberFormValues>();
  const saver = useSave({
    save: (values: MemberFormValues) =>
      member ? membersApi.update(member.id, toUpdateRequest(values)) : membersApi.create(toCreateRequest(values)),
    form,
    invalidates: PEOPLE_CHANGED,
    success: (saved) => (member ? '已保存' : `已新增：${saved.name}`),
    showError: 'alert',
    onSaved: (saved) => {
      onSaved?.(saved);
      onClose();
    },
    onFailed: (error) => {
      // The duplicate is found by the database, not by validation: still say so on the field.
      if (error instanceof ApiError && error.code === 'DUPLICATE_ID_NUMBER') {
        form.setFields([{ name: 'idNumber', errors: [error.message] }]);
      }
    },
  });

  return (
    <FormDrawer<MemberFormValues>
      open={open}
      title={member ? `编辑人员信息：${member.name}` : '新增人员'}
      form={form}
      saver={saver}
      onClose={onClose}
      width={640}
      initialValues={member ? fromDetail(member) : MEMBER_FORM_DEFAULTS}
    >
      <MemberFormFields
        form={form}
        maskedIdNumber={member?.idNumber}
        maskedPhone={member?.phone}
        fromDevelopment={member?.fromDevelopment}
      />
    </FormDrawer>
  );
}
