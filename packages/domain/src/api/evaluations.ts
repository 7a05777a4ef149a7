import { z } from 'zod';
import {
  EVALUATION_GRADES,
  EVALUATION_POINTS,
  FOLLOW_UP_MEASURES,
  ROUND_STEPS,
  VOTER_POOLS,
} from '../evaluation.rules.ts';
import { Id, IsoDate, Text } from './common.ts';
import { FileRef } from './goals.ts';

export const EvaluationGradeSchema = z.enum(EVALUATION_GRADES, {
  error: '等次应为 excellent（优秀）、qualified（合格）、basically_qualified（基本合格）或 unqualified（不合格）',
});
export const EvaluationPointSchema = z.enum(EVALUATION_POINTS, {
  error: '评议内容应为：岗位职责、审判绩效、工作作风、廉洁自律之一',
});
export const VoterPoolSchema = z.enum(VOTER_POOLS, {
  error: '投票范围应为 branch_members（本支部党员互评）或 all_staff（全院干警民主测评）',
});
const CoveredYear = z
  .number({ error: '评议年度应为四位年份' })
  .int('评议年度应为四位年份')
  .min(2000, '评议年度不早于2000年')
  .max(2100, '评议年度不晚于2100年');

/** 民主评议党员 round: one branch, one year covered (年度), one voter pool. */
export const CreateRoundRequest = z.strictObject({
  orgUnitId: Id.describe('党支部'),
  coveredYear: CoveredYear.describe('评议年度'),
  pool: VoterPoolSchema,
  points: z
    .array(EvaluationPointSchema)
    .min(1, '请至少选择一项评议内容')
    .refine((a) => new Set(a).size === a.length, '评议内容不能重复'),
});
export type CreateRoundRequest = z.infer<typeof CreateRoundRequest>;

