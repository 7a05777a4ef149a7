import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common.ts';
import { RoleCode, RoleGrant } from './auth.ts';

export const UserListItem = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  personId: Id.nullable(),
  /** The linked roster person's name and organisation (name and unit only: no personal data). */
  personName: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  disabled: z.boolean(),
  disabledReason: z.string().nullable(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(RoleGrant),
});
export type UserListItem = z.infer<typeof UserListItem>;
export const UserPage = pageOf(UserListItem);
export const UsersQuery = z.strictObject({ q: z.string().trim().max(50).optional(), ...PageQuery });

export const Username = z
  .string()
  .trim()
  .min(3, '用户名至少3位')
  .max(32, '用户名最多32位')
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, '用户名须以字母开头，只含字母、数字、下划线、点和连字符');

export const CreateUserRequest = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1, '请填写姓名').max(30, '姓名最多30个字'),
  personId: Id.nullable().optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
/** The one-time initial or reset password, shown once to the administrator. */
export const TemporaryPasswordResponse = z.object({ user: UserListItem, temporaryPassword: z.string() });

/** Why an account was disabled; 离职、调出、去世 keep the account (and its history), never delete it. */
export const DISABLED_REASONS = ['left', 'transferred', 'deceased', 'other'] as const;
export const DisabledReason = z.enum(DISABLED_REASONS);
export type DisabledReason = z.infer<typeof DisabledReason>;
export const DISABLED_REASON_LABELS: Record<DisabledReason, string> = {
  left: '离职',
  transferred: '调出',
  deceased: '去世',
  other: '其他',
};

export const UpdateUserRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(30).optional(),
  disabled: z.boolean().optional(),
  /** With `disabled: true`: why (shown beside the account). */
  disabledReason: DisabledReason.optional(),
  /** Link the account to a roster person, or unlink it (`null`). */
  personId: Id.nullable().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** Roles a bulk creation may give: the everyday ones; any other is granted by the 安全管理员. */
export const BULK_ACCOUNT_ROLES = ['member', 'staff'] as const;
export const BulkCreateAccountsRequest = z.strictObject({
  personIds: z.array(Id).min(1, '请选择人员').max(5000),
  roleCode: z
    .enum(BULK_ACCOUNT_ROLES, { error: '批量建号只能授予“党员”或“干警”角色，其他角色由安全管理员授予' })
    .optional(),
});
export type BulkCreateAccountsRequest = z.infer<typeof BulkCreateAccountsRequest>;
export const CreatedAccount = z.object({
  userId: Id,
  username: z.string(),
  personId: Id,
  /** Shown once; the server keeps only its argon2id hash. */
  initialPassword: z.string(),
});
export type CreatedAccount = z.infer<typeof CreatedAccount>;
export const BulkCreateAccountsResponse = z.object({
  created: z.array(CreatedAccount),
  skipped: z.array(z.object({ personId: Id, reason: z.string() })),
});
export type BulkCreateAccountsResponse = z.infer<typeof BulkCreateAccountsResponse>;

/** A roster person as the account administrator may see them: id, name, organisation — nothing else. */
export const PersonChoice = z.object({
  id: Id,
  name: z.string(),
  orgUnitId: Id.nullable(),
  orgUnitName: z.string().nullable(),
  /** The account already linked to this person, if any. */
  username: z.string().nullable(),
});
export type PersonChoice = z.infer<typeof PersonChoice>;
export const PersonChoicesQuery = z.strictObject({
  q: z.string().trim().max(30).optional(),
  /** This organisation and everything under it. */
  orgUnitId: Id.optional(),
});
export const PersonChoicesResponse = z.object({
  items: z.array(PersonChoice),
  /** The address members sign in at (QIZHI_PUBLIC_URL), printed on account slips. */
  signInUrl: z.string(),
});
export type PersonChoicesResponse = z.infer<typeof PersonChoicesResponse>;
/** The accounts just created, for their .xlsx list; built from the answer, never stored. */
export const AccountSlipsRequest = z.strictObject({ accounts: z.array(CreatedAccount).min(1).max(5000) });
export const SetRolesRequest = z.strictObject({ roles: z.array(RoleGrant).max(20) });
export type SetRolesRequest = z.infer<typeof SetRolesRequest>;

export const RoleInfo = z.object({
  code: RoleCode,
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const RolesResponse = z.object({ items: z.array(RoleInfo) });
