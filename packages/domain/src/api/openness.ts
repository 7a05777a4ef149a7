/** 党务公开 + 院务公开: disclosure items, their approval and publication, and the public portal's answers. */
import { z } from 'zod';
import { Id, IsoDate } from './common.ts';

export const DISCLOSURE_SCOPES = ['party', 'court'] as const;
export type DisclosureScope = (typeof DISCLOSURE_SCOPES)[number];
export const DISCLOSURE_SCOPE_LABELS: Record<DisclosureScope, string> = { party: '党务公开', court: '院务公开' };

export const DISCLOSURE_CATEGORIES = [
  'organisation',
  'meetings',
  'deliberations',
  'commitments',
  'evaluations',
  'dues',
  'rules',
  'service_pledges',
  'reception_rota',
  'honours',
  'trial',
  'other',
] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];
export const DISCLOSURE_CATEGORY_LABELS: Record<DisclosureCategory, string> = {
  organisation: '组织建设',
  meetings: '会议及决议',
  deliberations: '“四议两公开”结果',
  commitments: '公开承诺',
  evaluations: '民主评议结果',
  dues: '党费收缴使用',
  rules: '制度规定',
  service_pledges: '服务承诺',
  reception_rota: '领导接访安排',
  honours: '表彰奖励',
  trial: '审判执行工作',
  other: '其他',
};

export const DISCLOSURE_CHANNELS = ['board', 'website', 'kiosk', 'weibo', 'meeting', 'paper'] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];
export const DISCLOSURE_CHANNEL_LABELS: Record<DisclosureChannel, string> = {
  board: '公示栏',
  website: '网站',
  kiosk: '触摸屏',
  weibo: '微博',
  meeting: '会议',
  paper: '纸质',
};

export const DISCLOSURE_STATUSES = ['draft', 'pending', 'published', 'withdrawn'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export const DISCLOSURE_STATUS_LABELS: Record<DisclosureStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  published: '已发布',
  withdrawn: '已撤回',
};

const ScopeSchema = z.enum(DISCLOSURE_SCOPES, { error: '公开范围应为 party（党务公开）或 court（院务公开）' });
const CategorySchema = z.enum(DISCLOSURE_CATEGORIES, { error: '请从列表中选择公开类别' });
const ChannelSchema = z.enum(DISCLOSURE_CHANNELS, { error: '请从列表中选择公开渠道' });

/**
 * What other capabilities publish, shown here from the record itself (issue 15): a meeting's
 * resolutions, a 四议两公开 matter's disclosures, a year's public commitments, a 民主评议 round's result.
 */
export const DISCLOSURE_SOURCE_KINDS = ['meeting', 'deliberation', 'commitments', 'evaluation'] as const;
export type DisclosureSourceKind = (typeof DISCLOSURE_SOURCE_KINDS)[number];
export const DISCLOSURE_SOURCE_KIND_LABELS: Record<DisclosureSourceKind, string> = {
  meeting: '会议决议',
  deliberation: '“四议两公开”结果',
  commitments: '公开承诺',
  evaluation: '民主评议结果',
};
/** The title an item from a source starts with (its writer may change it), at most 100 characters. */
export function sourcedDisclosureTitle(s: { kind: DisclosureSourceKind; label: string; ref: string }): string {
  const t = {
    meeting: `${s.label}决议公开`,
    deliberation: `${s.label}（“四议两公开”结果）`,
    commitments: `${s.ref}年度党组织和党员公开承诺`,
    evaluation: `${s.label}结果`,
  }[s.kind];
  return t.length > 100 ? `${t.slice(0, 99)}…` : t;
}
const SourceKindSchema = z.enum(DISCLOSURE_SOURCE_KINDS, { error: '请从列表中选择来源' });

export const DisclosureSource = z.object({
  kind: SourceKindSchema,
  ref: z.string().describe('来源记录：会议、事项、评议轮次的编号，或承诺的年度'),
  label: z.string().describe('来源记录的名称'),
  url: z.string().describe('来源记录在工作台上的页面'),
  available: z.boolean().describe('来源记录现在是否有可公开的内容；没有时门户不显示此事项'),
});
export type DisclosureSource = z.infer<typeof DisclosureSource>;

export const Disclosure = z.object({
  id: Id,
  scope: ScopeSchema,
  category: CategorySchema,
  title: z.string(),
  body: z.string(),
  channels: z.array(ChannelSchema),
  attachmentFileIds: z.array(Id),
  attachments: z.array(z.object({ id: Id, name: z.string(), size: z.number().int() })).describe('附件的名称和大小'),
  status: z.enum(DISCLOSURE_STATUSES),
  publishFrom: z.string(),
  publishUntil: z.string().nullable(),
  onShow: z.boolean().describe('今天是否在公开期内并已发布'),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  returnNote: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  source: DisclosureSource.nullable().describe('来自其他功能的事项：正文从来源记录读取，不另行录入'),
});
export type Disclosure = z.infer<typeof Disclosure>;

