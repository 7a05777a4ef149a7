import { z } from 'zod';
import {
  DEFAULT_LETTER_VALIDITY_MONTHS,
  MAX_LETTER_VALIDITY_MONTHS,
  RECEIPT_STATUSES,
  TRANSFER_DIRECTIONS,
} from '../transfers.rules.ts';
import { Id, IsoDate, Text } from './common.ts';
import { Month } from './dues.ts';

const Name = Text.pipe(z.string().trim().min(1, '请填写单位名称').max(100, '单位名称不超过100字'));
const LetterNo = Text.pipe(z.string().trim().max(40, '介绍信编号不超过40字'));
const Note = Text.pipe(z.string().trim().max(500, '说明不超过500字'));

export const TransferDirectionSchema = z.enum(TRANSFER_DIRECTIONS, { error: '方向应为 out（转出）或 in（转入）' });
export const ReceiptStatusSchema = z.enum(RECEIPT_STATUSES, { error: '状态不正确' });

/**
 * 转出: the letter for a member leaving their 党组织 — to another 党组织 of the court (`toOrgUnitId`)
 * or to an organisation outside it (`toName`), exactly one of them.
 */
export const TransferOutRequest = z
  .strictObject({
    personId: Id,
    letterNo: LetterNo.optional().describe('介绍信编号；不填按年度顺序自动编号'),
    issuedOn: IsoDate.describe('开具日期'),
    validMonths: z
      .number({ error: '有效期应为月数' })
      .int('有效期应为整月数')
      .min(1, '有效期至少1个月')
      .max(MAX_LETTER_VALIDITY_MONTHS, `有效期最长${String(MAX_LETTER_VALIDITY_MONTHS)}个月`)
      .default(DEFAULT_LETTER_VALIDITY_MONTHS)
      .describe('有效期（月），默认3个月'),
    toOrgUnitId: Id.optional().describe('本院的接收党组织'),
    toName: Name.optional().describe('院外的接收单位（党组织全称）'),
    note: Note.optional(),
    acknowledgeArrears: z.boolean({ error: '应为 true 或 false' }).optional().describe('已知欠缴党费，仍开具'),
  })
  .refine((v) => (v.toOrgUnitId === undefined) !== (v.toName === undefined), {
    path: ['toOrgUnitId'],
    error: '请选择本院的接收党组织，或填写院外的接收单位（二者选一）',
  });
export type TransferOutRequest = z.input<typeof TransferOutRequest>;

/** 转入: a member arriving with a letter joins a 党组织 of the court. */
export const TransferInRequest = z.strictObject({
  personId: Id,
  orgUnitId: Id.describe('转入的党组织'),
  fromName: Name.describe('转出单位（党组织全称）'),
  letterNo: LetterNo.pipe(z.string().min(1, '请填写介绍信编号')),
  issuedOn: IsoDate.describe('介绍信开具日期'),
  validUntil: IsoDate.optional().describe('介绍信有效期截止日'),
  receivedOn: IsoDate.describe('接收日期'),
  duesPaidUpTo: Month.optional().describe('介绍信所载党费交至月份'),
  note: Note.optional(),
});
export type TransferInRequest = z.input<typeof TransferInRequest>;

export const TransferReceiptRequest = z.strictObject({
  receiptOn: IsoDate.describe('回执返回日期'),
  note: Note.optional(),
});
export type TransferReceiptRequest = z.input<typeof TransferReceiptRequest>;

export const TransfersQuery = z.object({
  direction: TransferDirectionSchema.optional(),
  status: ReceiptStatusSchema.optional(),
});

export const TransferItem = z.object({
  id: Id,
  direction: TransferDirectionSchema,
  personId: Id,
  personName: z.string(),
  fromOrgUnitId: Id.nullable(),
  fromName: z.string().describe('转出单位'),
  toOrgUnitId: Id.nullable(),
  toName: z.string().describe('接收单位'),
  internal: z.boolean().describe('本院党组织之间'),
  letterNo: z.string(),
  issuedOn: IsoDate,
  validUntil: IsoDate.nullable(),
  validDays: z.number().int().nullable().describe('有效期天数'),
  duesPaidUpTo: z.string().nullable().describe('党费交至（YYYY-MM）'),
  arrearsMonths: z.number().int().describe('开具时欠缴月数'),
  receivedOn: IsoDate.nullable().describe('转入：接收日期'),
  receiptOn: IsoDate.nullable().describe('转出：回执返回日期'),
  status: ReceiptStatusSchema,
  daysOverdue: z.number().int(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type TransferItem = z.infer<typeof TransferItem>;

export const TransferList = z.object({
  items: z.array(TransferItem),
  overdueCount: z.number().int().describe('逾期未回执的介绍信'),
});
export type TransferList = z.infer<typeof TransferList>;

/** What the officer sees before issuing: the member's 党组织 and dues (paid up to, arrears). */
export const TransferCheck = z.object({
  personId: Id,
  name: z.string(),
  status: z.string(),
  orgUnitId: Id.nullable(),
  orgUnitName: z.string().nullable(),
  leftOn: IsoDate.nullable(),
  paidUpTo: z.string().nullable(),
  arrearsMonths: z.number().int(),
  duesFlag: z.string().nullable().describe('欠缴提示；无欠缴为 null'),
});
export type TransferCheck = z.infer<typeof TransferCheck>;

export const PersonTransfers = z.object({ items: z.array(TransferItem) });
export type PersonTransfers = z.infer<typeof PersonTransfers>;
