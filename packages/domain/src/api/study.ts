/** 学习平台: study programmes and sessions, attendance and sign-in, the study-hours ledger (学时台账). */
import { z } from 'zod';
import { ATTENDANCE_STATES } from '../meetings.rules.ts';
import {
  INCENTIVE_KINDS,
  INCENTIVE_RESULTS,
  MAX_SESSION_HOURS,
  STUDY_KINDS,
  STUDY_ROLE_LABELS,
  type StudyRole,
} from '../study.rules.ts';
import { CALENDAR_DAY_KINDS } from '../work-calendar.rules.ts';
import { Id, IsoDate } from './common.ts';
import { CourtTypeSchema, YearParam } from './goals.ts';
import { Instant, required, text } from './meetings/common.ts';

export const StudyKindSchema = z.enum(STUDY_KINDS, { error: '学习类型不正确' });
export const StudySessionStatusSchema = z.enum(['planned', 'held', 'cancelled']);
export type StudySessionStatus = z.infer<typeof StudySessionStatusSchema>;
export const STUDY_SESSION_STATUS_LABELS: Record<StudySessionStatus, string> = {
  planned: '未开始',
  held: '已举行',
  cancelled: '已取消',
};
const StudyRoleSchema = z.enum(Object.keys(STUDY_ROLE_LABELS) as [StudyRole, ...StudyRole[]]);

const Hours = z
  .number({ error: '学时应为数字' })
  .min(0, '学时不能为负')
  .max(MAX_SESSION_HOURS, `每次学习最多${String(MAX_SESSION_HOURS)}学时`)
  .refine((h) => Number.isInteger(h * 2), { error: '学时以0.5为单位' })
  .describe('本次学习计入的学时（一天8、半天4、一小时1，或自定）');
const CourtTypes = z.array(CourtTypeSchema).max(6).default(['learning']).describe('六型法院维度');
const Link = z.strictObject({
  title: required('链接名称', 100),
  url: z
    .string()
    .trim()
    .max(500, '链接最多500个字符')
    .regex(/^https?:\/\/\S+$/i, '链接应以 http:// 或 https:// 开头'),
});
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm（如 08:30）');

/** The one list other tools rely on: keep these five fields. */
export const StudySessionItem = z.object({
  id: Id,
  title: z.string(),
  startsAt: z.string(),
  hours: z.number(),
  status: StudySessionStatusSchema,
  kind: StudyKindSchema,
  endsAt: z.string().nullable(),
  place: z.string(),
  orgUnitId: Id.nullable().describe('应参加人员：空为全院干警，否则为该组织（含下级）'),
  orgUnitName: z.string().describe('应参加人员的范围（全院干警或组织名称）'),
  courtTypes: z.array(CourtTypeSchema),
  programmeId: Id.nullable(),
});
export type StudySessionItem = z.infer<typeof StudySessionItem>;
export const StudySessionList = z.object({ items: z.array(StudySessionItem), total: z.number().int() });

export const StudySessionsQuery = z.strictObject({
  from: IsoDate.optional().describe('开始日期（含），上海时间；省略为本月1日'),
  to: IsoDate.optional().describe('结束日期（含）；省略为本月末；最长一年'),
  orgUnitId: Id.optional(),
  kind: StudyKindSchema.optional(),
});

const sessionFields = {
  title: required('学习名称', 100),
  kind: StudyKindSchema.default('other'),
  topic: text('学习主题', 200).nullable().optional(),
  speaker: text('主讲人', 60).nullable().optional(),
  place: required('学习地点', 60),
  orgUnitId: Id.nullable().default(null).describe('应参加人员：空为全院干警，或一个组织（含下级）'),
  hours: Hours,
  courtTypes: CourtTypes,
  materialsHtml: z
    .string()
    .max(50_000, '学习材料最多50000个字符')
    .nullable()
    .optional()
    .describe('学习材料（富文本，服务器按白名单清理）'),
  links: z.array(Link).max(20, '链接最多20个').default([]),
  fileIds: z.array(Id).max(20, '附件最多20个').default([]).describe('先经 POST /api/files 上传'),
};
export const CreateStudySessionRequest = z.strictObject({
  ...sessionFields,
  startsAt: Instant,
  endsAt: Instant.nullable().optional(),
});
export type CreateStudySessionRequest = z.infer<typeof CreateStudySessionRequest>;
export const UpdateStudySessionRequest = z
  .strictObject({
    title: sessionFields.title,
    topic: sessionFields.topic,
    speaker: sessionFields.speaker,
    place: sessionFields.place,
    hours: Hours,
    courtTypes: z.array(CourtTypeSchema).max(6),
    materialsHtml: sessionFields.materialsHtml,
    links: z.array(Link).max(20, '链接最多20个'),
    fileIds: z.array(Id).max(20, '附件最多20个'),
    cancelled: z.boolean().describe('取消本次学习（不计学时）'),
  })
  .partial();
