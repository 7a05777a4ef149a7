/** What happens at and after a meeting: attendance, sign-in, minutes, votes, tasks, files, revisions. */
import { z } from 'zod';
import { ATTENDANCE_STATES, VOTE_KINDS } from '../../meetings.rules.ts';
import { Id, IsoDate } from '../common.ts';
import { planFields, required, text } from './common.ts';
import { MeetingListItem } from './plan.ts';

export const Attendee = z.object({
  personId: Id,
  name: z.string(),
  orgUnitName: z.string().nullable(),
  state: z.enum(ATTENDANCE_STATES),
  reason: z
    .string()
    .nullable()
    .optional()
    .describe('请假或免于参会的原因：仅主持人、管理人员和本人可见，其他人无此字段'),
  exempt: z.boolean(),
  leaveApproved: z.boolean(),
  voting: z.boolean().describe('有表决权（正式党员、未免除参会）'),
  signedInAt: z.string().nullable(),
  signInMethod: z.enum(['code', 'manual']).nullable(),
  noticeReadAt: z.string().nullable(),
});
export type Attendee = z.infer<typeof Attendee>;

export const AttendanceSummarySchema = z.object({
  expected: z.number().int(),
  attended: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  pending: z.number().int(),
  exempt: z.number().int(),
});

export const QuorumSchema = z.object({
  applies: z.boolean().describe('本类会议是否有法定人数要求'),
  basis: z.string().describe('法定人数计算依据'),
  entitled: z.number().int(),
  present: z.number().int(),
  needed: z.number().int(),
  reached: z.boolean(),
});
export type Quorum = z.infer<typeof QuorumSchema>;

export const Vote = z.object({
  id: Id,
  kind: z.enum(VOTE_KINDS),
  subject: z.string(),
  entitled: z.number().int(),
  present: z.number().int(),
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  quorumReached: z.boolean(),
  yesNeeded: z.number().int(),
  adopted: z.boolean(),
  createdAt: z.string(),
});
export type Vote = z.infer<typeof Vote>;

export const MeetingTask = z.object({
  id: Id,
  meetingId: Id,
  title: z.string(),
  ownerPersonId: Id,
  ownerName: z.string(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
});
export type MeetingTask = z.infer<typeof MeetingTask>;

export const MeetingFile = z.object({
  fileId: Id,
  kind: z.enum(['photo', 'file']),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
});

export const MeetingDetail = MeetingListItem.extend({
  endsAt: z.string().nullable(),
  hostPersonId: Id.nullable(),
  recorderPersonId: Id.nullable(),
  recorderName: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z
    .string()
    .nullable()
    .describe('会议记录（服务器按白名单清理的 HTML：段落、标题、列表、加粗倾斜下划线、表格、http/https/mailto 链接）'),
  minutesRecordedAt: z.string().nullable(),
  resolutions: z.array(z.string()),
  notifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  revision: z.number().int().describe('0 为原始记录；归档后每次更正加 1'),
  attendees: z.array(Attendee),
  summary: AttendanceSummarySchema,
  quorum: QuorumSchema,
  votes: z.array(Vote),
  tasks: z.array(MeetingTask),
  files: z.array(MeetingFile),
  canManage: z.boolean(),
  myAttendance: Attendee.nullable(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const MinutesRequest = z.strictObject({
  minutes: z.string().max(50_000, '会议记录最多50000个字符'),
  resolutions: z.array(required('决议', 500)).max(30, '决议最多30条').default([]),
});
export type MinutesRequest = z.infer<typeof MinutesRequest>;

export const AttendanceEntry = z.strictObject({
  personId: Id,
  state: z.enum(['present', 'leave', 'absent'], { error: '出席情况应为 present、leave 或 absent' }),
  reason: text('原因', 200).nullable().optional(),
});
export const AttendanceRequest = z.array(AttendanceEntry).max(500, '一次最多登记500人');
export type AttendanceRequest = z.infer<typeof AttendanceRequest>;
export const AttendanceResponse = z.object({ attendees: z.array(Attendee), summary: AttendanceSummarySchema });

export const VoteRequest = z.strictObject({
  kind: z.enum(VOTE_KINDS, { error: '表决类型不正确' }),
  subject: required('表决事项', 200),
  yes: z.number().int().min(0, '票数不能为负'),
  no: z.number().int().min(0, '票数不能为负'),
  abstain: z.number().int().min(0, '票数不能为负'),
});
export type VoteRequest = z.infer<typeof VoteRequest>;

export const TaskRequest = z.strictObject({
  title: required('任务内容', 200),
  ownerPersonId: Id,
  dueOn: IsoDate,
});
export type TaskRequest = z.infer<typeof TaskRequest>;
export const TaskParams = z.object({ id: Id, taskId: Id });

export const AttachFileRequest = z.strictObject({ fileId: Id, kind: z.enum(['photo', 'file']).default('file') });
export const FileParams = z.object({ id: Id, fileId: Id });

export const SignInCode = z.object({
  code: z.string().describe('6 位签到码'),
  url: z.string().describe('手机签到页地址（含签到码），二维码即编码此地址'),
  windowEndsAt: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  state: z.enum(['notYet', 'open', 'closed']),
});
export type SignInCode = z.infer<typeof SignInCode>;
export const SignInRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '签到码应为6位数字'),
});
export const SignInResponse = z.object({ signedInAt: z.string(), meetingTopic: z.string() });
export const LeaveRequest = z.strictObject({ reason: required('请假原因', 200) });

export const RevisionRequest = z.strictObject({
  reason: required('更正原因', 500),
  topic: planFields.topic.optional(),
  place: planFields.place.optional(),
  agenda: planFields.agenda,
  minutes: MinutesRequest.shape.minutes.optional(),
  resolutions: MinutesRequest.shape.resolutions.optional(),
});
export type RevisionRequest = z.infer<typeof RevisionRequest>;
export const MeetingRevision = z.object({
  id: Id,
  revision: z.number().int().describe('更正后的版本号'),
  reason: z.string(),
  previous: z.object({
    topic: z.string(),
    place: z.string(),
    agenda: z.string().nullable(),
    minutes: z.string().nullable(),
    resolutions: z.array(z.string()),
  }),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export const MeetingRevisions = z.object({ items: z.array(MeetingRevision) });
