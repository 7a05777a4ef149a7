import { z } from 'zod';
import { DEPARTMENT_KINDS, ORG_KINDS } from '../org.rules.ts';
import { Id, IsoDate } from './common.ts';

export const OrgKindSchema = z.enum(ORG_KINDS);
export const DepartmentKindSchema = z.enum(DEPARTMENT_KINDS);

export const CommitteeSeat = z.object({
  personId: Id,
  post: z.string().trim().min(1, '请填写职务').max(20, '职务最多20个字'),
});

export const OrgNoticeSchema = z.object({
  kind: z.enum(['branchOverSize', 'branchUnderSize', 'committeeSize', 'reelectionDue', 'reelectionOverdue']),
  message: z.string(),
  termEndsOn: z.string().optional(),
});

export const OrgUnit = z.object({
  id: Id,
  kind: OrgKindSchema,
  name: z.string(),
  parentId: Id.nullable(),
  secretaryPersonId: Id.nullable(),
  secretaryName: z.string().nullable(),
  committee: z.array(CommitteeSeat.extend({ name: z.string() })),
  establishedOn: z.string().nullable(),
  termStartedOn: z.string().nullable(),
  termEndsOn: z.string().nullable(),
  termYears: z.number().int().nullable().describe('任期年数；党组、党小组无任期'),
  termYearsSetting: z.number().int().nullable().describe('本院设置的任期（党总支、机关党委，3至5年）'),
  memberCount: z.number().int().describe('本组织及下级组织的党员（含预备党员）人数'),
  notices: z.array(OrgNoticeSchema),
  sortOrder: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitsResponse = z.object({ items: z.array(OrgUnit) });

const orgUnitFields = {
  name: z.string().trim().min(1, '请填写组织名称').max(60, '组织名称最多60个字'),
  secretaryPersonId: Id.nullable().optional(),
  committee: z.array(CommitteeSeat).max(15, '委员最多15名').optional(),
  establishedOn: IsoDate.nullable().optional(),
  termStartedOn: IsoDate.nullable().optional(),
  termYears: z
    .number({ error: '任期应为年数' })
    .int('任期应为整数年')
    .min(3, '任期应为3至5年')
    .max(5, '任期应为3至5年')
    .nullable()
    .optional()
    .describe('党总支、机关党委的任期（3至5年）；不填按默认'),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
};
export const CreateOrgUnitRequest = z.strictObject({ kind: OrgKindSchema, parentId: Id, ...orgUnitFields });
export type CreateOrgUnitRequest = z.infer<typeof CreateOrgUnitRequest>;
export const UpdateOrgUnitRequest = z.strictObject(orgUnitFields).partial();
export type UpdateOrgUnitRequest = z.infer<typeof UpdateOrgUnitRequest>;

export const Department = z.object({
  id: Id,
  name: z.string(),
  kind: DepartmentKindSchema,
  sortOrder: z.number().int(),
  staffCount: z.number().int(),
  memberCount: z.number().int(),
});
export type Department = z.infer<typeof Department>;
export const DepartmentsResponse = z.object({ items: z.array(Department) });

export const DepartmentRequest = z.strictObject({
  name: z.string().trim().min(1, '请填写部门名称').max(60, '部门名称最多60个字'),
  kind: DepartmentKindSchema,
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type DepartmentRequest = z.infer<typeof DepartmentRequest>;
