import { z } from 'zod';
import { RULE_STATUSES } from '../rules-library.rules.ts';
import { Id, IsoDate } from './common.ts';
import { FileRef } from './goals.ts';

export const RuleStatusSchema = z.enum(RULE_STATUSES, { error: '状态应为：现行有效、修订后有效、已废止之一' });

export const RuleListItem = z.object({
  id: Id,
  title: z.string(),
  category: z.string(),
  status: RuleStatusSchema,
  adoptedBy: z.string().describe('制定机关'),
  adoptedOn: z.string(),
  effectiveOn: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  readByMe: z.boolean().describe('本人已确认学习当前版本'),
  readCount: z.number().int().nullable().describe('已确认学习的党员数（制度管理人员可见）'),
  expectedReaders: z.number().int().nullable(),
});
export type RuleListItem = z.infer<typeof RuleListItem>;
export const RulesResponse = z.object({ items: z.array(RuleListItem) });
export type RulesResponse = z.infer<typeof RulesResponse>;

export const RuleVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  status: RuleStatusSchema,
  effectiveOn: z.string(),
  changeNote: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export const RuleDetail = RuleListItem.extend({
  body: z.string().describe('正文（纯文本，空行分段）'),
  file: FileRef.nullable(),
  versions: z.array(RuleVersion),
});
export type RuleDetail = z.infer<typeof RuleDetail>;

const ruleFields = {
  title: z.string().trim().min(1, '请填写制度名称').max(60, '制度名称最多60个字'),
  category: z.string().trim().min(1, '请填写类别').max(20, '类别最多20个字'),
  body: z.string().trim().max(20_000, '正文最多20000个字'),
  fileId: Id.nullable(),
  adoptedBy: z.string().trim().min(1, '请填写制定机关').max(60, '制定机关最多60个字'),
  adoptedOn: IsoDate,
  effectiveOn: IsoDate,
  status: RuleStatusSchema,
};
export const CreateRuleRequest = z.strictObject({
  ...ruleFields,
  body: ruleFields.body.default(''),
  fileId: ruleFields.fileId.optional(),
  status: ruleFields.status.default('in_force'),
});
export type CreateRuleRequest = z.infer<typeof CreateRuleRequest>;
export const UpdateRuleRequest = z.strictObject({
  ...z.object(ruleFields).partial().shape,
  changeNote: z.string().trim().min(1, '请说明本次修订的内容').max(200, '修订说明最多200个字'),
});
export type UpdateRuleRequest = z.infer<typeof UpdateRuleRequest>;

export const RuleReader = z.object({
  personId: Id,
  name: z.string(),
  orgUnitName: z.string().nullable(),
  readAt: z.string().nullable(),
});
export const RuleReadersResponse = z.object({
  ruleId: Id,
  version: z.number().int(),
  read: z.array(RuleReader),
  unread: z.array(RuleReader),
});
export type RuleReadersResponse = z.infer<typeof RuleReadersResponse>;
