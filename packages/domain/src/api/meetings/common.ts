/** What every part of the meeting family's contract shares: the enums, instants, text fields. */
import { z } from 'zod';
import { MEETING_FREQUENCIES, MEETING_STATUSES, MEETING_TYPES } from '../../meetings.rules.ts';
import { Id } from '../common.ts';

export const MeetingTypeSchema = z.enum(MEETING_TYPES, { error: '会议类型不正确' });
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export const MeetingFrequencySchema = z.enum(MEETING_FREQUENCIES, { error: '频次不正确' });
/** An instant with its offset, e.g. `2026-05-20T15:00:00+08:00`. */
export const Instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601（如 2026-05-20T15:00:00+08:00）' });

export const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多${String(max)}个字`);
export const required = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);

/** The fields of a meeting's plan, shared by creating, changing and correcting it. */
export const planFields = {
  topic: required('会议主题', 100),
  startsAt: Instant,
  endsAt: Instant.nullable().optional(),
  place: required('会议地点', 60),
  hostPersonId: Id.nullable().optional(),
  recorderPersonId: Id.nullable().optional(),
  agenda: text('会议议程', 2000).nullable().optional(),
};