export const FollowUp = z.object({
  measure: z.enum(FOLLOW_UP_MEASURES),
  dueOn: z.string().nullable(),
  notes: z.string(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const RoundSummary = z.object({
  id: Id,
  orgUnitId: Id,
  orgUnitName: z.string(),
  coveredYear: z.number().int(),
  pool: VoterPoolSchema,
  points: z.array(EvaluationPointSchema),
  step: z.enum(ROUND_STEPS),
  minBallots: z.number().int(),
  meetingId: Id.nullable(),
  meetingTitle: z.string().nullable(),
  voteId: Id.nullable(),
  subjectCount: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;
export const RoundsResponse = z.object({ items: z.array(RoundSummary) });
export type RoundsResponse = z.infer<typeof RoundsResponse>;
export const RoundsQuery = z.object({
  year: z.coerce.number().int().min(2000, '年份不早于2000年').max(2100, '年份不晚于2100年').optional(),
});

/** One evaluated member of a round, as the secretary sees them (never a ballot). */
export const RoundSubject = z.object({
  id: Id,
  personId: Id,
  name: z.string(),
  selfGrade: EvaluationGradeSchema.nullable(),
  selfText: z.string().nullable(),
  proposedGrade: EvaluationGradeSchema.nullable(),
  finalGrade: EvaluationGradeSchema.nullable(),
  followUp: FollowUp.nullable(),
});
export type RoundSubject = z.infer<typeof RoundSubject>;
export const RoundDetail = RoundSummary.extend({
  subjects: z.array(RoundSubject),
  maxExcellent: z.number().int(),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const EvaluationProgress = z.object({
  eligible: z.number().int().describe('应投票人数'),
  voted: z.number().int().describe('已投票人数（从不列出是谁）'),
});
export type EvaluationProgress = z.infer<typeof EvaluationProgress>;

const GradesOnBallot = z.strictObject({
  duties: EvaluationGradeSchema.optional(),
  trial_performance: EvaluationGradeSchema.optional(),
  work_style: EvaluationGradeSchema.optional(),
  integrity: EvaluationGradeSchema.optional(),
  overall: EvaluationGradeSchema.optional(),
});
/** A ballot: every member of the round graded on every point of the round and overall. */
export const BallotRequest = z.strictObject({
  marks: z
    .array(z.strictObject({ subjectId: Id, grades: GradesOnBallot }))
    .min(1, '请评议后提交')
    .max(500, '被评议人过多'),
});
export type BallotRequest = z.infer<typeof BallotRequest>;

/** What a voter needs to fill in a ballot: the round, the members, whether they have already voted. */
export const BallotForm = z.object({
  round: RoundSummary,
  subjects: z.array(z.object({ id: Id, name: z.string() })),
  hasVoted: z.boolean(),
});
export type BallotForm = z.infer<typeof BallotForm>;

const GradeNumbers = z.object({
  excellent: z.number(),
  qualified: z.number(),
  basically_qualified: z.number(),
  unqualified: z.number(),
});
export const EvaluationTally = z.object({
  ballots: z.number().int(),
  subjects: z.array(
    z.object({
      subjectId: Id,
      name: z.string(),
      points: z.array(
        z.object({
          point: z.enum([...EVALUATION_POINTS, 'overall']),
          counts: GradeNumbers,
          shares: GradeNumbers,
        }),
      ),
    }),
  ),
});
export type EvaluationTally = z.infer<typeof EvaluationTally>;

export const SelfEvaluationRequest = z.strictObject({
  grade: EvaluationGradeSchema.describe('自评等次'),
  text: Text.pipe(z.string().trim().min(1, '请填写个人自评').max(5000, '个人自评最多5000字')),
});
export type SelfEvaluationRequest = z.infer<typeof SelfEvaluationRequest>;

const SubjectGrade = z.strictObject({ subjectId: Id, grade: EvaluationGradeSchema });
export const ProposalsRequest = z.strictObject({
  grades: z.array(SubjectGrade).min(1, '请为参评党员提出等次建议'),
});
export type ProposalsRequest = z.infer<typeof ProposalsRequest>;

/** The 支部党员大会 decides: the meeting and its adopted vote; grades as proposed unless changed here. */
export const DecisionRequest = z.strictObject({
  meetingId: Id.describe('支部党员大会（组织生活会）'),
  voteId: Id.describe('该会议上通过的表决'),
  grades: z.array(SubjectGrade).optional(),
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;

export const FollowUpRequest = z.strictObject({
  measure: z.enum(FOLLOW_UP_MEASURES, { error: '处置措施应为：限期改正、劝其退党、除名之一' }),
  dueOn: IsoDate.nullable().optional(),
  notes: Text.pipe(z.string().trim().max(1000, '处置情况最多1000字')).optional(),
});
export type FollowUpRequest = z.infer<typeof FollowUpRequest>;

export const SubjectParams = z.object({ id: Id, subjectId: Id });

/** What the signed-in person sees of evaluation: ballots to cast, self-evaluations to write, own results. */
export const MyEvaluations = z.object({
  ballots: z.array(z.object({ round: RoundSummary, hasVoted: z.boolean() })),
  selfEvaluations: z.array(
    z.object({
      round: RoundSummary,
      subjectId: Id,
      grade: EvaluationGradeSchema.nullable(),
      text: z.string().nullable(),
    }),
  ),
  results: z.array(
    z.object({
      roundId: Id,
      coveredYear: z.number().int(),
      orgUnitName: z.string(),
      pool: VoterPoolSchema,
      finalGrade: EvaluationGradeSchema,
      followUp: FollowUp.nullable(),
    }),
  ),
});
export type MyEvaluations = z.infer<typeof MyEvaluations>;

/** 述职述廉: a person's report for a year, beside their public commitment and goals of that year. */
export const DutyReport = z.object({
  id: Id,
  personId: Id,
  personName: z.string(),
  year: z.number().int(),
  content: z.string().describe('报告正文（HTML）'),
  file: FileRef.nullable(),
  meetingId: Id.nullable(),
  meetingTitle: z.string().nullable(),
  commitment: z.string().nullable().describe('本人当年的公开承诺'),
  goals: z.array(z.object({ title: z.string(), progress: z.number().nullable() })),
});
export type DutyReport = z.infer<typeof DutyReport>;
export const DutyReportsResponse = z.object({
  items: z.array(DutyReport),
  /** Who the court names to report this year (党组成员, 支部委员) and whether they have. */
  expected: z.array(z.object({ personId: Id, name: z.string(), post: z.string(), submitted: z.boolean() })),
});
export type DutyReportsResponse = z.infer<typeof DutyReportsResponse>;
export const DutyReportsQuery = z.object({
  year: z.coerce.number().int().min(2000, '年份不早于2000年').max(2100, '年份不晚于2100年'),
});
export const DutyReportRequest = z.strictObject({
  year: CoveredYear.describe('述职年度'),
  content: z.string().min(1, '请填写述职述廉报告').max(200_000, '报告过长'),
  fileId: Id.nullable().optional(),
});
export type DutyReportRequest = z.infer<typeof DutyReportRequest>;
export const DutyReportMeetingRequest = z.strictObject({ meetingId: Id.nullable() });
export type DutyReportMeetingRequest = z.infer<typeof DutyReportMeetingRequest>;
