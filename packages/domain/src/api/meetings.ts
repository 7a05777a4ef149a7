import { z } from 'zod';
import {
  ATTENDANCE_STATES,
  MEETING_FREQUENCIES,
  MEETING_STATUSES,
  MEETING_TYPES,
  VOTE_KINDS,
} from '../meetings.rules.ts';
import { DISCLOSURE_KINDS } from '../meetings-deliberation.rules.ts';
import { Id, IsoDate, PageQuery, pageOf } from './common.ts';

export const MeetingTypeSchema = z.enum(MEETING_TYPES, { error: '会议类型不正确' });
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export const MeetingFrequencySchema = z.enum(MEETING_FREQUENCIES, { error: '频次不正确' });
/** An instant with its offset, e.g. `2026-05-20T15:00:00+08:00`. */
export const Instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601（如 2026-05-20T15:00:00+08:00）' });

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多${String(max)}个字`);
const required = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);

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

export const Attendee = z.object({
  personId: Id,
  name: z.string(),
  orgUnitName: z.string().nullable(),
  state: z.enum(ATTENDANCE_STATES),
  reason: z.string().nullable(),
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
    .describe('会议记录（经过清理的 HTML，仅含 p、br、strong、em、u、ul、ol、li、h3、h4、blockquote）'),
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

const planFields = {
  topic: required('会议主题', 100),
  startsAt: Instant,
  endsAt: Instant.nullable().optional(),
  place: required('会议地点', 60),
  hostPersonId: Id.nullable().optional(),
  recorderPersonId: Id.nullable().optional(),
  agenda: text('会议议程', 2000).nullable().optional(),
};
export const CreateMeetingRequest = z.strictObject({
  type: MeetingTypeSchema,
  orgUnitId: Id,
  ...planFields,
});
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;
export const UpdateMeetingRequest = z.strictObject(planFields).partial();
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequest>;

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

export const MyMeeting = MeetingListItem.extend({
  myState: z.enum(ATTENDANCE_STATES),
  noticeReadAt: z.string().nullable(),
});
export const MyMeetings = z.object({ items: z.array(MyMeeting) });

// ---------------------------------------------------------------------------------------------
// Compliance, settings, exemptions.

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

// ---------------------------------------------------------------------------------------------
// Reminders, ledger, calendar.

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

export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export const CalendarFeedCreated = z.object({ url: z.string().describe('只显示这一次；丢失后可重新生成') });
export const CalendarTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, '订阅地址不正确') });

// ---------------------------------------------------------------------------------------------
// 四议两公开.

export const DeliberationStepRecord = z.object({
  index: z.number().int(),
  label: z.string(),
  meetingId: Id.nullable(),
  meetingTopic: z.string().nullable(),
  heldOn: z.string().nullable(),
  outcome: z.string().nullable(),
});
export const DeliberationDisclosure = z.object({
  kind: z.enum(DISCLOSURE_KINDS),
  disclosedOn: z.string(),
  place: z.string(),
  content: z.string(),
});
export const DeliberationMatter = z.object({
  id: Id,
  orgUnitId: Id,
  orgUnitName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  steps: z.array(DeliberationStepRecord),
  disclosures: z.array(DeliberationDisclosure),
  next: z.string().describe('下一步：step:N、disclosure:resolution、disclosure:result 或 done'),
  createdAt: z.string(),
});
export type DeliberationMatter = z.infer<typeof DeliberationMatter>;
export const DeliberationPage = pageOf(DeliberationMatter);
export const DeliberationsQuery = z.strictObject({ orgUnitId: Id.optional(), ...PageQuery });
export const CreateDeliberationRequest = z.strictObject({
  orgUnitId: Id,
  title: required('事项名称', 100),
  description: text('事项说明', 2000).nullable().optional(),
  stepLabels: z
    .array(required('步骤名称', 30))
    .length(4, '“四议”须有4个步骤')
    .optional()
    .describe('默认：支部委员会提议、党组会商议、党员大会审议、全院干警大会决议'),
});
export const DeliberationStepRequest = z.strictObject({
  meetingId: Id,
  outcome: text('议定情况', 1000).nullable().optional(),
});
export const DeliberationStepParams = z.object({ id: Id, index: z.coerce.number().int().min(0).max(3) });
export const DisclosureRequest = z.strictObject({
  kind: z.enum(DISCLOSURE_KINDS, { error: '公开类型应为 resolution 或 result' }),
  disclosedOn: IsoDate,
  place: required('公开方式和地点', 100),
  content: required('公开内容', 2000),
});
