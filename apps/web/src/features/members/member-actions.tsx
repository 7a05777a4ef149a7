import { DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import type { MemberDetail, UpdateMemberRequest } from '@qizhi/domain';
import { courtTodayValue, isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { membersApi } from './members.api.ts';
import { PEOPLE_CHANGED } from './members.queries.ts';

export type MemberAction = 'move' | 'retire' | null;

interface ActionValues {
  orgUnitId?: string | null;
  retiredOn?: Dayjs | null;
}

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
  const [form] = Form.useForm<ActionValues>();
  const saver = useSave({
    save: (values: ActionValues) => {
      const body: UpdateMemberRequest =
        action === 'move'
          ? { orgUnitId: values.orgUnitId ?? null }
          : { retired: true, retiredOn: isoDate(values.retiredOn) };
      return membersApi.update(member.id, body);
    },
    invalidates: PEOPLE_CHANGED,
    success: action === 'move' ? '已调整所在党组织' : '已标记为离退休',
    showError: 'alert',
    onSaved: onClose,
  });

  return (
    <FormModal<ActionValues>
      open={action !== null}
      title={action === 'move' ? `调整党小组：${member.name}` : `标记离退休：${member.name}`}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{ orgUnitId: member.orgUnitId, retiredOn: courtTodayValue() }}
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
          <DatePicker className={ui.block} />
        </Form.Item>
      )}
    </FormModal>
  );
}
