import { z } from 'zod';
import {
  ARREARS_LEVEL_LABELS,
  DUES_CATEGORIES,
  DUES_CHANNELS,
  DUES_ROUNDINGS,
  MAX_BASE_FEN,
  MAX_MONTHS_PER_PAYMENT,
  parseYuanToFen,
  type ArrearsLevel,
} from '../dues.rules.ts';
import { Id, IsoDate, Text } from './common.ts';

export const DuesCategorySchema = z.enum(DUES_CATEGORIES, {
  error: '党费类别应为 in_service（在职）、retired（离退休）或 fixed（定额）',
});
export const DuesRoundingSchema = z.enum(DUES_ROUNDINGS, { error: '舍入方式应为 half_up、down 或 up' });
export const DuesChannelSchema = z.enum(DUES_CHANNELS, { error: '缴纳方式不正确' });
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM' });
const ARREARS_LEVELS = Object.keys(ARREARS_LEVEL_LABELS) as [ArrearsLevel, ...ArrearsLevel[]];

/** A yuan amount as a string or number with at most two decimals, read into integer fen. */
export const YuanAmount = z
  .union([z.string(), z.number()], { error: '金额应为数字（元，最多两位小数）' })
  .transform((v, ctx) => {
    const fen = parseYuanToFen(v);
    if (fen === null || fen > MAX_BASE_FEN) {
      ctx.addIssue({ code: 'custom', message: '金额应为不小于0的数字（元，最多两位小数）' });
      return z.NEVER;
    }
    return fen;
  });
/** Money in answers: yuan with two decimals. */
export const Yuan = z.string().regex(/^-?\d+\.\d{2}$/);

export const DuesPreviewRequest = z.strictObject({
  category: DuesCategorySchema,
  base: YuanAmount.optional().describe('月工资收入或养老金（元）；定额类别可不填'),
  rounding: DuesRoundingSchema.optional().describe('不填按本院设置'),
});
export type DuesPreviewRequest = z.input<typeof DuesPreviewRequest>;
export const DuesPreview = z.object({
  rate: z.number().nullable().describe('比例（0.015 即 1.5%），定额为 null'),
  rateLabel: z.string(),
  amount: Yuan.describe('每月应交党费（元）'),
  rounding: DuesRoundingSchema,
});
export type DuesPreview = z.infer<typeof DuesPreview>;

export const DuesSheetQuery = z.object({ orgUnitId: Id, month: Month });
export const DuesSheetItem = z.object({
  personId: Id,
  name: z.string(),
  orgUnitName: z.string().nullable(),
  due: Yuan,
  paid: Yuan,
  extra: Yuan.describe('自愿多交'),
  arrearsMonths: z.number().int(),
  arrearsLevel: z.enum(ARREARS_LEVELS),
  reduced: z.boolean(),
  hasBase: z.boolean(),
  paidOn: IsoDate.nullable(),
  channel: DuesChannelSchema.nullable(),
  collectedBy: z.string().nullable(),
});
export type DuesSheetItem = z.infer<typeof DuesSheetItem>;
export const DuesSheet = z.object({
  orgUnitName: z.string(),
  month: Month,
  items: z.array(DuesSheetItem),
  totals: z.object({ due: Yuan, paid: Yuan, extra: Yuan, inArrears: z.number().int() }),
});
export type DuesSheet = z.infer<typeof DuesSheet>;

export const DuesPaymentRequest = z.strictObject({
  personId: Id,
  fromMonth: Month.describe('第一个所交月份'),
  months: z
    .number({ error: '月数应为整数' })
    .int({ error: '月数应为整数' })
    .min(1, { error: '至少交1个月' })
    .max(MAX_MONTHS_PER_PAYMENT, { error: `一次预交或补交一般不超过${String(MAX_MONTHS_PER_PAYMENT)}个月` })
    .default(1),
  paidOn: IsoDate,
  channel: DuesChannelSchema,
  extra: YuanAmount.optional().describe('自愿多交党费（元）'),
  notes: Text.pipe(z.string().max(200, { error: '备注不超过200字' })).optional(),
});
export type DuesPaymentRequest = z.input<typeof DuesPaymentRequest>;
export const DuesPaymentResult = z.object({ months: z.array(Month), total: Yuan });

export const DuesBaseRequest = z.strictObject({
  category: DuesCategorySchema,
  base: YuanAmount.optional(),
  fromMonth: Month.describe('工资变动的月份，从该月起按新基数'),
});
export type DuesBaseRequest = z.input<typeof DuesBaseRequest>;

export const DuesReductionRequest = z.strictObject({
  fromMonth: Month,
  toMonth: Month.nullable().optional(),
  amount: YuanAmount.describe('减免后每月应交（元），0 为免交'),
  reason: Text.pipe(z.string().min(1, { error: '请填写减免原因' }).max(200, { error: '原因不超过200字' })),
  decision: Text.pipe(z.string().min(1, { error: '请填写支部决定（会议及日期）' }).max(200)),
  approvedBy: Text.pipe(z.string().min(1, { error: '请填写上级党组织审批情况' }).max(200)),
});
export type DuesReductionRequest = z.input<typeof DuesReductionRequest>;

export const DuesBaseEntryView = z.object({
  id: Id,
  category: DuesCategorySchema,
  base: z.string().describe('基数（元）；非党费管理员看到的是遮蔽值'),
  masked: z.boolean(),
  fromMonth: Month,
  monthly: Yuan,
  rateLabel: z.string(),
  recordedBy: z.string().nullable(),
});
export const DuesPaymentView = z.object({
  id: Id,
  month: Month,
  amount: Yuan,
  extra: Yuan,
  paidOn: IsoDate,
  channel: DuesChannelSchema,
  collectedBy: z.string().nullable(),
});
export const DuesReductionView = z.object({
  id: Id,
  fromMonth: Month,
  toMonth: Month.nullable(),
  amount: Yuan,
  reason: z.string(),
  decision: z.string(),
  approvedBy: z.string(),
});
export const DuesPersonRecord = z.object({
  personId: Id,
  name: z.string(),
  memberFrom: Month.nullable().describe('开始交纳党费的月份（预备党员自接收当月起）'),
  bases: z.array(DuesBaseEntryView),
  payments: z.array(DuesPaymentView),
  reductions: z.array(DuesReductionView),
  arrearsMonths: z.number().int(),
  arrearsLevel: z.enum(ARREARS_LEVELS),
  paidUpTo: Month.nullable().describe('党费交至（月份）'),
});
export type DuesPersonRecord = z.infer<typeof DuesPersonRecord>;

export const DuesSettings = z.object({ rounding: DuesRoundingSchema });
export const DuesSettingsRequest = z.strictObject({ rounding: DuesRoundingSchema });

export const DuesSummaryQuery = z.object({
  orgUnitId: Id,
  year: z.coerce
    .number({ error: '年份应为数字' })
    .int()
    .min(2000, { error: '年份不正确' })
    .max(2100, { error: '年份不正确' }),
});
export const DuesSummary = z.object({
  orgUnitName: z.string(),
  year: z.number().int(),
  months: z.array(
    z.object({
      month: Month,
      members: z.number().int(),
      due: Yuan,
      paid: Yuan,
      extra: Yuan,
      inArrears: z.number().int(),
    }),
  ),
  totals: z.object({ due: Yuan, paid: Yuan, extra: Yuan }),
});
export type DuesSummary = z.infer<typeof DuesSummary>;
export const DuesRemittanceQuery = z.object({ orgUnitId: Id, month: Month });
