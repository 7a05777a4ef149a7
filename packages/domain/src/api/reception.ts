/** 挂牌接访, 首问负责 and 服务承诺: the reception rota, visits with their clocks, inquiries, pledges. */
import { z } from 'zod';
import { isValidPhone, normalizePhone } from '../masking.rules.ts';
import { CLOCK_STATES } from '../reception.rules.ts';
import { isValidIdNumber } from '../id-number.rules.ts';
import { Id, IsoDate } from './common.ts';
import { PublicCourt, PublicCourtQuery } from './openness.ts';

// ── the rota ──────────────────────────────────────────────────────────────
export const RotaEntry = z.object({
  id: Id,
  weekStart: z.string().describe('该周星期一'),
  receptionOn: z.string().nullable().describe('接访日；整周放假时为空'),
  personId: Id,
  leaderName: z.string(),
  post: z.string(),
  time: z.string(),
  place: z.string(),
  originalPersonId: Id.nullable().describe('调换或替班前排定的领导'),
  changeNote: z.string().nullable(),
});
export type RotaEntry = z.infer<typeof RotaEntry>;
export const YearRotaQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const RotaResponse = z.object({ year: z.number().int(), items: z.array(RotaEntry) });
export type RotaResponse = z.infer<typeof RotaResponse>;

const place = z.string().trim().min(1, '请填写接访地点').max(60, '接访地点最多60个字');
const time = z.string().trim().min(1, '请填写接访时间').max(40, '接访时间最多40个字');
export const GenerateRotaRequest = z.strictObject({
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  leaderPersonIds: z.array(Id).min(1, '请至少选择一名院领导').max(20),
  weekday: z.number().int().min(1, '接访日应为星期一至星期五').max(5, '接访日应为星期一至星期五'),
  time,
  place,
});
export type GenerateRotaRequest = z.infer<typeof GenerateRotaRequest>;
export const SwapRotaRequest = z.strictObject({
  weekA: IsoDate,
  weekB: IsoDate,
  note: z.string().trim().min(2, '请填写调换原因').max(200, '调换原因最多200个字'),
});
export const SubstituteRotaRequest = z.strictObject({
  personId: Id,
  note: z.string().trim().min(2, '请填写替班原因').max(200, '替班原因最多200个字'),
});
export const RotaLeader = z.object({ personId: Id, name: z.string(), post: z.string() });
export const RotaLeadersResponse = z.object({ items: z.array(RotaLeader) });

// ── visits ────────────────────────────────────────────────────────────────
export const VISIT_CATEGORIES = [
  'consultation',
  'case_petition',
  'complaint',
  'suggestion',
  'report',
  'other',
] as const;
export type VisitCategory = (typeof VISIT_CATEGORIES)[number];
export const VISIT_CATEGORY_LABELS: Record<VisitCategory, string> = {
  consultation: '咨询',
  case_petition: '涉诉信访',
  complaint: '投诉',
  suggestion: '意见建议',
  report: '举报',
  other: '其他',
};
const CategorySchema = z.enum(VISIT_CATEGORIES, { error: '请从列表中选择来访类别' });

const phone = z
  .string()
  .trim()
  .refine((v) => isValidPhone(v), { error: '手机号或座机号格式不正确' })
  .transform(normalizePhone);
const idNumber = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => isValidIdNumber(v), { error: '身份证号不正确（请核对校验位）' });

export const CreateVisitRequest = z.strictObject({
  receivedOn: IsoDate,
  visitorName: z.string().trim().min(1, '请填写来访人姓名').max(40, '来访人姓名最多40个字'),
  visitorPhone: phone.nullable().default(null),
  visitorIdNumber: idNumber.nullable().default(null),
  matter: z.string().trim().min(2, '请填写来访事项').max(2000, '来访事项最多2000个字'),
  category: CategorySchema,
  caseNumber: z.string().trim().max(60, '案号最多60个字').nullable().default(null),
  answer: z.string().trim().max(2000, '当场答复最多2000个字').default(''),
  needsHandling: z.boolean().default(false),
  handlingDepartmentId: Id.nullable().default(null),
  rotaId: Id.nullable().default(null),
});
export type CreateVisitRequest = z.infer<typeof CreateVisitRequest>;

