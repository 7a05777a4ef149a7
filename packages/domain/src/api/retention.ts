import { z } from 'zod';
import { RETENTION_KINDS, RETENTION_RULES, RETENTION_UNIT_LABELS, type RetentionKind } from '../retention.rules.ts';

const RetentionKindSchema = z.enum(RETENTION_KINDS);

/** One kind of personal data with its period and what a purge now would remove. */
export const RetentionKindState = z.object({
  kind: RetentionKindSchema,
  label: z.string(),
  description: z.string(),
  unit: z.enum(['day', 'month']),
  unitLabel: z.string(),
  period: z.number().int().describe('本院设置的保存期限（未设置时为默认值）'),
  defaultPeriod: z.number().int(),
  minimum: z.number().int(),
  maximum: z.number().int(),
  cutoff: z.string().describe('早于此时刻的记录到期（此刻及以后的保留）'),
  due: z.number().int().describe('现在清理将删除的条数'),
});
export type RetentionKindState = z.infer<typeof RetentionKindState>;

export const RetentionSettings = z.object({
  kinds: z.array(RetentionKindState),
  auditLog: z.object({ label: z.string(), minimumMonths: z.number().int(), note: z.string() }),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

function periodField(kind: RetentionKind) {
  const rule = RETENTION_RULES[kind];
  const unit = RETENTION_UNIT_LABELS[rule.unit];
  return z
    .number({ error: `${rule.label}的保存期限应为数字（${unit}）` })
    .int({ error: `${rule.label}的保存期限应为整数（${unit}）` })
    .min(rule.minimum, { error: `${rule.label}的保存期限不得少于${String(rule.minimum)}${unit}` })
    .max(rule.maximum, { error: `${rule.label}的保存期限不得超过${String(rule.maximum)}${unit}` })
    .optional()
    .describe(
      `${rule.label}（${unit}，${String(rule.minimum)}–${String(rule.maximum)}，默认${String(rule.defaultPeriod)}）`,
    );
}

/** Only the kinds given change; a kind omitted keeps its period. */
export const RetentionSettingsRequest = z.strictObject({
  periods: z.strictObject({
    receptionVisits: periodField('receptionVisits'),
    inquiries: periodField('inquiries'),
    notifications: periodField('notifications'),
    sessions: periodField('sessions'),
    twoFactorChallenges: periodField('twoFactorChallenges'),
  }),
});
export type RetentionSettingsRequest = z.infer<typeof RetentionSettingsRequest>;