export type UpdateStudySessionRequest = z.infer<typeof UpdateStudySessionRequest>;

export const StudyRecurrenceSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('workdays') }),
    z.strictObject({
      kind: z.literal('weekly'),
      weekday: z.number().int().min(1, '星期应为1至7').max(7, '星期应为1至7'),
    }),
    z.strictObject({
      kind: z.literal('monthly'),
      dayOfMonth: z.number().int().min(1, '日期应为1至31').max(31, '日期应为1至31'),
    }),
  ],
  { error: '重复方式应为每个工作日、每周或每月' },
);

export const CreateStudyProgrammeRequest = z.strictObject({
  title: sessionFields.title,
  kind: sessionFields.kind,
  speaker: sessionFields.speaker,
  place: sessionFields.place,
  orgUnitId: sessionFields.orgUnitId,
  hours: Hours,
  courtTypes: CourtTypes,
  recurrence: StudyRecurrenceSchema,
  from: IsoDate.describe('第一天（含）'),
  to: IsoDate.describe('最后一天（含）'),
  startTime: TimeOfDay.describe('开始时间（上海时间）'),
  durationMinutes: z.number().int().min(5, '时长至少5分钟').max(600, '时长最多600分钟'),
});
export type CreateStudyProgrammeRequest = z.infer<typeof CreateStudyProgrammeRequest>;
export const StudyProgramme = z.object({
  id: Id,
  title: z.string(),
  kind: StudyKindSchema,
  recurrence: StudyRecurrenceSchema,
  from: z.string(),
  to: z.string(),
  startTime: z.string(),
  durationMinutes: z.number().int(),
  hours: z.number(),
  place: z.string(),
  orgUnitId: Id.nullable(),
  orgUnitName: z.string(),
  courtTypes: z.array(CourtTypeSchema),
  sessions: z.number().int().describe('生成的学习场次'),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
});
export type StudyProgramme = z.infer<typeof StudyProgramme>;
export const StudyProgrammeList = z.object({ items: z.array(StudyProgramme) });

export const StudyAttendee = z.object({
  personId: Id,
  name: z.string(),
  orgUnitName: z.string().nullable(),
  state: z.enum(ATTENDANCE_STATES),
  reason: z.string().nullable(),
  signedInAt: z.string().nullable(),
  signInMethod: z.enum(['code', 'manual']).nullable(),
});
export type StudyAttendee = z.infer<typeof StudyAttendee>;
export const StudyAttendanceSummary = z.object({
  expected: z.number().int(),
  present: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  pending: z.number().int(),
});
export const StudyAttendanceResponse = z.object({
  attendees: z.array(StudyAttendee),
  summary: StudyAttendanceSummary,
});

export const StudySessionDetail = StudySessionItem.extend({
  topic: z.string().nullable(),
  speaker: z.string().nullable(),
  materialsHtml: z.string().nullable(),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  files: z.array(z.object({ id: Id, name: z.string(), mime: z.string(), size: z.number().int() })),
  canManage: z.boolean(),
  myAttendance: StudyAttendee.nullable().describe('本人应参加时的出席情况'),
  attendees: z.array(StudyAttendee).describe('应参加人员（仅管理人员可见，其他人为空）'),
  summary: StudyAttendanceSummary,
});
export type StudySessionDetail = z.infer<typeof StudySessionDetail>;
export const StudySignInResponse = z.object({ signedInAt: z.string(), title: z.string(), hours: z.number() });

