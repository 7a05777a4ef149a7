import { z } from 'zod';
import { COURT_TYPES, GOAL_LEVELS, GOAL_OWNER_KINDS, GOAL_REPORT_STATUSES, INDICATOR_KINDS } from '../goals.rules.ts';
import { GOAL_PROGRESS_SOURCES } from '../goal-sources.rules.ts';
import { Id, IsoDate } from './common.ts';

export const CourtTypeSchema = z.enum(COURT_TYPES, {
  error: '六型法院维度应为：学习型、服务型、规范型、清廉型、和谐型、创新型之一',
});
export const GoalLevelSchema = z.enum(GOAL_LEVELS, { error: '目标层级应为：党组、党支部、部门/党小组、党员之一' });
export const IndicatorKindSchema = z.enum(INDICATOR_KINDS, { error: '指标类型应为：数量、百分比、是否完成、分值之一' });
export const GoalOwnerKindSchema = z.enum(GOAL_OWNER_KINDS);
export const GoalReportStatusSchema = z.enum(GOAL_REPORT_STATUSES);
export const GoalProgressSourceSchema = z.enum(GOAL_PROGRESS_SOURCES, {
  error: '进度来源应为：进度报告、学时台账、会议出勤之一',
});

export const YearParam = z.coerce
  .number({ error: '年度应为四位数字' })
  .int('年度应为四位数字')
  .min(2000, '年度不能早于2000年')
  .max(2100, '年度不能晚于2100年');
export const YearQuery = z.object({ year: YearParam.optional() });
/** One level of the year's goal tree: the roots, or the direct children of `parentId`. */
export const GoalsQuery = z.object({
  year: YearParam.optional(),
  parentId: Id.optional().describe('省略时为本年度的顶层目标；给出时为该目标的直接下级目标'),
});
export type GoalsQuery = z.infer<typeof GoalsQuery>;

/** A file referred to from a record: enough to show and download it. */
export const FileRef = z.object({ id: Id, name: z.string(), mime: z.string(), size: z.number().int() });
export type FileRef = z.infer<typeof FileRef>;

/** A goal as the year's list shows it; `Goal` adds what one goal's page needs. */
export const GoalListItem = z.object({
  id: Id,
  parentId: Id.nullable(),
  level: GoalLevelSchema,
  title: z.string(),
  dimension: CourtTypeSchema.describe('六型法院维度'),
  indicatorKind: IndicatorKindSchema,
  targetValue: z.number(),
  unit: z.string(),
  weight: z.number(),
  ownerName: z.string(),
  deadline: z.string().nullable(),
  currentValue: z.number().nullable().describe('最近一次被采纳的进度值；尚无则为 null'),
  progress: z.number().min(0).max(1).describe('计算所得的完成度（0–1），下级目标按权重汇总'),
  overdue: z.boolean().describe('本目标或任一下级目标逾期未完成'),
  lateSelf: z.boolean().describe('本目标已过期限且未完成'),
  childCount: z.number().int().describe('直接下级目标的个数'),
  pendingReports: z.number().int(),
});
export type GoalListItem = z.infer<typeof GoalListItem>;
export const Goal = GoalListItem.extend({
  year: z.number().int(),
  description: z.string().nullable(),
  ownerKind: GoalOwnerKindSchema,
  ownerId: Id,
  progressSource: GoalProgressSourceSchema.describe(
    '进度来源：report 本人填报、上级审核；study_hours 学时台账；meeting_attendance 本年度参加会议的次数（后两者自动统计，不能填报）',
  ),
});
export type Goal = z.infer<typeof Goal>;
/** A level at which the caller may set a top goal, and the organisations that may answer for it. */
export const AllowedGoalLevel = z.object({
  level: GoalLevelSchema,
  owners: z.array(z.object({ id: Id, name: z.string() })),
});
export type AllowedGoalLevel = z.infer<typeof AllowedGoalLevel>;
export const GoalsResponse = z.object({
  year: z.number().int(),
  parentId: Id.nullable().describe('这一层的上级目标；顶层为 null'),
  items: z.array(GoalListItem),
  allowed: z
    .array(AllowedGoalLevel)
    .describe('顶层：当前用户可以制定目标的层级和责任主体；为空则不能制定顶层目标。下级目标为空数组'),
});
export type GoalsResponse = z.infer<typeof GoalsResponse>;
/** A goal's path: from its root down to the goal itself. */
export const GoalPathResponse = z.object({ items: z.array(GoalListItem) });
export type GoalPathResponse = z.infer<typeof GoalPathResponse>;

export const GoalOwnerRef = z.strictObject({ kind: GoalOwnerKindSchema, id: Id });
export type GoalOwnerRef = z.infer<typeof GoalOwnerRef>;

const title = z.string().trim().min(1, '请填写目标名称').max(100, '目标名称最多100个字');
const description = z.string().trim().max(1000, '目标说明最多1000个字').nullable();
const targetValue = z.number({ error: '目标值应为数字' }).positive('目标值应大于0').max(1_000_000, '目标值过大');
const unit = z.string().trim().max(10, '计量单位最多10个字');
const weight = z
  .number({ error: '权重应为数字' })
  .min(0, '权重不能为负数')
  .max(10_000, '权重过大')
  .refine((w) => Math.abs(w * 100 - Math.round(w * 100)) < 1e-6, '权重最多保留两位小数');

