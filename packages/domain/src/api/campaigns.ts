/** 活动平台 · 主题教育实践活动: campaigns, phases, tasks, participation; and the year by court type. */
import { z } from 'zod';
import { PHASE_STATES, TASK_STATES } from '../campaigns.rules.ts';
import { Id, IsoDate } from './common.ts';
import { CourtTypeSchema, YearParam } from './goals.ts';
import { required, text } from './meetings/common.ts';

export const PhaseStateSchema = z.enum(PHASE_STATES);
export const TaskStateSchema = z.enum(TASK_STATES);
const CourtTypes = z
  .array(CourtTypeSchema)
  .min(1, '请至少选择一个六型法院维度')
  .max(6)
  .describe('六型法院维度（学习型、服务型、规范型、清廉型、和谐型、创新型）');

export const PhaseInput = z.strictObject({
  name: required('阶段名称', 30),
  startsOn: IsoDate.describe('第一天（含），法院所在地日期'),
  endsOn: IsoDate.describe('最后一天（含）'),
});
export type PhaseInput = z.infer<typeof PhaseInput>;

export const CreateCampaignRequest = z.strictObject({
  title: required('活动名称', 100),
  goals: required('活动目标', 2000),
  courtTypes: CourtTypes,
  orgUnitId: Id.nullable().default(null).describe('组织开展的党组织：空为全院'),
  phases: z.array(PhaseInput).min(1, '请至少安排一个阶段').max(10, '最多10个阶段'),
});
export type CreateCampaignRequest = z.infer<typeof CreateCampaignRequest>;

export const UpdateCampaignRequest = z
  .strictObject({
    title: required('活动名称', 100),
    goals: required('活动目标', 2000),
    courtTypes: CourtTypes,
    summary: text('活动总结', 5000).nullable().describe('活动总结（成效、经验、建章立制）'),
  })
  .partial();
export type UpdateCampaignRequest = z.infer<typeof UpdateCampaignRequest>;

export const CreateTaskRequest = z.strictObject({
  phaseId: Id,
  title: required('任务名称', 100),
  description: text('任务要求', 1000).nullable().optional(),
  orgUnitId: Id.nullable().default(null).describe('承担的党组织（与 personId 二选一）'),
  personId: Id.nullable().default(null).describe('承担的个人（与 orgUnitId 二选一）'),
  dueOn: IsoDate.describe('完成期限（含当天）'),
  courtTypes: CourtTypes.optional().describe('省略时与活动相同'),
});
export type CreateTaskRequest = z.infer<typeof CreateTaskRequest>;

export const ReportTaskRequest = z.strictObject({
  done: z.boolean().describe('true：任务已完成；false：参加了，尚未完成'),
  summary: required('情况简述', 500),
  fileIds: z.array(Id).max(9, '照片最多9张').default([]).describe('先经 POST /api/files 上传'),
});
export type ReportTaskRequest = z.infer<typeof ReportTaskRequest>;

export const CampaignsQuery = z.strictObject({ year: YearParam.optional() });

export const CampaignPhase = z.object({
  id: Id,
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: PhaseStateSchema,
});
export type CampaignPhase = z.infer<typeof CampaignPhase>;

export const CampaignListItem = z.object({
  id: Id,
  title: z.string(),
  courtTypes: z.array(CourtTypeSchema),
  orgUnitId: Id.nullable(),
  orgUnitName: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  state: PhaseStateSchema,
  tasks: z.number().int(),
  done: z.number().int(),
});
export type CampaignListItem = z.infer<typeof CampaignListItem>;
export const CampaignList = z.object({ items: z.array(CampaignListItem), total: z.number().int() });

const ReportPhoto = z.object({ id: Id, name: z.string(), mime: z.string() });
export const TaskReport = z.object({
  personId: Id,
  name: z.string(),
  done: z.boolean(),
  summary: z.string(),
  reportedAt: z.string(),
  photos: z.array(ReportPhoto),
});
export type TaskReport = z.infer<typeof TaskReport>;

export const CampaignTask = z.object({
  id: Id,
  campaignId: Id,
  phaseId: Id,
  title: z.string(),
  description: z.string().nullable(),
  orgUnitId: Id.nullable(),
  personId: Id.nullable(),
  assigneeName: z.string(),
  dueOn: z.string(),
  courtTypes: z.array(CourtTypeSchema),
  state: TaskStateSchema,
  reports: z.number().int().describe('参加并报告的人数'),
});
export type CampaignTask = z.infer<typeof CampaignTask>;

export const OrgProgressItem = z.object({
  orgUnitId: Id,
  name: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  share: z.number().describe('已完成任务的比例（0–1）'),
});
export type OrgProgressItem = z.infer<typeof OrgProgressItem>;

export const CampaignDetail = CampaignListItem.extend({
  goals: z.string(),
  summary: z.string().nullable(),
  phases: z.array(CampaignPhase),
  taskList: z.array(CampaignTask),
  progress: z.array(OrgProgressItem).describe('各党组织的任务完成比例（有任务的）'),
  canManage: z.boolean(),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

export const TaskDetail = CampaignTask.extend({
  campaignTitle: z.string(),
  phaseName: z.string(),
  phaseState: PhaseStateSchema,
  canReport: z.boolean().describe('本人可以报告（任务是本人的，或本人所在组织的）'),
  myReport: TaskReport.nullable(),
  participants: z.array(TaskReport).describe('参加人员及情况（管理人员和承担者可见）'),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const MyTaskItem = CampaignTask.extend({
  campaignTitle: z.string(),
  phaseName: z.string(),
  myReport: z.object({ done: z.boolean(), reportedAt: z.string() }).nullable(),
});
export type MyTaskItem = z.infer<typeof MyTaskItem>;
export const MyTaskList = z.object({ items: z.array(MyTaskItem) });

export const YearByDimensionQuery = z.strictObject({ year: YearParam.optional() });
export const YearByDimensionRow = z.object({
  courtType: CourtTypeSchema,
  label: z.string(),
  studySessions: z.number().int().describe('标注该维度的学习场次（已举行，不含取消）'),
  studyHours: z.number().describe('出席这些场次获得的学时之和'),
  campaigns: z.number().int().describe('标注该维度、当年开展的主题教育实践活动'),
  tasks: z.number().int(),
  tasksDone: z.number().int(),
});
export type YearByDimensionRow = z.infer<typeof YearByDimensionRow>;
export const YearByDimensionResponse = z.object({
  year: z.number().int(),
  scopeName: z.string().describe('统计范围：全院或所辖组织'),
  rows: z.array(YearByDimensionRow),
});
export type YearByDimensionResponse = z.infer<typeof YearByDimensionResponse>;
