import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CreateMeetingRequest, MeetingDetail, MeetingType } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { applyFieldIssues } from '../../platform/form-errors.ts';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { PersonSelect } from '../members/person-select.tsx';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { MEETING_TYPE_OPTIONS } from './meeting-labels.tsx';
import { refreshMeetings } from './meetings-queries.ts';

interface Values {
  type: MeetingType;
  orgUnitId: string;
  topic: string;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  place: string;
  hostPersonId?: string | null;
  recorderPersonId?: string | null;
  agenda?: string;
}

/** Dayjs in the browser's zone to an instant with offset, which the API takes as is. */
const toInstant = (d: Dayjs) => d.toDate().toISOString();

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
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ type: 'branch_general', startsAt: dayjs().add(1, 'day').hour(15).minute(0).second(0) });
    setProblem(null);
  }, [open, form]);

  async function save(values: Values) {
    setSaving(true);
    setProblem(null);
    try {
      const body: CreateMeetingRequest = {
        type: values.type,
        orgUnitId: values.orgUnitId,
        topic: values.topic,
        startsAt: toInstant(values.startsAt),
        endsAt: values.endsAt ? toInstant(values.endsAt) : null,
        place: values.place,
        hostPersonId: values.hostPersonId ?? null,
        recorderPersonId: values.recorderPersonId ?? null,
        agenda: values.agenda?.trim() ? values.agenda : null,
      };
      const saved = await api.post<MeetingDetail>('/api/meetings', body);
      void message.success(`已计划：${saved.topic}（应到${String(saved.summary.expected)}人）`);
      await refreshMeetings();
      onSaved(saved);
    } catch (error) {
      applyFieldIssues(form, error);
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      open={open}
      title="计划会议"
      size={isPhone ? '100%' : 560}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} name="plan-meeting">
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
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="endsAt" label="结束时间">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </Space>
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
      </Form>
    </Drawer>
  );
}
