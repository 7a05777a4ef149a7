import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import type { MemberDetail } from '@qizhi/domain';
import { ApiError, api, errorMessage } from '../../platform/api.ts';
import { applyFieldIssues } from '../../platform/form-errors.ts';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { MemberFormFields } from './member-form-fields.tsx';
import {
  fromDetail,
  MEMBER_FORM_DEFAULTS,
  toCreateRequest,
  toUpdateRequest,
  type MemberFormValues,
} from './member-form-values.ts';
import { refreshPeople } from './members-queries.ts';

interface Props {
  open: boolean;
  /** The person to edit; without one the drawer creates a new person. */
  member?: MemberDetail;
  onClose: () => void;
  onSaved?: (member: MemberDetail) => void;
}

export function MemberFormDrawer({ open, member, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<MemberFormValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(member ? fromDetail(member) : MEMBER_FORM_DEFAULTS);
    setProblem(null);
  }, [open, member, form]);

  async function save(values: MemberFormValues) {
    setSaving(true);
    setProblem(null);
    try {
      const saved = member
        ? await api.patch<MemberDetail>(`/api/members/${member.id}`, toUpdateRequest(values))
        : await api.post<MemberDetail>('/api/members', toCreateRequest(values));
      void message.success(member ? '已保存' : `已新增：${saved.name}`);
      await refreshPeople();
      onSaved?.(saved);
      onClose();
    } catch (error) {
      applyFieldIssues(form, error);
      if (error instanceof ApiError && error.code === 'DUPLICATE_ID_NUMBER') {
        form.setFields([{ name: 'idNumber', errors: [error.message] }]);
      }
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      open={open}
      title={member ? `编辑人员信息：${member.name}` : '新增人员'}
      size={isPhone ? '100%' : 640}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => {
              form.submit();
            }}
          >
            保存
          </Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Form<MemberFormValues> form={form} layout="vertical" onFinish={(values) => void save(values)} disabled={saving}>
        <MemberFormFields form={form} maskedIdNumber={member?.idNumber} maskedPhone={member?.phone} />
      </Form>
    </Drawer>
  );
}
