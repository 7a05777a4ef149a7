import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common.ts';
import { RoleCode, RoleGrant } from './auth.ts';

export const UserListItem = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  personId: Id.nullable(),
  disabled: z.boolean(),
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

export const UpdateUserRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(30).optional(),
  disabled: z.boolean().optional(),
});
export const SetRolesRequest = z.strictObject({ roles: z.array(RoleGrant).max(20) });
export type SetRolesRequest = z.infer<typeof SetRolesRequest>;

export const RoleInfo = z.object({
  code: RoleCode,
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const RolesResponse = z.object({ items: z.array(RoleInfo) });
