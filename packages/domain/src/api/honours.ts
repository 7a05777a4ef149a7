import { z } from 'zod';
import { HONOUR_LEVELS } from '../assessment.rules.ts';
import { HONOUR_KINDS, SANCTION_KINDS, SANCTION_LEVELS } from '../rules-library.rules.ts';
import { Id, IsoDate } from './common.ts';
import { FileRef, YearParam } from './goals.ts';

export const HonourKindSchema = z.enum(HONOUR_KINDS, { error: '荣誉类别应为 collective（集体）或 individual（个人）' });
export const HonourLevelSchema = z.enum(HONOUR_LEVELS, { error: '荣誉级别应为：县级、市级、省级、国家级之一' });

export const Honour = z.object({
  id: Id,
  kind: HonourKindSchema,
  title: z.string(),
  level: HonourLevelSchema,
  awardedOn: z.string(),
  issuedBy: z.string(),
  recipientName: z.string().describe('获奖集体名称或个人姓名'),
  personId: Id.nullable(),
  certificate: FileRef.nullable().describe('证书扫描件'),
  notes: z.string().nullable(),
});
export type Honour = z.infer<typeof Honour>;
export const HonoursQuery = z.object({
  kind: HonourKindSchema.optional(),
  level: HonourLevelSchema.optional(),
  year: YearParam.optional(),
  personId: Id.optional(),
});
export const HonoursResponse = z.object({
  items: z.array(Honour),
  total: z.number().int(),
  byLevel: z.object({
    county: z.number().int(),
    city: z.number().int(),
    province: z.number().int(),
    national: z.number().int(),
  }),
});
export type HonoursResponse = z.infer<typeof HonoursResponse>;

const honourFields = {
  kind: HonourKindSchema,
  title: z.string().trim().min(1, '请填写荣誉名称').max(100, '荣誉名称最多100个字'),
  level: HonourLevelSchema,
  awardedOn: IsoDate,
  issuedBy: z.string().trim().min(1, '请填写授予机关').max(60, '授予机关最多60个字'),
  recipientName: z.string().trim().min(1, '请填写获奖集体').max(60, '获奖集体名称最多60个字').optional(),
  personId: Id.optional(),
  certificateFileId: Id.nullable().optional(),
  notes: z.string().trim().max(500, '备注最多500个字').nullable().optional(),
};
export const HonourRequest = z.strictObject(honourFields);
export type HonourRequest = z.infer<typeof HonourRequest>;
export const UpdateHonourRequest = z.strictObject(honourFields).partial();
export type UpdateHonourRequest = z.infer<typeof UpdateHonourRequest>;

export const SanctionKindSchema = z.enum(SANCTION_KINDS, {
  error: '奖惩类别应为 commendation（表彰奖励）或 criticism（批评处理）',
});
export const SanctionLevelSchema = z.enum(SANCTION_LEVELS, { error: '级别应为：院级、县级、市级、省级、国家级之一' });
export const Sanction = z.object({
  id: Id,
  personId: Id,
  personName: z.string(),
  kind: SanctionKindSchema,
  title: z.string(),
  level: SanctionLevelSchema,
  decidedOn: z.string(),
  reason: z.string(),
  issuedBy: z.string(),
});
export type Sanction = z.infer<typeof Sanction>;
export const SanctionsQuery = z.object({ personId: Id.optional(), kind: SanctionKindSchema.optional() });
export const SanctionsResponse = z.object({ items: z.array(Sanction) });
export type SanctionsResponse = z.infer<typeof SanctionsResponse>;
const sanctionFields = {
  personId: Id,
  kind: SanctionKindSchema,
  title: z.string().trim().min(1, '请填写奖惩名称').max(60, '奖惩名称最多60个字'),
  level: SanctionLevelSchema,
  decidedOn: IsoDate,
  reason: z.string().trim().min(1, '请填写事由').max(500, '事由最多500个字'),
  issuedBy: z.string().trim().min(1, '请填写决定机关').max(60, '决定机关最多60个字'),
};
export const SanctionRequest = z.strictObject(sanctionFields);
export type SanctionRequest = z.infer<typeof SanctionRequest>;
export const UpdateSanctionRequest = z.strictObject(sanctionFields).omit({ personId: true }).partial();
export type UpdateSanctionRequest = z.infer<typeof UpdateSanctionRequest>;
