/** 四议两公开: matters, their four deliberation steps in order, and the two disclosures. */
import { z } from 'zod';
import { DISCLOSURE_KINDS } from '../../meetings-deliberation.rules.ts';
import { Id, IsoDate, PageQuery, pageOf } from '../common.ts';
import { required, text } from './common.ts';

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
