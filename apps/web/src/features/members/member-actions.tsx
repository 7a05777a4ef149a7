import { useState } from 'react';
import { Alert, App, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { MemberDetail, UpdateMemberRequest } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { refreshPeople } from './members-queries.ts';

export type MemberAction = 'move' | 'retire' | null;

/** 调整党小组 and 标记离退休: one field each, saved with a PATCH. */
export function MemberActionModal({
  member,
  action,
  onClose,
}: {
  member: MemberDetail;
  action: MemberAction;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ orgUnitId?: string | null; retiredOn?: Dayjs | null }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(values: { orgUnitId?: string | null; retiredOn?: Dayjs | null }) {
    const body: UpdateMemberRequest =
      action === 'move'
        ? { orgUnitId: values.orgUnitId ?? null }
        : { retired: true, retiredOn: values.retiredOn ? values.retiredOn.format('YYYY-MM-DD') : null };
    setSaving(true);
    setProblem(null);
    try {
      await api.patch<MemberDetail>(`/api/members/${member.id}`, body);
      void message.success(action === 'move' ? '已调整所在党组织' : '已标记为离退休');
      await refreshPeople();
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={action !== null}
      title={action === 'move' ? `调整党小组：${member.name}` : `标记离退休：${member.name}`}
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
        initialValues={{ orgUnitId: member.orgUnitId, retiredOn: dayjs() }}
        onFinish={(values) => void save(values)}
      >
        {action === 'move' ? (
          <Form.Item
            name="orgUnitId"
            label="调整到"
            extra={`当前：${member.orgUnitName ?? '未分配'}`}
            rules={[{ required: true, message: '请选择党组织或党小组' }]}
          >
            <OrgUnitSelect allowClear={false} />
          </Form.Item>
        ) : (
          <Form.Item name="retiredOn" label="离退休时间" rules={[{ required: true, message: '请选择离退休时间' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