export const CreateGoalRequest = z.strictObject({
  year: YearParam,
  parentId: Id.nullable().optional(),
  level: GoalLevelSchema,
  title,
  description: description.optional(),
  dimension: CourtTypeSchema,
  indicatorKind: IndicatorKindSchema,
  targetValue: targetValue.optional().describe('“是否完成”类指标可省略（为1）'),
  unit: unit.optional(),
  weight: weight.default(1),
  owner: GoalOwnerRef,
  deadline: IsoDate.nullable().optional(),
  progressSource: GoalProgressSourceSchema.default('report').describe('学时台账、会议出勤仅用于党员本人的“数量”类目标'),
});
export type CreateGoalRequest = z.infer<typeof CreateGoalRequest>;

export const UpdateGoalRequest = z
  .strictObject({
    title,
    description,
    dimension: CourtTypeSchema,
    indicatorKind: IndicatorKindSchema,
    targetValue,
    unit,
    weight,
    owner: GoalOwnerRef,
    deadline: IsoDate.nullable(),
    progressSource: GoalProgressSourceSchema,
  })
  .partial();
export type UpdateGoalRequest = z.infer<typeof UpdateGoalRequest>;

export const DecomposeGoalRequest = z.strictObject({
  owners: z
    .array(
      z.strictObject({
        kind: GoalOwnerKindSchema,
        id: Id,
        weight: weight.optional().describe('省略时平均分配上级目标的权重'),
        title: title.optional(),
        targetValue: targetValue.optional(),
      }),
    )
    .min(1, '请至少选择一个责任主体')
    .max(500, '一次最多分解给500个责任主体'),
  progressSource: GoalProgressSourceSchema.default('report').describe(
    '分解给党员时可选：学时台账、会议出勤自动统计（上级目标须为“数量”类）',
  ),
});
export type DecomposeGoalRequest = z.infer<typeof DecomposeGoalRequest>;
export const DecomposeGoalResponse = z.object({ items: z.array(Goal) });

export const ProgressReportRequest = z.strictObject({
  value: z.number({ error: '完成值应为数字' }).min(0, '完成值不能为负数').max(1_000_000, '完成值过大'),
  note: z.string().trim().max(500, '进度说明最多500个字').default(''),
  fileIds: z.array(Id).max(10, '佐证材料最多10个文件').default([]),
});
export type ProgressReportRequest = z.infer<typeof ProgressReportRequest>;

export const GoalReport = z.object({
  id: Id,
  goalId: Id,
  goalTitle: z.string(),
  goalLevel: GoalLevelSchema,
  ownerName: z.string(),
  indicatorKind: IndicatorKindSchema,
  targetValue: z.number(),
  unit: z.string(),
  value: z.number(),
  note: z.string(),
  status: GoalReportStatusSchema,
  files: z.array(FileRef),
  reportedByName: z.string().nullable(),
  reportedAt: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
export type GoalReport = z.infer<typeof GoalReport>;
export const GoalReportsQuery = z.object({ status: GoalReportStatusSchema.default('pending') });
export const GoalReportsResponse = z.object({ items: z.array(GoalReport) });
export type GoalReportsResponse = z.infer<typeof GoalReportsResponse>;
export const ReviewReportRequest = z.strictObject({
  note: z.string().trim().max(500, '审核意见最多500个字').default(''),
});
export const ReturnReportRequest = z.strictObject({
  note: z.string().trim().min(1, '请填写退回原因').max(500, '退回原因最多500个字'),
});

export const GoalDetail = Goal.extend({
  ancestors: z.array(z.object({ id: Id, title: z.string(), level: GoalLevelSchema })),
  reports: z.array(GoalReport),
  canReport: z.boolean(),
  canManage: z.boolean().describe('可修改、删除（上一级）'),
  canDecompose: z.boolean().describe('可分解到下一级（本组织负责的目标）'),
});
export type GoalDetail = z.infer<typeof GoalDetail>;

export const MyGoal = Goal.extend({ lastReport: GoalReport.nullable() });
export type MyGoal = z.infer<typeof MyGoal>;
export const MyGoalsResponse = z.object({
  year: z.number().int(),
  completion: z.number().nullable().describe('本人目标按权重的完成度'),
  items: z.array(MyGoal),
});
export type MyGoalsResponse = z.infer<typeof MyGoalsResponse>;

export const DimensionProgress = z.object({
  dimension: CourtTypeSchema,
  progress: z.number().nullable(),
  goalCount: z.number().int(),
  metCount: z.number().int(),
  overdueCount: z.number().int(),
});
export const DimensionsResponse = z.object({ year: z.number().int(), items: z.array(DimensionProgress) });
export type DimensionsResponse = z.infer<typeof DimensionsResponse>;

export const GoalSummaryResponse = z.object({
  year: z.number().int(),
  overallProgress: z.number().nullable(),
  goalCount: z.number().int(),
  metCount: z.number().int(),
  lateCount: z.number().int(),
  levels: z.array(
    z.object({
      level: GoalLevelSchema,
      goalCount: z.number().int(),
      metCount: z.number().int(),
      lateCount: z.number().int(),
      averageProgress: z.number().nullable(),
    }),
  ),
  dimensions: z.array(DimensionProgress),
  late: z.array(GoalListItem).describe('逾期未完成的目标（最多100个）'),
});
export type GoalSummaryResponse = z.infer<typeof GoalSummaryResponse>;
