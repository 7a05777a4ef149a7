/** 我的: a member's own pages, beyond what the modules already answer for "mine". */
import { z } from 'zod';
import { ATTENDANCE_STATES } from '../meetings.rules.ts';
import { Id } from './common.ts';
import { MeetingStatusSchema, MeetingTypeSchema } from './meetings/common.ts';
import { YearParam } from './goals.ts';

export const MyAttendanceQuery = z.strictObject({ year: YearParam.optional() });

export const MyAttendanceItem = z.object({
  id: Id,
  type: MeetingTypeSchema,
  topic: z.string(),
  startsAt: z.string(),
  place: z.string(),
  orgUnitName: z.string(),
  status: MeetingStatusSchema,
  myState: z.enum(ATTENDANCE_STATES),
  reason: z.string().nullable().describe('本人的请假或免于参会原因'),
  leaveApproved: z.boolean(),
  exempt: z.boolean(),
  noticeReadAt: z.string().nullable(),
});
export type MyAttendanceItem = z.infer<typeof MyAttendanceItem>;

export const MyAttendance = z.object({
  year: z.number().int(),
  items: z.array(MyAttendanceItem).describe('按开始时间倒序，不含已取消的会议'),
  summary: z.object({
    present: z.number().int(),
    leave: z.number().int(),
    absent: z.number().int(),
    pending: z.number().int(),
  }),
});
export type MyAttendance = z.infer<typeof MyAttendance>;

/**
 * The court's own quarterly assessment (定期考核) of the signed-in person. It is not 民主评议党员:
 * the two are shown apart, each under its own name (issue 13).
 */
export const MyAssessments = z.object({
  items: z.array(
    z.object({
      period: z.string().describe('考核期，如 2026-Q1'),
      grade: z.enum(['excellent', 'good', 'fair', 'poor']),
      remarks: z.string(),
    }),
  ),
});
export type MyAssessments = z.infer<typeof MyAssessments>;
