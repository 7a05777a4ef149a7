import { z } from 'zod';
import { COMMITMENT_OWNER_KINDS, COMMITMENT_STATUSES, MAX_PROMISES, PROMISE_RESULTS } from '../commitments.rules.ts';
import { Id } from './common.ts';
import { YearParam } from './goals.ts';

export const CommitmentStatusSchema = z.enum(COMMITMENT_STATUSES);
export const CommitmentOwnerKindSchema = z.enum(COMMITMENT_OWNER_KINDS);
export const PromiseResultSchema = z.enum(PROMISE_RESULTS, { error: '兑现情况应为：已兑现、部分兑现、未兑现之一' });

export const CommitmentPromise = z.object({
  id: Id,
  text: z.string(),
  goalId: Id.nullable(),
  goalTitle: z.string().nullable(),
  selfAssessment: PromiseResultSchema.nullable(),
  selfNote: z.string().nullable(),
  verifiedResult: PromiseResultSchema.nullable(),
  verificationNote: z.string().nullable(),
});
export type CommitmentPromise = z.infer<typeof CommitmentPromise>;

export const Commitment = z.object({
  id: Id,
  year: z.number().int(),
  ownerKind: CommitmentOwnerKindSchema,
  ownerId: Id,
  ownerName: z.string(),
  orgUnitName: z.string().nullable().describe('党员所在党小组；组织承诺为 null'),
  status: CommitmentStatusSchema,
  promises: z.array(CommitmentPromise),
  submittedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  result: PromiseResultSchema.nullable().describe('支部核实后的总体兑现情况'),
  verifiedAt: z.string().nullable(),
});
export type Commitment = z.infer<typeof Commitment>;

export const CommitmentsQuery = z.object({
  year: YearParam.optional(),
  status: CommitmentStatusSchema.optional(),
});
export const CommitmentsResponse = z.object({ year: z.number().int(), items: z.array(Commitment) });
export type CommitmentsResponse = z.infer<typeof CommitmentsResponse>;
export const MyCommitmentResponse = z.object({ year: z.number().int(), item: Commitment.nullable() });
export type MyCommitmentResponse = z.infer<typeof MyCommitmentResponse>;

const promises = z
  .array(
    z.strictObject({
      text: z.string().trim().min(1, '请填写承诺内容').max(200, '每条承诺最多200个字'),
      goalId: Id.nullable().optional(),
    }),
  )
  .min(1, '请至少填写一条承诺')
  .max(MAX_PROMISES, `承诺最多${String(MAX_PROMISES)}条`);

export const CreateCommitmentRequest = z.strictObject({
  year: YearParam,
  ownerKind: CommitmentOwnerKindSchema.default('person'),
  orgUnitId: Id.optional().describe('组织承诺时必填：作出承诺的党支部'),
  promises,
});
export type CreateCommitmentRequest = z.infer<typeof CreateCommitmentRequest>;
export const UpdateCommitmentRequest = z.strictObject({ promises });
export type UpdateCommitmentRequest = z.infer<typeof UpdateCommitmentRequest>;
export const ReturnCommitmentRequest = z.strictObject({
  note: z.string().trim().min(1, '请填写退回原因').max(500, '退回原因最多500个字'),
});
export const PromiseResultsRequest = z.strictObject({
  promises: z
    .array(
      z.strictObject({
        id: Id,
        result: PromiseResultSchema,
        note: z.string().trim().max(300, '说明最多300个字').optional(),
      }),
    )
    .min(1, '请逐条填写兑现情况')
    .max(MAX_PROMISES),
});
export type PromiseResultsRequest = z.infer<typeof PromiseResultsRequest>;

export const PublicCommitmentsQuery = z.object({
  court: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, '法院代码格式不正确')
    .optional()
    .describe('法院代码；服务器上只有一个法院时可省略'),
  year: YearParam.optional(),
});
export const PublicCommitment = z.object({
  id: Id,
  year: z.number().int(),
  ownerKind: CommitmentOwnerKindSchema,
  ownerName: z.string(),
  orgUnitName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  promises: z.array(
    z.object({
      text: z.string(),
      selfAssessment: PromiseResultSchema.nullable(),
      verifiedResult: PromiseResultSchema.nullable(),
    }),
  ),
  result: PromiseResultSchema.nullable(),
});
export type PublicCommitment = z.infer<typeof PublicCommitment>;
export const PublicCommitmentsResponse = z.object({
  court: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  items: z.array(PublicCommitment),
});
export type PublicCommitmentsResponse = z.infer<typeof PublicCommitmentsResponse>;
