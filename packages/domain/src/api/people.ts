import { z } from 'zod';
import { findIdNumberProblem, ID_NUMBER_PROBLEM_MESSAGES, normalizeIdNumber } from '../id-number.rules.ts';
import { isValidPhone, normalizePhone } from '../masking.rules.ts';
import { AGE_BANDS, EDUCATION_LEVELS, GENDERS, MEMBERSHIP_STATUSES } from '../people.rules.ts';
import { LEAVING_REASONS, ROSTER_STANDINGS } from '../people-leaving.rules.ts';
import { PARTY_STANDINGS, WORK_POSTS } from '../person-record.rules.ts';
import { BooleanQuery, Id, IsoDate, PageQuery, pageOf } from './common.ts';

export const MembershipStatusSchema = z.enum(MEMBERSHIP_STATUSES);
/** In lists and filters a person without membership is `non_party` (群众). */
export const PersonStatus = z.enum([...MEMBERSHIP_STATUSES, 'non_party']);
export type PersonStatus = z.infer<typeof PersonStatus>;

export const IdNumberInput = z
  .string()
  .trim()
  .max(32, '公民身份号码过长')
  .transform(normalizeIdNumber)
  .superRefine((value, ctx) => {
    const problem = findIdNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_MESSAGES[problem] });
  });

export const PhoneInput = z
  .string()
  .trim()
  .max(32, '联系电话过长')
  .transform(normalizePhone)
  .refine(isValidPhone, '联系电话应为11位手机号或带区号的固定电话');

/**
 * A staff person's (干警) row as a roster sheet holds it: the person's particulars, with the party
 * branch, cell and department by name. One shape for the roster import (what it reads), the export
 * (what it writes), the demo seed and the benchmarks' generated people.
 */
