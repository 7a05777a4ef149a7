import { z } from 'zod';
import { DEVELOPMENT_STAGES, DEVELOPMENT_STEP_COUNT } from '../development.rules.ts';
import { Id, IsoDate, Text } from './common.ts';
import { FileRef } from './goals.ts';
import { PersonStatus } from './people.ts';

export const DevelopmentStageSchema = z.enum(DEVELOPMENT_STAGES);
export const StepNumber = z.coerce
  .number({ error: '步骤应为1至25的整数' })
  .int({ error: '步骤应为1至25的整数' })
  .min(1, { error: '步骤应为1至25的整数' })
  .max(DEVELOPMENT_STEP_COUNT, { error: '步骤应为1至25的整数' });
const ShortText = (max: number, what: string) =>
  Text.pipe(z.string().max(max, { error: `${what}不超过${String(max)}字` }));

export const PersonParams = z.object({ personId: Id });
export const PersonStepParams = z.object({ personId: Id, step: StepNumber });

export const RecordStepRequest = z.strictObject({
  step: StepNumber,
  on: IsoDate.describe('办理日期'),
  who: ShortText(50, '经办人').optional().describe('经办人或谈话人；不填为登记人'),
  notes: ShortText(500, '说明').optional(),
  fileIds: z.array(Id).max(10, { error: '最多10个材料' }).optional().describe('材料（先上传到 /api/files）'),
  personIds: z
    .array(Id)
    .max(2, { error: '最多2人' })
    .optional()
    .describe('第5步的培养联系人（1至2名）、第9步的入党介绍人（2名）：须为正式党员'),
  voteId: Id.optional().describe('第15、23步：会议模块中支部党员大会的表决；不填则按日期查找'),
  trainingDays: z.number({ error: '培训天数应为数字' }).min(0).max(365).optional(),
  trainingHours: z.number({ error: '培训学时应为数字' }).min(0).max(2000).optional(),
  specialReason: ShortText(200, '特殊情况说明').optional().describe('审批超过3个月（最长6个月）的特殊情况'),
  outcome: z
    .enum(['convert', 'cancel'], { error: '审批结果应为 convert（按期转正）或 cancel（取消预备党员资格）' })
    .optional(),
});
export type RecordStepRequest = z.input<typeof RecordStepRequest>;

export const DevelopmentStepView = z.object({
  step: z.number().int(),
  label: z.string(),
  stage: DevelopmentStageSchema,
  on: IsoDate,
  date: IsoDate,
  who: z.string().nullable(),
  recordedBy: z.string().nullable(),
  notes: z.string().nullable(),
  late: z.boolean(),
  warning: z.string().nullable(),
  files: z.array(FileRef),
  people: z.array(z.object({ id: Id, name: z.string() })),
  vote: z
    .object({ id: Id, meetingId: Id, subject: z.string(), yes: z.number().int(), entitled: z.number().int() })
    .nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type DevelopmentStepView = z.infer<typeof DevelopmentStepView>;

export const DevelopmentNext = z.object({
  step: z.number().int().nullable(),
  label: z.string().nullable(),
  earliest: IsoDate.nullable(),
  deadline: IsoDate.nullable(),
  nextAssessment: IsoDate.nullable(),
});

export const DevelopmentRecord = z.object({
  personId: Id,
  name: z.string(),
  status: PersonStatus,
  orgUnitName: z.string().nullable(),
  stage: DevelopmentStageSchema.nullable(),
  steps: z.array(DevelopmentStepView),
  assessments: z.array(z.object({ id: Id, on: IsoDate, result: z.string(), who: z.string().nullable() })),
  extension: z.object({ months: z.number().int(), on: IsoDate, reason: z.string() }).nullable(),
  probationEndsOn: IsoDate.nullable(),
  next: DevelopmentNext,
});
export type DevelopmentRecord = z.infer<typeof DevelopmentRecord>;

export const AssessmentRequest = z.strictObject({
  on: IsoDate,
  result: ShortText(500, '考察意见').pipe(z.string().min(1, { error: '请填写考察意见' })),
  who: ShortText(50, '考察人').optional(),
});
export const ExtensionRequest = z.strictObject({
  months: z.number({ error: '延长月数应为6至12的整数' }).int({ error: '延长月数应为6至12的整数' }),
  on: IsoDate,
  reason: ShortText(300, '原因').pipe(z.string().min(1, { error: '请填写延长预备期的原因' })),
});

export const BoardQuery = z.object({ orgUnitId: Id });
export const BoardItem = z.object({
  personId: Id,
  name: z.string(),
  status: PersonStatus,
  stage: DevelopmentStageSchema.nullable(),
  lastStep: z.number().int().nullable(),
  lastOn: IsoDate.nullable(),
  next: DevelopmentNext,
  overdue: z.boolean(),
  probationEndsOn: IsoDate.nullable(),
});
export type BoardItem = z.infer<typeof BoardItem>;
export const DevelopmentBoard = z.object({ orgUnitName: z.string(), items: z.array(BoardItem) });
export type DevelopmentBoard = z.infer<typeof DevelopmentBoard>;
