import { Tag } from 'antd';
import {
  ATTENDANCE_STATE_LABELS,
  MEETING_STATUS_LABELS,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  type AttendanceState,
  type MeetingStatus,
  type MeetingType,
  inCourtZone,
} from '@qizhi/domain';

const STATUS_COLORS: Record<MeetingStatus, string> = {
  planned: 'default',
  notified: 'processing',
  held: 'warning',
  closed: 'success',
  cancelled: 'error',
};
const TYPE_COLORS: Record<MeetingType, string> = {
  branch_general: 'red',
  branch_committee: 'volcano',
  cell: 'orange',
  lecture: 'gold',
  theme_day: 'magenta',
  org_life: 'purple',
  democratic_life: 'geekblue',
  talk: 'cyan',
  other: 'default',
};
const STATE_COLORS: Record<AttendanceState, string> = {
  pending: 'default',
  present: 'success',
  leave: 'warning',
  absent: 'error',
};

export const MEETING_TYPE_OPTIONS = MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }));

export function MeetingTypeTag({ type }: { type: MeetingType }) {
  return <Tag color={TYPE_COLORS[type]}>{MEETING_TYPE_LABELS[type]}</Tag>;
}

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{MEETING_STATUS_LABELS[status]}</Tag>;
}

export function AttendanceTag({ state }: { state: AttendanceState }) {
  return <Tag color={STATE_COLORS[state]}>{ATTENDANCE_STATE_LABELS[state]}</Tag>;
}

/** The time of day (`15:00`) of an instant on the court's clock. */
export function courtClock(instant: string): string {
  return inCourtZone(instant).format('HH:mm');
}
