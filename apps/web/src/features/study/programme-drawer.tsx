import { Form, Input, InputNumber, Select } from 'antd';
import {
  COURT_TYPES,
  COURT_TYPE_LABELS,
  courtToday,
  DEFAULT_STUDY_SCHEDULE,
  STUDY_KINDS,
  STUDY_KIND_LABELS,
  STUDY_RECURRENCE_LABELS,
  WEEKDAY_LABELS,
  type CourtType,
  type CreateStudyProgrammeRequest,
  type StudyKind,
} from '@qizhi/domain';
import { ClockTimePicker, DayPicker } from '../../platform/day-picker.tsx';
import { FormDrawer } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { useOrgUnits } from '../org/org.queries.ts';
import { studyApi } from './study.api.ts';
import { useStudySave } from './study.queries.ts';

interface ProgrammeValues {
  preset?: string;
  title: string;
  kind: StudyKind;
  recurrenceKind: 'workdays' | 'weekly' | 'monthly';
  weekday?: number;
  dayOfMonth?: number;
  from: string;
  to: string;
  startTime: string;
  durationMinutes: number;
  hours: number;
  place: string;
  speaker?: string;
  orgUnitId: string;
  courtTypes: CourtType[];
}

const ALL_STAFF = '';

export function toProgrammeRequest(v: ProgrammeValues): CreateStudyProgrammeRequest {
  const recurrence =
    v.recurrenceKind === 'weekly'
      ? { kind: 'weekly' as const, weekday: v.weekday ?? 3 }
      : v.recurrenceKind === 'monthly'
        ? { kind: 'monthly' as const, dayOfMonth: v.dayOfMonth ?? 15 }
        : { kind: 'workdays' as const };
  return {
    title: v.title,
    kind: v.kind,
    recurrence,
    from: v.from,
    to: v.to,
    startTime: v.startTime,
    durationMinutes: v.durationMinutes,
    hours: v.hours,
    place: v.place,
    speaker: v.speaker || null,
    orgUnitId: v.orgUnitId === ALL_STAFF ? null : v.orgUnitId,
    courtTypes: v.courtTypes,
  };
}

/** 制定学习计划: a preset of the reference court's schedule, or one's own; sessions follow the working calendar. */
export function ProgrammeDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ProgrammeValues>();
  const units = useOrgUnits(open);
  const saver = useStudySave({
    form,
    save: (v: ProgrammeValues) => studyApi.createProgramme(toProgrammeRequest(v)),
    success: (p) => `已生成${String(p.sessions)}场学习（${p.firstDay ?? ''}至${p.lastDay ?? ''}）`,
    onSaved: onClose,
  });
  const recurrenceKind = Form.useWatch('recurrenceKind', form);
  const today = courtToday();
  const applyPreset = (key: string) => {
    const p = DEFAULT_STUDY_SCHEDULE.find((s) => s.key === key);
    if (!p) return;
    form.setFieldsValue({
      title: p.title,
      kind: p.kind,
      recurrenceKind: p.recurrence.kind,
      weekday: p.recurrence.kind === 'weekly' ? p.recurrence.weekday : undefined,
      dayOfMonth: p.recurrence.kind === 'monthly' ? p.recurrence.dayOfMonth : undefined,
      startTime: p.startTime,
      durationMinutes: p.durationMinutes,
      hours: p.hours,
    });
  };
  return (
    <FormDrawer
      open={open}
      title="制定学习计划"
      form={form}
      saver={saver}
      onClose={onClose}
      width={520}
      initialValues={{
        recurrenceKind: 'weekly',
        weekday: 3,
        kind: 'business_training',
        from: today,
        to: `${today.slice(0, 4)}-12-31`,
        startTime: '15:00',
        durationMinutes: 120,
        hours: 2,
        orgUnitId: ALL_STAFF,
        courtTypes: ['learning'],
      }}
    >
      <Form.Item name="preset" label="常用安排">
        <Select
          allowClear
          placeholder="选择本院常用的学习安排"
          onChange={applyPreset}
          options={DEFAULT_STUDY_SCHEDULE.map((p) => ({ value: p.key, label: p.title }))}
        />
      </Form.Item>
      <Form.Item name="title" label="学习名称" rules={[{ required: true, message: '请填写学习名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label="学习类型">
        <Select options={STUDY_KINDS.map((k) => ({ value: k, label: STUDY_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="recurrenceKind" label="重复方式">
        <Select
          options={(['workdays', 'weekly', 'monthly'] as const).map((k) => ({
            value: k,
            label: STUDY_RECURRENCE_LABELS[k],
          }))}
        />
      </Form.Item>
      {recurrenceKind === 'weekly' && (
        <Form.Item name="weekday" label="星期">
          <Select options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }))} />
        </Form.Item>
      )}
      {recurrenceKind === 'monthly' && (
        <Form.Item name="dayOfMonth" label="每月几日（遇节假日顺延至工作日）">
          <InputNumber min={1} max={31} />
        </Form.Item>
      )}
      <Form.Item name="from" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
        <DayPicker className={ui.block} />
      </Form.Item>
      <Form.Item name="to" label="结束日期" rules={[{ required: true, message: '请选择结束日期' }]}>
        <DayPicker className={ui.block} />
      </Form.Item>
      <Form.Item name="startTime" label="开始时间" rules={[{ required: true, message: '请填写开始时间' }]}>
        <ClockTimePicker className={ui.block} />
      </Form.Item>
      <Form.Item name="durationMinutes" label="时长（分钟）">
        <InputNumber min={5} max={600} />
      </Form.Item>
      <Form.Item name="hours" label="每次计入学时（一天8、半天4、一小时1）">
        <InputNumber min={0} max={40} step={0.5} />
      </Form.Item>
      <Form.Item name="place" label="学习地点" rules={[{ required: true, message: '请填写学习地点' }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="speaker" label="主讲人">
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="orgUnitId" label="应参加人员">
        <Select
          loading={units.isPending}
          options={[
            { value: ALL_STAFF, label: '全院干警' },
            ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      </Form.Item>
      <Form.Item name="courtTypes" label="六型法院维度">
        <Select mode="multiple" options={COURT_TYPES.map((t) => ({ value: t, label: COURT_TYPE_LABELS[t] }))} />
      </Form.Item>
    </FormDrawer>
  );
}
