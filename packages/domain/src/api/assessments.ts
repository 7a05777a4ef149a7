import { z } from 'zod';
import { ASSESSMENT_GRADES, ASSESSMENT_PERIOD_PATTERN, parseAssessmentPeriod } from '../assessment.rules.ts';
import { Id } from './common.ts';
import { YearParam } from './goals.ts';

export const AssessmentGradeSchema = z.enum(ASSESSMENT_GRADES, { error: '考核等次应为：优秀、良好、一般、较差之一' });
export const PeriodSchema = z
  .string()
  .regex(ASSESSMENT_PERIOD_PATTERN, '考核期应写作“2026-Q3”')
  .refine((p) => parseAssessmentPeriod(p) !== null, '考核期年份应在2000—2100年之间');

export const AssessmentRow = z.object({
  personId: Id,
  name: z.string(),
  orgUnitId: Id.nullable(),
  orgUnitName: z.string().nullable(),
  goalCount: z.number().int(),
  completion: z.number().nullable().describe('当前按目标树计算的完成度'),
  suggestedGrade: AssessmentGradeSchema.nullable(),
  grade: AssessmentGradeSchema.nullable(),
  remarks: z.string().nullable(),
  completionAtAssessment: z.number().nullable().describe('评定时的完成度'),
  assessedByName: z.string().nullable(),
  assessedAt: z.string().nullable(),
});
export type AssessmentRow = z.infer<typeof AssessmentRow>;
export const AssessmentGroup = z.object({
  orgUnitId: Id.nullable(),
  orgUnitName: z.string(),
  memberCount: z.number().int(),
  assessedCount: z.number().int(),
  averageCompletion: z.number().nullable(),
  grades: z.object({
    excellent: z.number().int(),
    good: z.number().int(),
    fair: z.number().int(),
    poor: z.number().int(),
  }),
});
export type AssessmentGroup = z.infer<typeof AssessmentGroup>;
export const AssessmentsQuery = z.object({ period: PeriodSchema.optional() });
export const AssessmentsResponse = z.object({
  period: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  items: z.array(AssessmentRow),
  groups: z.array(AssessmentGroup),
});
export type AssessmentsResponse = z.infer<typeof AssessmentsResponse>;
export const SaveAssessmentRequest = z.strictObject({
  period: PeriodSchema,
  personId: Id,
  grade: AssessmentGradeSchema,
  remarks: z.string().trim().max(500, '考核评语最多500个字').default(''),
});
export type SaveAssessmentRequest = z.infer<typeof SaveAssessmentRequest>;

export const RankingsQuery = z.object({ year: YearParam.optional() });
export const MemberRanking = z.object({
  rank: z.number().int(),
  personId: Id,
  name: z.string(),
  orgUnitName: z.string().nullable(),
  goals: z.number(),
  attendance: z.number().nullable(),
  honours: z.number(),
  total: z.number(),
});
export const GroupRanking = z.object({
  rank: z.number().int(),
  orgUnitId: Id,
  orgUnitName: z.string(),
  memberCount: z.number().int(),
  averagePoints: z.number(),
});
export const RankingsResponse = z.object({
  year: z.number().int(),
  formula: z.string(),
  attendanceCounted: z.boolean(),
  members: z.array(MemberRanking),
  groups: z.array(GroupRanking),
});
export type RankingsResponse = z.infer<typeof RankingsResponse>;