export const UpdateVisitProgressRequest = z.strictObject({
  acceptedOn: IsoDate.nullable().optional(),
  extended: z.boolean().optional(),
  handledOn: IsoDate.nullable().optional(),
  feedback: z.string().trim().max(2000, '办理反馈最多2000个字').nullable().optional(),
  handlingDepartmentId: Id.nullable().optional(),
});
export type UpdateVisitProgressRequest = z.infer<typeof UpdateVisitProgressRequest>;

const ClockSchema = z.object({ due: z.string(), state: z.enum(CLOCK_STATES) });
export const Visit = z.object({
  id: Id,
  receivedOn: z.string(),
  visitorName: z.string(),
  visitorPhone: z.string().nullable().describe('已遮盖'),
  visitorIdNumber: z.string().nullable().describe('已遮盖'),
  matter: z.string(),
  category: CategorySchema,
  caseNumber: z.string().nullable(),
  answer: z.string(),
  needsHandling: z.boolean(),
  handlingDepartmentId: Id.nullable(),
  handlingDepartmentName: z.string().nullable(),
  receivedByName: z.string().nullable().describe('接访领导'),
  acceptedOn: z.string().nullable(),
  extended: z.boolean(),
  handledOn: z.string().nullable(),
  feedback: z.string().nullable(),
  clocks: z.object({ accept: ClockSchema, handle: ClockSchema }).nullable().describe('需办理时的期限'),
  recordedByName: z.string().nullable(),
});
export type Visit = z.infer<typeof Visit>;
export const VisitsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  month: z.coerce.number().int().min(1, '月份应为1-12').max(12, '月份应为1-12').optional(),
  category: CategorySchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const VisitsResponse = z.object({
  items: z.array(Visit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type VisitsResponse = z.infer<typeof VisitsResponse>;
export const VisitStatsResponse = z.object({
  year: z.number().int(),
  total: z.number().int(),
  months: z.array(
    z.object({
      month: z.number().int(),
      visitors: z.number().int(),
      handled: z.number().int(),
      onTime: z.number().int(),
    }),
  ),
  categories: z.array(z.object({ category: CategorySchema, count: z.number().int() })),
});
export type VisitStatsResponse = z.infer<typeof VisitStatsResponse>;

// ── first inquiries (首问) ──────────────────────────────────────────────────
export const INQUIRY_OUTCOMES = ['answered', 'directed_outside', 'open'] as const;
export const INQUIRY_OUTCOME_LABELS: Record<(typeof INQUIRY_OUTCOMES)[number], string> = {
  answered: '一次性告知',
  directed_outside: '告知到院外办理',
  open: '本人办理中',
};
export const INQUIRY_STATUSES = ['open', 'handed_over', 'closed'] as const;
export const INQUIRY_STATUS_LABELS: Record<(typeof INQUIRY_STATUSES)[number], string> = {
  open: '办理中',
  handed_over: '已移交，待接收人办结',
  closed: '已办结',
};
export const CreateInquiryRequest = z.strictObject({
  topic: z.string().trim().min(2, '请填写咨询事项').max(500, '咨询事项最多500个字'),
  askerName: z.string().trim().max(40, '来访人姓名最多40个字').nullable().default(null),
  askerPhone: phone.nullable().default(null),
  outcome: z.enum(INQUIRY_OUTCOMES, { error: '请选择办理方式' }),
  directedTo: z.string().trim().max(100, '告知去处最多100个字').nullable().default(null),
});
export type CreateInquiryRequest = z.infer<typeof CreateInquiryRequest>;
export const HandOverInquiryRequest = z.strictObject({
  receiverUserId: Id,
  note: z.string().trim().max(200, '移交说明最多200个字').default(''),
});
export type HandOverInquiryRequest = z.infer<typeof HandOverInquiryRequest>;
export const CloseInquiryRequest = z.strictObject({
  result: z.string().trim().min(2, '请填写办理结果').max(500, '办理结果最多500个字'),
});
export const InquiryHandOver = z.object({
  fromName: z.string(),
  toName: z.string(),
  note: z.string(),
  at: z.string(),
});
export const Inquiry = z.object({
  id: Id,
  askedAt: z.string(),
  topic: z.string(),
  askerName: z.string().nullable(),
  askerPhone: z.string().nullable().describe('已遮盖'),
  outcome: z.enum(INQUIRY_OUTCOMES),
  directedTo: z.string().nullable(),
  status: z.enum(INQUIRY_STATUSES),
  firstUserId: Id,
  firstName: z.string(),
  holderUserId: Id.describe('当前负责人（首问人，或接收移交的人）'),
  holderName: z.string(),
  handOvers: z.array(InquiryHandOver),
  result: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type Inquiry = z.infer<typeof Inquiry>;
export const InquiriesQuery = z.strictObject({
  status: z.enum(['open', 'closed', 'all'], { error: '状态应为 open、closed 或 all' }).default('open'),
});
export const InquiriesResponse = z.object({ items: z.array(Inquiry) });
export type InquiriesResponse = z.infer<typeof InquiriesResponse>;
export const InquiryReceiversResponse = z.object({
  items: z.array(z.object({ userId: Id, name: z.string(), departmentName: z.string().nullable() })),
});
export const InquiryStatsResponse = z.object({
  year: z.number().int(),
  departments: z.array(
    z.object({
      departmentName: z.string(),
      total: z.number().int(),
      answered: z.number().int(),
      handedOver: z.number().int(),
      directedOutside: z.number().int(),
      open: z.number().int(),
    }),
  ),
});

// ── service pledges (服务承诺) ───────────────────────────────────────────────
export const PLEDGE_MEASURES = ['inquiry_answered_once', 'visit_accepted_on_time', 'visit_handled_on_time'] as const;
export const PLEDGE_MEASURE_LABELS: Record<(typeof PLEDGE_MEASURES)[number], string> = {
  inquiry_answered_once: '首问一次性告知率',
  visit_accepted_on_time: '信访事项按期受理率',
  visit_handled_on_time: '信访事项按期办结率',
};
export const ServicePledge = z.object({
  id: Id,
  title: z.string(),
  timeLimit: z.string(),
  description: z.string(),
  measure: z.enum(PLEDGE_MEASURES).nullable(),
  measured: z
    .object({ rate: z.number().nullable(), count: z.number().int(), year: z.number().int() })
    .nullable()
    .describe('本年度按记录计算的兑现情况'),
  sortOrder: z.number().int(),
  published: z.boolean(),
});
export type ServicePledge = z.infer<typeof ServicePledge>;
export const ServicePledgesResponse = z.object({ items: z.array(ServicePledge) });
export const ServicePledgeRequest = z.strictObject({
  title: z.string().trim().min(2, '请填写承诺事项').max(100, '承诺事项最多100个字'),
  timeLimit: z.string().trim().min(1, '请填写时限').max(40, '时限最多40个字'),
  description: z.string().trim().max(500, '说明最多500个字').default(''),
  measure: z.enum(PLEDGE_MEASURES, { error: '请从列表中选择衡量依据' }).nullable().default(null),
  sortOrder: z.number().int().min(0).max(999).default(0),
  published: z.boolean().default(true),
});
export type ServicePledgeRequest = z.infer<typeof ServicePledgeRequest>;

// ── public ────────────────────────────────────────────────────────────────
export const PublicRotaQuery = z.strictObject({
  ...PublicCourtQuery,
  week: z.string().max(10).optional().describe('周：2026-W48，或该周内任一日期；默认本周'),
});
export const PublicRotaResponse = z.object({
  court: PublicCourt,
  week: z.object({ start: z.string(), end: z.string() }),
  leaders: z.array(
    z.object({
      name: z.string(),
      post: z.string(),
      date: z.string().nullable(),
      time: z.string(),
      place: z.string(),
    }),
  ),
});
export type PublicRotaResponse = z.infer<typeof PublicRotaResponse>;
