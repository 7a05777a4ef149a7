import { useEffect } from 'react';
import { Form, Input, Select, Space } from 'antd';
import {
  courtInstant,
  inCourtZone,
  type CreateMeetingRequest,
  type MeetingDetail,
  type MeetingType,
} from '@qizhi/domain';
import { DateTimePicker } from '../../platform/date-time-picker.tsx';
import { FormDrawer } from '../../platform/form-modal.tsx';
import { PersonSelect } from '../members/person-select.tsx';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { MEETING_TYPE_OPTIONS } from './meeting-labels.tsx';
import { PlanTypeFields, typeFieldsRequest, type TypeFieldValues } from './plan-type-fields.tsx';
import { meetingsApi } from './meetings.api.ts';
import { useMeetingSave } from './meetings.queries.ts';

interface Values extends TypeFieldValues {
  type: MeetingType;
  orgUnitId: string;
  topic: string;
  /** Instants: the pickers read and write them on the court's clock. */
  startsAt: string;
  endsAt?: string | null;
  place: string;
  hostPersonId?: string | null;
  recorderPersonId?: string | null;
  agenda?: string;
}

function toRequest(values: Values): CreateMeetingRequest {
  return {
    type: values.type,
    orgUnitId: values.orgUnitId,
    topic: values.topic,
    startsAt: values.startsAt,
    endsAt: values.endsAt ?? null,
    place: values.place,
    hostPersonId: values.hostPersonId ?? null,
    recorderPersonId: values.recorderPersonId ?? null,
    agenda: values.agenda?.trim() ? values.agenda : null,
    ...typeFieldsRequest(values.type, values),
  };
}

/** 计划会议: who is expected is computed by the server from the organisation's members. */
export function PlanMeetingDrawer({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (m: MeetingDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const plan = useMeetingSave({
    save: (values: Values) => meetingsApi.create(toRequest(values)),
    form,
    showError: 'alert',
    success: (saved) => `已计划：${saved.topic}（应到${String(saved.summary.expected)}人）`,
    onSaved,
  });
  const { clearProblem } = plan;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const tomorrow = courtInstant(inCourtZone().add(1, 'day').format('YYYY-MM-DD'), '15:00');
    form.setFieldsValue({ type: 'branch_general', startsAt: tomorrow.toISOString() });
    clearProblem();
  }, [open, form, clearProblem]);

  return (
    <FormDrawer
      open={open}
      title="计划会议"
      width={560}
      form={form}
      saver={plan}
      onClose={onClose}
      formProps={{ name: 'plan-meeting' }}
    >
      <Form.Item name="type" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
        <Select options={MEETING_TYPE_OPTIONS} />
      </Form.Item>
      <Form.Item name="orgUnitId" label="党组织" rules={[{ required: true, message: '请选择党组织' }]}>
        <OrgUnitSelect allowClear={false} />
      </Form.Item>
      <Form.Item name="topic" label="会议主题" rules={[{ required: true, message: '请填写会议主题' }, { max: 100 }]}>
        <Input placeholder="如：学习贯彻党的二十届四中全会精神" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
          <DateTimePicker />
        </Form.Item>
        <Form.Item name="endsAt" label="结束时间">
          <DateTimePicker />
        </Form.Item>
      </Space>
      <PlanTypeFields />
      <Form.Item name="place" label="会议地点" rules={[{ required: true, message: '请填写会议地点' }, { max: 60 }]}>
        <Input placeholder="如：党员活动室" />
      </Form.Item>
      <Form.Item name="hostPersonId" label="主持人">
        <PersonSelect />
      </Form.Item>
      <Form.Item name="recorderPersonId" label="记录人">
        <PersonSelect />
      </Form.Item>
      <Form.Item name="agenda" label="会议议程">
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