export const PersonRecord = z.object({
  name: z.string(),
  gender: z.enum(GENDERS),
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  /** A person on record may lack one; a row read from a file always has it. */
  idNumber: z.string().nullable(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  status: PersonStatus,
  joinedOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  branchName: z.string().nullable(),
  /** Null with a branch: the person belongs to the branch itself (applicants and activists). */
  cellName: z.string().nullable(),
  departmentName: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  retired: z.boolean(),
  /** Not a roster column: known to the seed and the benchmarks, not to imported files. */
  retiredOn: z.string().nullable().optional(),
  // The national member system's fields (migration 0024); optional so generated people may omit them.
  nativePlace: z.string().nullable().optional(),
  workPost: z.enum(WORK_POSTS).nullable().optional(),
  partyStanding: z.enum(PARTY_STANDINGS).nullable().optional(),
  sponsors: z.string().nullable().optional(),
  transferredInOn: z.string().nullable().optional(),
  appliedOn: z.string().nullable().optional(),
  activistOn: z.string().nullable().optional(),
  candidateOn: z.string().nullable().optional(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;
/** The particulars a generated person (the demo court, the benchmarks' people) always has. */
type Particular = 'ethnicity' | 'birthDate' | 'idNumber' | 'education' | 'phone' | 'position';
/** A person record with every particular filled in, as generated data has them. */
export type CompletePersonRecord = PersonRecord & { [K in Particular]: NonNullable<PersonRecord[K]> };

/** The fields of the member record a person's development steps answer, when they went through Qizhi. */
export const DEVELOPMENT_FACT_FIELDS = ['appliedOn', 'activistOn', 'candidateOn', 'sponsors'] as const;
export type DevelopmentFactField = (typeof DEVELOPMENT_FACT_FIELDS)[number];

export const MemberListItem = z.object({
  id: Id,
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  ageBand: z.enum(AGE_BANDS).nullable().describe('年龄段：无查看完整信息权限者只得年龄段，不得出生日期和年龄'),
  status: PersonStatus,
  retired: z.boolean(),
  orgUnitId: Id.nullable(),
  orgUnitName: z.string().nullable(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  position: z.string().nullable(),
  joinedOn: z.string().nullable(),
  idNumber: z.string().nullable().describe('脱敏：1101************34'),
  phone: z.string().nullable().describe('脱敏：138****5678'),
  leftOn: z.string().nullable().describe('离开本院的日期（离职、调出、去世）；在册为空'),
  leftReason: z
    .enum(LEAVING_REASONS)
    .nullable()
    .describe('离开原因：resigned 离职、transferred_out 调出、deceased 去世'),
});
export type MemberListItem = z.infer<typeof MemberListItem>;
export const MemberPage = pageOf(MemberListItem).extend({
  scopeName: z.string().describe('可查看的范围：“全院”或所辖党组织的名称'),
});
export type MemberPage = z.infer<typeof MemberPage>;

export const MemberDetail = MemberListItem.extend({
  ethnicity: z.string().nullable(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  confirmedOn: z.string().nullable(),
  partyPosts: z.string().nullable(),
  retiredOn: z.string().nullable(),
  probationFrom: z.string().nullable().describe('留党察看开始日期'),
  probationTo: z.string().nullable().describe('留党察看结束日期（空：尚未期满）'),
  suspendedFrom: z.string().nullable().describe('暂停党员权利开始日期（如被留置、逮捕）'),
  suspendedTo: z.string().nullable().describe('暂停党员权利结束日期（空：尚未恢复）'),
  notes: z.string().nullable(),
  leftNote: z.string().nullable().describe('办理离开时的说明'),
  email: z.string().nullable().describe('本人电子邮箱：以电子邮件发送的通知和提醒发到此地址'),
  nativePlace: z.string().nullable().describe('籍贯'),
  workPost: z.enum(WORK_POSTS).nullable().describe('工作岗位（党内统计的职业分类）'),
  partyStanding: z.enum(PARTY_STANDINGS).nullable().describe('党籍状态：党员为空时即“正常”'),
  sponsors: z.string().nullable().describe('入党介绍人（在本系统发展的，取自发展党员第9步）'),
  transferredInOn: z.string().nullable().describe('组织关系转入日期'),
  appliedOn: z.string().nullable().describe('申请入党日期（在本系统发展的，取自发展党员第1步）'),
  activistOn: z.string().nullable().describe('确定积极分子日期（取自第3步）'),
  candidateOn: z.string().nullable().describe('确定发展对象日期（取自第7步）'),
  fromDevelopment: z
    .array(z.enum(DEVELOPMENT_FACT_FIELDS))
    .describe('取自发展党员纪实的字段：在花名册中只读，在发展党员中修改'),
  hasAccount: z.boolean(),
  updatedAt: z.string(),
});
export type MemberDetail = z.infer<typeof MemberDetail>;

export const MemberPii = z.object({ id: Id, idNumber: z.string().nullable(), phone: z.string().nullable() });

export const MEMBER_SORT_FIELDS = ['name', 'birthDate', 'joinedOn', 'status', 'department'] as const;
/** 在册 (the default) or 已离开: those who left stay on record but out of the current roster. */
const Standing = z.enum(ROSTER_STANDINGS, { error: '范围应为 current（在册）或 left（已离开）' }).default('current');
export const MembersQuery = z.strictObject({
  q: z.string().trim().max(50, '搜索词最多50个字').optional(),
  standing: Standing,
  status: PersonStatus.optional(),
  retired: BooleanQuery.optional(),
  orgUnitId: Id.optional(),
  departmentId: Id.optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  sort: z.enum(MEMBER_SORT_FIELDS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  ...PageQuery,
});
export type MembersQuery = z.infer<typeof MembersQuery>;

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多${String(max)}个字`)
    .nullable()
    .optional();

const personFields = {
  name: z.string().trim().min(1, '请填写姓名').max(30, '姓名最多30个字'),
  gender: z.enum(GENDERS).optional(),
  ethnicity: optionalText('民族', 20),
  birthDate: IsoDate.nullable().optional(),
  idNumber: IdNumberInput.nullable().optional(),
  phone: PhoneInput.nullable().optional(),
  email: z.email({ error: '电子邮箱格式不正确' }).max(100, '电子邮箱最多100个字符').nullable().optional(),
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  status: PersonStatus,
  joinedOn: IsoDate.nullable().optional(),
  confirmedOn: IsoDate.nullable().optional(),
  orgUnitId: Id.nullable().optional(),
  departmentId: Id.nullable().optional(),
  position: optionalText('职务', 40),
  partyPosts: optionalText('党内职务', 60),
  retired: z.boolean().optional(),
  retiredOn: IsoDate.nullable().optional(),
  probationFrom: IsoDate.nullable().optional(),
  probationTo: IsoDate.nullable().optional(),
  suspendedFrom: IsoDate.nullable().optional(),
  suspendedTo: IsoDate.nullable().optional(),
  notes: optionalText('备注', 500),
  nativePlace: optionalText('籍贯', 60),
  workPost: z.enum(WORK_POSTS, { error: '工作岗位不在可选范围内' }).nullable().optional(),
  partyStanding: z
    .enum(PARTY_STANDINGS, { error: '党籍状态应为 normal（正常）或 stopped（停止党籍）' })
    .nullable()
    .optional(),
  sponsors: optionalText('入党介绍人', 60),
  transferredInOn: IsoDate.nullable().optional(),
  appliedOn: IsoDate.nullable().optional(),
  activistOn: IsoDate.nullable().optional(),
  candidateOn: IsoDate.nullable().optional(),
};

export const CreateMemberRequest = z.strictObject(personFields);
export type CreateMemberRequest = z.infer<typeof CreateMemberRequest>;
export const UpdateMemberRequest = z.strictObject(personFields).partial();
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;

/** 办理离开: the day, the reason and a note; the linked account is disabled with the reason. */
export const RecordLeavingRequest = z.strictObject({
  leftOn: IsoDate,
  reason: z.enum(LEAVING_REASONS, { error: '离开原因应为离职、调出或去世' }),
  note: z.string().trim().max(200, '说明最多200个字').nullable().optional(),
});
export type RecordLeavingRequest = z.infer<typeof RecordLeavingRequest>;

export const ImportError = z.object({
  row: z.number().int().describe('Excel 中的行号'),
  column: z.string().describe('列名（表头文字），整行问题时为空字符串'),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;
export const ImportPreviewRow = z.object({
  row: z.number().int(),
  name: z.string(),
  action: z.enum(['create', 'update', 'unchanged']),
  changes: z.array(z.string()).describe('将要变更的字段'),
});
export const ImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportError),
  preview: z.array(ImportPreviewRow),
});
export type ImportResult = z.infer<typeof ImportResult>;
export const ImportQuery = z.strictObject({ dryRun: BooleanQuery.default(true) });
export const ExportQuery = z.strictObject({
  full: BooleanQuery.optional(),
  standing: Standing,
  q: MembersQuery.shape.q,
  status: PersonStatus.optional(),
  retired: BooleanQuery.optional(),
  orgUnitId: Id.optional(),
  departmentId: Id.optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

const Bucket = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const RosterStats = z.object({
  scopeName: z.string().describe('统计范围：“全院”或所辖党组织的名称'),
  totalStaff: z.number().int(),
  partyMembers: z.number().int().describe('正式党员与预备党员'),
  retiredMembers: z.number().int(),
  retiredShare: z.number(),
  byStatus: z.array(Bucket),
  byOrgUnit: z.array(Bucket),
  byGender: z.array(Bucket),
  byEthnicity: z.array(Bucket),
  byEducation: z.array(Bucket),
  byAgeBand: z.array(Bucket),
  byPartyAge: z.array(Bucket),
  byDepartmentKind: z.array(Bucket),
});
export type RosterStats = z.infer<typeof RosterStats>;
