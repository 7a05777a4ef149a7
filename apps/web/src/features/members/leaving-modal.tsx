import { Alert, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { LEAVING_REASON_LABELS, LEAVING_REASONS, type LeavingReason, type MemberDetail } from '@qizhi/domain';
import { courtTodayValue, isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { usersKey } from '../users/users.queries.ts';
import { membersApi } from './members.api.ts';
import { PEOPLE_CHANGED } from './members.queries.ts';

interface LeavingValues {
  leftOn: Dayjs;
  reason: LeavingReason;
  note?: string;
}

const reasonOptions = LEAVING_REASONS.map((value) => ({ value, label: LEAVING_REASON_LABELS[value] }));

/**
 * 办理离开 (离职、调出、去世). The dialog is the confirmation: it says what follows — out of the
 * current roster, the account disabled — before the officer presses 确认办理离开.
 */
export function LeavingModal({ member, open, onClose }: { member: MemberDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<LeavingValues>();
  const saver = useSave({
    save: (values: LeavingValues) =>
      membersApi.recordLeaving(member.id, {
        leftOn: isoDate(values.leftOn),
        reason: values.reason,
        note: values.note?.trim() || null,
      }),
    invalidates: [...PEOPLE_CHANGED, usersKey],
    success: member.hasAccount ? '已办理离开，其账号已停用' : '已办理离开',
    showError: 'alert',
    onSaved: onClose,
  });

  return (
    <FormModal<LeavingValues>
      open={open}
      title={`办理离开：${member.name}`}
      okText="确认办理离开"
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{ leftOn: courtTodayValue() }}
      notice={
        <Alert
          type="warning"
          showIcon
          className={ui.above}
          message="办理后此人移出在册名单，不再计入统计、应到人数和今后的会议"
          description={`${member.hasAccount ? '其登录账号将停用并注明原因（账号不删除）；' : ''}以往的会议、表决和审计记录保留。网页上不能撤销，请核对后办理。`}
        />
      }
    >
      <Form.Item name="reason" label="离开原因" rules={[{ required: true, message: '请选择离开原因' }]}>
        <Select<LeavingReason> options={reasonOptions} placeholder="离职、调出或去世" />
      </Form.Item>
      <Form.Item name="leftOn" label="离开日期" rules={[{ required: true, message: '请选择离开日期' }]}>
        <DatePicker className={ui.block} disabledDate={(d) => d.isAfter(courtTodayValue(), 'day')} />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input.TextArea maxLength={200} showCount rows={2} placeholder="如：调往某某法院" />
      </Form.Item>
    </FormModal>
  );
}
