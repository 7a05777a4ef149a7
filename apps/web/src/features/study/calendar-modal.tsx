import { Form, Input } from 'antd';
import { CALENDAR_DAY_KIND_LABELS, type CalendarDayKind, type WorkCalendarYear } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { studyApi } from './study.api.ts';
import { useStudySave } from './study.queries.ts';

type Day = WorkCalendarYear['days'][number];
const KIND_OF: Record<string, CalendarDayKind> = { 放假: 'holiday', 上班: 'workday', 调休上班: 'workday' };

/** One line a day: `2027-01-01 放假 元旦` or `2027-02-14 上班 春节`. */
export function calendarText(days: readonly Day[]): string {
  return days.map((d) => `${d.day} ${d.kind === 'holiday' ? '放假' : '上班'} ${d.name}`).join('\n');
}

export function parseCalendarText(text: string): Day[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [day = '', kind = '', ...name] = line.split(/\s+/);
      return { day, kind: KIND_OF[kind] ?? (kind as CalendarDayKind), name: name.join(' ') };
    });
}

/** 维护工作日历: the year's table as lines of text, as the State Council's notice lists it. */
export function CalendarModal({
  year,
  days,
  open,
  onClose,
}: {
  year: number;
  days: readonly Day[];
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const saver = useStudySave({
    form,
    save: (v: { text: string }) => studyApi.putCalendar(year, parseCalendarText(v.text)),
    success: `已保存${String(year)}年工作日历`,
    onSaved: onClose,
  });
  return (
    <FormModal
      open={open}
      title={`维护${String(year)}年工作日历`}
      form={form}
      saver={saver}
      onCancel={onClose}
      width={560}
      initialValues={{ text: calendarText(days) }}
    >
      <Form.Item
        name="text"
        label={`每行一天：日期 ${CALENDAR_DAY_KIND_LABELS.holiday}/上班 节日名称（按国务院办公厅当年的放假安排）`}
      >
        <Input.TextArea rows={16} />
      </Form.Item>
    </FormModal>
  );
}