export const StudyHoursQuery = z.strictObject({
  year: YearParam.optional(),
  orgUnitId: Id.optional(),
  behind: z.enum(['true', 'false']).optional().describe('true：只列落后于进度的人员'),
});
/** The ledger row other tools rely on: personId, name, required, earned, behind. */
export const StudyHoursItem = z.object({
  personId: Id,
  name: z.string(),
  required: z.number().describe('年度应修学时（党员32，支部书记和委员56，可设置）'),
  earned: z.number().describe('已修学时：出席的学习场次学时之和'),
  behind: z.boolean().describe('少于按月进度应修的学时（截至上月末）'),
  pace: z.number().describe('截至上月末按进度应修的学时'),
  role: StudyRoleSchema,
  orgUnitId: Id.nullable(),
  orgUnitName: z.string().nullable(),
});
export type StudyHoursItem = z.infer<typeof StudyHoursItem>;
export const StudyHoursResponse = z.object({
  year: z.number().int(),
  monthsLeft: z.number().int().describe('本年度剩余月数（不含本月）'),
  items: z.array(StudyHoursItem),
});
export type StudyHoursResponse = z.infer<typeof StudyHoursResponse>;
export const PersonHoursParams = z.object({ personId: Id });
export const PersonHoursQuery = z.strictObject({ year: YearParam.optional() });
export const PersonStudyLedger = StudyHoursItem.extend({
  year: z.number().int(),
  monthsLeft: z.number().int(),
  sessions: z.array(
    z.object({
      id: Id,
      title: z.string(),
      kind: StudyKindSchema,
      startsAt: z.string(),
      hours: z.number(),
      state: z.enum(ATTENDANCE_STATES),
      reason: z.string().nullable(),
    }),
  ),
});
export type PersonStudyLedger = z.infer<typeof PersonStudyLedger>;

export const CalendarYearParams = z.object({ year: YearParam });
export const WorkCalendarDay = z.strictObject({
  day: IsoDate,
  kind: z.enum(CALENDAR_DAY_KINDS, { error: '应为放假（holiday）或调休上班（workday）' }),
  name: required('节日名称', 20),
});
export const WorkCalendarYear = z.object({ year: z.number().int(), days: z.array(WorkCalendarDay) });
export type WorkCalendarYear = z.infer<typeof WorkCalendarYear>;
export const PutWorkCalendarRequest = z.strictObject({
  days: z.array(WorkCalendarDay).max(120, '一年最多登记120天'),
});

export const IncentiveRequest = z.strictObject({
  personId: Id,
  kind: z.enum(INCENTIVE_KINDS, { error: '类别应为法律本科（law_degree）或法律职业资格考试（legal_exam）' }),
  year: z.number({ error: '年度应为四位数字' }).int().min(2000, '年度不能早于2000年').max(2100, '年度不正确'),
  institution: text('院校', 60).nullable().optional(),
  result: z.enum(INCENTIVE_RESULTS, { error: '结果不正确' }),
  reward: text('奖励', 200).nullable().optional().describe('给予的奖励（如报销学费、通报表扬）'),
  notes: text('备注', 500).nullable().optional(),
});
export type IncentiveRequest = z.infer<typeof IncentiveRequest>;
export const UpdateIncentiveRequest = IncentiveRequest.omit({ personId: true, kind: true }).partial();
export type UpdateIncentiveRequest = z.infer<typeof UpdateIncentiveRequest>;
export const Incentive = z.object({
  id: Id,
  personId: Id,
  name: z.string(),
  kind: z.enum(INCENTIVE_KINDS),
  year: z.number().int(),
  institution: z.string().nullable(),
  result: z.enum(INCENTIVE_RESULTS),
  reward: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Incentive = z.infer<typeof Incentive>;
export const IncentivesQuery = z.strictObject({ year: YearParam.optional() });
export const IncentivesResponse = z.object({
  items: z.array(Incentive),
  byYear: z
    .array(
      z.object({
        year: z.number().int(),
        enrolled: z.number().int().describe('法律本科在读'),
        graduated: z.number().int(),
        examAttempts: z.number().int(),
        passed: z.number().int(),
        rewarded: z.number().int(),
      }),
    )
    .describe('本院每年的数字（所辖人员）'),
});
export type IncentivesResponse = z.infer<typeof IncentivesResponse>;
