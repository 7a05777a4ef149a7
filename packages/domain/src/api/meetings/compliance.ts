/** Required vs held, the court's frequencies, exemptions from the expected count, reminders. */
import { z } from 'zod';
import { Id, IsoDate } from '../common.ts';
import { MeetingFrequencySchema, MeetingTypeSchema, required } from './common.ts';

export const ComplianceQuery = z.strictObject({
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  orgUnitId: Id.optional(),
});
export const ComplianceItemSchema = z.object({
  orgUnitId: Id,
  type: MeetingTypeSchema,
  period: z.string().describe('2026-03、2026-Q1 或 2026'),
  required: z.number().int(),
  held: z.number().int().describe('已记录会议记录或已归档的会议数'),
});
export const ComplianceResponse = z.object({ items: z.array(ComplianceItemSchema) });
export type ComplianceResponse = z.infer<typeof ComplianceResponse>;

export const FrequencySetting = z.object({
  orgUnitId: Id,
  type: MeetingTypeSchema,
  frequency: MeetingFrequencySchema,
  isDefault: z.boolean(),
});
export const FrequencySettings = z.object({ items: z.array(FrequencySetting) });
export const FrequencySettingRequest = z.strictObject({
  orgUnitId: Id,
  type: MeetingTypeSchema,
  frequency: MeetingFrequencySchema.nullable().describe('null 恢复默认'),
});

export const Exemption = z.object({
  id: Id,
  personId: Id,
  personName: z.string(),
  reason: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
});
export const Exemptions = z.object({ items: z.array(Exemption) });
export const ExemptionRequest = z.strictObject({
  personId: Id,
  reason: required('免于参会的原因', 200),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable().optional(),
});

export const REMINDER_KINDS = [
  'meetingToAttend',
  'meetingToHold',
  'minutesOverdue',
  'taskDue',
  'absentMember',
] as const;
export const Reminder = z.object({
  kind: z.enum(REMINDER_KINDS),
  severity: z.enum(['info', 'warning', 'danger']),
  title: z.string(),
  detail: z.string(),
  link: z.string().nullable().describe('网页内链接'),
  due: z.string().nullable(),
});
export type Reminder = z.infer<typeof Reminder>;
export const Reminders = z.object({ items: z.array(Reminder) });
export type Reminders = z.infer<typeof Reminders>;
