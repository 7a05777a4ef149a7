/** Required vs held, the court's frequencies, exemptions from the expected count, reminders. */
import { z } from 'zod';
import { Id, IsoDate } from '../common.ts';
import { COMPLIANCE_ITEM_TYPES } from '../../compliance-items.rules.ts';
import { MeetingFrequencySchema, MeetingTypeSchema, required } from './common.ts';
import { MeetingListItem } from './plan.ts';

export const ComplianceQuery = z.strictObject({
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  orgUnitId: Id.optional(),
});
export const ComplianceItemTypeSchema = z.enum(COMPLIANCE_ITEM_TYPES, { error: '检查项目不正确' });
export const ComplianceItemSchema = z.object({
  orgUnitId: Id,
  type: ComplianceItemTypeSchema.describe(
    '会议类型；或 secretary_lecture（党组书记讲党课）、democratic_life_report（民主生活会会前报告）；talk 按人员结对计',
  ),
  period: z.string().describe('2026-03、2026-Q1 或 2026（年度会议按所属年度）'),
  required: z.number().int().describe('应开次数；谈心谈话为应谈对数'),
  held: z.number().int().describe('已记录会议记录或已归档的会议数；谈心谈话为已谈对数'),
  note: z.string().optional(),
});
export const ComplianceResponse = z.object({ items: z.array(ComplianceItemSchema) });
export type ComplianceResponse = z.infer<typeof ComplianceResponse>;

export const ComplianceCellQuery = z.strictObject({
  orgUnitId: Id,
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  month: z.coerce.number().int().min(1, '月份不正确').max(12, '月份不正确'),
});
export const TalkPair = z.object({
  names: z.tuple([z.string(), z.string()]),
  done: z.boolean(),
});
export const ComplianceCellItem = ComplianceItemSchema.extend({
  periodLabel: z.string().describe('期间的中文名称，如 2026年第四季度'),
  meetings: z.array(MeetingListItem).describe('本组织计入该项的会议（该期间或所属年度）'),
  pairs: z.array(TalkPair).optional().describe('谈心谈话：应谈的每一对及是否已谈'),
});
export const ComplianceCell = z.object({ items: z.array(ComplianceCellItem) });
export type ComplianceCell = z.infer<typeof ComplianceCell>;

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
