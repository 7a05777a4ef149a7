/** Planning meetings: the list, the plan, "my meetings", the ledger. */
import { z } from 'zod';
import { ATTENDANCE_STATES } from '../../meetings.rules.ts';
import { Id, IsoDate, PageQuery, pageOf } from '../common.ts';
import { MeetingStatusSchema, MeetingTypeSchema, planFields } from './common.ts';

export const MeetingListItem = z.object({
  id: Id,
  type: MeetingTypeSchema,
  orgUnitId: Id,
  orgUnitName: z.string(),
  topic: z.string(),
  startsAt: z.string(),
  place: z.string(),
  status: MeetingStatusSchema,
  hostName: z.string().nullable(),
  expected: z.number().int().describe('应到'),
  attended: z.number().int().describe('实到'),
  coveredYear: z.number().int().nullable().describe('年度会议（组织生活会、民主生活会）所属年度'),
  reportedOn: z.string().nullable().describe('民主生活会向上级报告会议时间和主题的日期'),
});
export type MeetingListItem = z.infer<typeof MeetingListItem>;
export const MeetingPage = pageOf(MeetingListItem);
export type MeetingPage = z.infer<typeof MeetingPage>;

export const MeetingsQuery = z.strictObject({
  orgUnitId: Id.optional(),
  type: MeetingTypeSchema.optional(),
  status: MeetingStatusSchema.optional(),
  from: IsoDate.optional().describe('开始日期（含），上海时间'),
  to: IsoDate.optional().describe('结束日期（含），上海时间'),
  ...PageQuery,
});
export type MeetingsQuery = z.infer<typeof MeetingsQuery>;

/** What only some types record: the year an annual meeting covers, the 民主生活会's report date. */
const annualFields = {
  coveredYear: z
    .number({ error: '所属年度应为年份' })
    .int('所属年度应为年份')
    .min(2000, '所属年度不正确')
    .max(2100, '所属年度不正确')
    .nullable()
    .optional()
    .describe('所属年度（年度会议；不填按召开时间推定：1、2月召开的计入上一年度）'),
  reportedOn: IsoDate.nullable().optional().describe('民主生活会：向上级报告会议时间和主题的日期（应在会前10至15天）'),
};
export const CreateMeetingRequest = z.strictObject({
  type: MeetingTypeSchema,
  orgUnitId: Id,
  ...planFields,
  ...annualFields,
  talkPersonIds: z.array(Id).max(50, '谈话对象最多50人').optional().describe('谈心谈话：谈话对象（谈话人为主持人）'),
});
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;
export const UpdateMeetingRequest = z.strictObject({ ...planFields, ...annualFields }).partial();
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequest>;

/**
 * A meeting on the person's own list: its own state and notice, without the meeting's 应到/实到 — no
 * page of the member's shows them, and counting them by the attendance rule cost ~0.9 ms a meeting
 * (docs/performance.md); the meeting's detail and the officers' lists carry them.
 */
export const MyMeeting = MeetingListItem.omit({ expected: true, attended: true }).extend({
  myState: z.enum(ATTENDANCE_STATES),
  noticeReadAt: z.string().nullable(),
});
export const MyMeetings = z.object({ items: z.array(MyMeeting) });

export const LedgerQuery = z.strictObject({
  orgUnitId: Id,
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
});
export const LedgerEntry = z.object({
  id: Id,
  type: MeetingTypeSchema,
  orgUnitName: z.string(),
  startsAt: z.string(),
  place: z.string(),
  hostName: z.string().nullable(),
  recorderName: z.string().nullable(),
  expected: z.number().int(),
  attended: z.number().int(),
  absentees: z.array(
    z.object({ name: z.string(), state: z.enum(['leave', 'absent', 'pending']), reason: z.string().nullable() }),
  ),
  topic: z.string(),
  minutes: z.string().describe('纯文本'),
  resolutions: z.array(z.string()),
  status: MeetingStatusSchema,
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
export const Ledger = z.object({ orgUnitName: z.string(), year: z.number().int(), entries: z.array(LedgerEntry) });
export type Ledger = z.infer<typeof Ledger>;