/** A record another capability has made public that may be shown here (with the items already showing it). */
export const DisclosureSourceCandidate = z.object({
  kind: SourceKindSchema,
  ref: z.string(),
  label: z.string(),
  url: z.string(),
  on: z.string().describe('会议日期、公开日期或年度'),
  scope: ScopeSchema,
  category: CategorySchema,
  text: z.string().describe('将公开的正文（从来源记录读取）'),
  disclosureIds: z.array(z.string()),
});
export type DisclosureSourceCandidate = z.infer<typeof DisclosureSourceCandidate>;
export const DisclosureSourcesResponse = z.object({ items: z.array(DisclosureSourceCandidate) });
export type DisclosureSourcesResponse = z.infer<typeof DisclosureSourcesResponse>;

export const DisclosuresQuery = z.strictObject({
  scope: ScopeSchema.optional(),
  category: CategorySchema.optional(),
  status: z.enum(DISCLOSURE_STATUSES, { error: '请从列表中选择状态' }).optional(),
});
export const DisclosuresResponse = z.object({ items: z.array(Disclosure) });
export type DisclosuresResponse = z.infer<typeof DisclosuresResponse>;

const disclosureFields = {
  scope: ScopeSchema,
  category: CategorySchema,
  title: z.string().trim().min(1, '请填写标题').max(100, '标题最多100个字'),
  body: z.string().trim().min(1, '请填写公开内容').max(20_000, '公开内容最多20000个字'),
  channels: z.array(ChannelSchema).min(1, '请至少选择一个公开渠道').max(6),
  attachmentFileIds: z.array(Id).max(10, '附件最多10个').default([]),
  publishFrom: IsoDate,
  publishUntil: IsoDate.nullable().default(null),
};
export const CreateDisclosureRequest = z.strictObject(disclosureFields);
export type CreateDisclosureRequest = z.infer<typeof CreateDisclosureRequest>;
export const UpdateDisclosureRequest = z.strictObject(disclosureFields).partial();

/** An item from a source: its text is the source's; the item sets its title, channels, period and files. */
export const CreateSourcedDisclosureRequest = z
  .strictObject({
    kind: SourceKindSchema,
    ref: z.string().trim().min(1, '请选择来源记录').max(40),
    title: disclosureFields.title.optional(),
    scope: ScopeSchema.optional(),
    channels: disclosureFields.channels,
    attachmentFileIds: disclosureFields.attachmentFileIds,
    publishFrom: IsoDate,
    publishUntil: IsoDate.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const ok = v.kind === 'commitments' ? /^\d{4}$/.test(v.ref) : Id.safeParse(v.ref).success;
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['ref'],
        message: v.kind === 'commitments' ? '承诺来源应为年度，如 2026' : '来源记录编号格式不正确',
      });
  });
export type CreateSourcedDisclosureRequest = z.infer<typeof CreateSourcedDisclosureRequest>;
export type UpdateDisclosureRequest = z.infer<typeof UpdateDisclosureRequest>;

const reason = (what: string) => z.string().trim().min(2, `请填写${what}`).max(500, `${what}最多500个字`);
export const ReturnDisclosureRequest = z.strictObject({ note: reason('退回原因') });
export const WithdrawDisclosureRequest = z.strictObject({ reason: reason('撤回原因') });

/** Where a public item comes from: typed here, or shown from the capability that publishes it. */
export const DISCLOSURE_SOURCES = ['openness', 'commitments', 'deliberations', 'meetings', 'evaluations'] as const;

export const PublicDisclosure = z.object({
  id: z.string().describe('公开事项编号；来自其他功能的事项以来源为前缀'),
  scope: ScopeSchema,
  category: CategorySchema,
  categoryLabel: z.string(),
  title: z.string(),
  body: z.string(),
  publishedOn: z.string(),
  publishUntil: z.string().nullable(),
  source: z.enum(DISCLOSURE_SOURCES),
  url: z.string().describe('门户上的页面地址'),
  attachments: z
    .array(z.object({ name: z.string(), url: z.string(), size: z.number().int() }))
    .describe('附件：仅在事项公开期内可从门户下载'),
});
export type PublicDisclosure = z.infer<typeof PublicDisclosure>;

export const PublicCourtQuery = {
  court: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, '法院代码只能包含小写字母、数字和连字符')
    .optional()
    .describe('法院代码；服务器只有一个法院或已设定门户法院时可省略'),
};
export const PublicOpennessQuery = z.strictObject({
  ...PublicCourtQuery,
  scope: ScopeSchema.optional(),
  category: CategorySchema.optional(),
  q: z.string().trim().max(50, '搜索词最多50个字').optional(),
});
export type PublicOpennessQuery = z.infer<typeof PublicOpennessQuery>;
export const PublicCourt = z.object({ code: z.string(), name: z.string() });
export const PublicOpennessResponse = z.object({ court: PublicCourt, items: z.array(PublicDisclosure) });
export type PublicOpennessResponse = z.infer<typeof PublicOpennessResponse>;
