import { Form, Input, InputNumber, Select } from 'antd';
import {
  COURT_TYPES,
  COURT_TYPE_LABELS,
  courtInstant,
  courtToday,
  STUDY_KINDS,
  STUDY_KIND_LABELS,
  type CourtType,
  type StudyKind,
} from '@qizhi/domain';
import { ClockTimePicker, DayPicker } from '../../platform/day-picker.tsx';
import { FormModal } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { useOrgUnits } from '../org/org.queries.ts';
import { studyApi } from './study.api.ts';
import { useStudySave } from './study.queries.ts';
import { materialsOf, SessionMaterialsFields, type MaterialValues } from './session-materials-fields.tsx';

interface SessionValues extends MaterialValues {
  title: string;
  kind: StudyKind;
  topic?: string;
  speaker?: string;
  day: string;
  time: string;
  hours: number;
  place: string;
  orgUnitId: string;
  courtTypes: CourtType[];
}

/** 安排学习: one session (a lecture, a training) outside any programme. */
export function SessionModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const [form] = Form.useForm<SessionValues>();
  const units = useOrgUnits(open);
  const saver = useStudySave({
    form,
    save: (v: SessionValues) =>
      studyApi.createSession({
        title: v.title,
        kind: v.kind,
        topic: v.topic || null,
        speaker: v.speaker || null,
        startsAt: courtInstant(v.day, v.time).toISOString(),
        hours: v.hours,
        place: v.place,
        orgUnitId: v.orgUnitId === '' ? null : v.orgUnitId,
        courtTypes: v.courtTypes,
        ...materialsOf(v),
      }),
    success: '已安排学习',
    onSaved: (s) => onClose(s.id),
  });
  return (
    <FormModal
      open={open}
      title="安排学习"
      form={form}
      saver={saver}
      onCancel={() => onClose()}
      width={560}
      initialValues={{
        kind: 'lecture',
        day: courtToday(),
        time: '14:30',
        hours: 4,
        orgUnitId: '',
        courtTypes: ['learning'],
      }}
    >
      <Form.Item name="title" label="学习名称" rules={[{ required: true, message: '请填写学习名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label="学习类型">
        <Select options={STUDY_KINDS.map((k) => ({ value: k, label: STUDY_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="topic" label="学习主题">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="speaker" label="主讲人">
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="day" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DayPicker className={ui.block} />
      </Form.Item>
      <Form.Item name="time" label="开始时间" rules={[{ required: true, message: '请填写开始时间' }]}>
        <ClockTimePicker className={ui.block} />
      </Form.Item>
      <Form.Item name="hours" label="计入学时（一天8、半天4、一小时1）">
        <InputNumber min={0} max={40} step={0.5} />
      </Form.Item>
      <Form.Item name="place" label="学习地点" rules={[{ required: true, message: '请填写学习地点' }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="orgUnitId" label="应参加人员">
        <Select
          options={[
            { value: '', label: '全院干警' },
            ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      </Form.Item>
      <Form.Item name="courtTypes" label="六型法院维度">
        <Select mode="multiple" options={COURT_TYPES.map((t) => ({ value: t, label: COURT_TYPE_LABELS[t] }))} />
      </Form.Item>
      <SessionMaterialsFields />
    </FormModal>
  );
}
