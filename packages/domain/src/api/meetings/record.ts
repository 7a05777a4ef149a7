/** What happens at and after a meeting: attendance, sign-in, minutes, votes, tasks, files, revisions. */
import { z } from 'zod';
import { ENTITLEMENT_CODES } from '../../meetings-attendance.rules.ts';
import { ATTENDANCE_STATES } from '../../meetings.rules.ts';
import { RESOLUTION_KINDS } from '../../voting.rules.ts';
import { Id, IsoDate } from '../common.ts';
import { Instant, planFields, required, text } from './common.ts';
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
  voting: z
    .boolean()
    .describe('有表决权（本组织正式党员，退休的也有；预备党员、留党察看、暂停党员权利者和列席人员没有）'),
  counted: z.boolean().describe('计入应到（有表决权且未免于参加，或免于参加但仍到会）'),
  entitlement: z.enum(ENTITLEMENT_CODES).describe('是否计入及其原因的代码'),
  entitlementReason: z.string().describe('是否计入应到、实到的原因（中文）'),
  signedInAt: z.string().nullable(),
  signInMethod: z.enum(['code', 'manual']).nullable(),
  noticeReadAt: z.string().nullable(),
});
export type Attendee = z.infer<typeof Attendee>;

export const AttendanceSummarySchema = z.object({
  expected: z.number().int(),
  attended: z.number().int(),
  leave: z.number().int().describe('请假（已批准）'),
  leaveRequested: z.number().int().describe('已请假、未批准（未批准前按缺席计）'),
  absent: z.number().int(),
  pending: z.number().int(),
  exempt: z.number().int(),
  notCounted: z.number().int().describe('列席、非本组织、无表决权，不计入'),
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

const StanceCounts = { yes: z.number().int(), no: z.number().int(), abstain: z.number().int() };
export const WrittenOpinionSchema = z.strictObject({
  personId: Id,
  stance: z.enum(['yes', 'no', 'abstain'], { error: '书面意见应为赞成、反对或弃权' }),
  submittedAt: Instant.describe('书面意见提交时间（须在会议开始前）'),
});
export type WrittenOpinionInput = z.infer<typeof WrittenOpinionSchema>;

export const Vote = z.object({
  id: Id,
  kind: z.enum(RESOLUTION_KINDS),
  subject: z.string(),
  entitled: z.number().int().describe('应到会有表决权的党员（支委会：委员）'),
  present: z.number().int().describe('实到会有表决权的党员'),
  yes: z.number().int().describe('到会赞成票'),
  no: z.number().int(),
  abstain: z.number().int(),
  written: z.object({ ...StanceCounts, count: z.number().int() }).describe('计入的书面意见'),
  totals: z.object(StanceCounts).describe('计入书面意见后的票数'),
  divisor: z.object({ kind: z.enum(['expected', 'committee', 'present']), name: z.string(), value: z.number().int() }),
  quorumReached: z.boolean(),
  quorumNeeded: z.number().int(),
  yesNeeded: z.number().int(),
  adopted: z.boolean(),
  explanation: z.string().describe('为何通过或未通过'),
  todayRule: z
    .object({ adopted: z.boolean(), explanation: z.string() })
    .nullable()
    .describe('按现行规则计算与当时记录不同时的说明（只读，记录不改）'),
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
  recordOpensAt: z.string().describe('出席情况（签到、请假除外）、会议记录、表决结果可登记的起始时间：会议开始时间'),
  countsNote: z.string().nullable().describe('已归档会议按现行规则计算的应到、实到与当时记录不同时的说明（只读）'),
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
  kind: z.enum(RESOLUTION_KINDS, { error: '表决类型不正确' }),
  subject: required('表决事项', 200),
  yes: z.number().int().min(0, '票数不能为负'),
  no: z.number().int().min(0, '票数不能为负'),
  abstain: z.number().int().min(0, '票数不能为负'),
  writtenOpinions: z
    .array(WrittenOpinionSchema)
    .max(500)
    .default([])
    .describe('因故不能到会的有表决权党员会前提交的书面意见（只计入接收预备党员、预备党员转正）'),
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

/**
 * 更正表决: a recorded vote's count or subject changes only with a reason; the result is computed
 * again from the counts recorded at the vote (应到, 实到, written opinions), and the vote as it was is
 * kept in the meeting's revisions and the audit log.
 */
export const VoteCorrectionRequest = z.strictObject({
  reason: required('更正原因', 500),
  subject: required('表决事项', 200).optional(),
  yes: VoteRequest.shape.yes,
  no: VoteRequest.shape.no,
  abstain: VoteRequest.shape.abstain,
});
export type VoteCorrectionRequest = z.infer<typeof VoteCorrectionRequest>;
export const VoteCorrectionParams = z.object({ id: Id, voteId: Id });
/** A vote as it stood before a correction. */
export const VoteSnapshot = z.object({
  voteId: Id,
  subject: z.string(),
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  adopted: z.boolean(),
});
export type VoteSnapshot = z.infer<typeof VoteSnapshot>;

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
    vote: VoteSnapshot.optional().describe('更正表决时：更正前的表决'),
  }),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export const MeetingRevisions = z.object({ items: z.array(MeetingRevision) });
