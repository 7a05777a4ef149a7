import { z } from 'zod';
import { PERMISSIONS, ROLE_CODES, type Permission } from '../permissions.ts';
import { Id } from './common.ts';

export const RoleCode = z.enum(ROLE_CODES);
export type RoleCode = z.infer<typeof RoleCode>;
export const PermissionCode = z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]);

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RoleGrant = z.object({
  role: RoleCode,
  orgUnitId: Id.nullable().describe('授权范围：组织机构编号；为空表示全院'),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const SessionUser = z.object({
  id: Id,
  tenantId: Id,
  tenantName: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: Id.nullable(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SignedIn = z.object({ user: SessionUser, csrfToken: z.string() });
export type SignedIn = z.infer<typeof SignedIn>;

/** After a correct password, when a second factor is due: what the next step is, until when. */
export const SecondFactorPending = z.object({
  secondFactor: z.enum(['verify', 'enrol']).describe('verify：输入动态验证码或恢复码；enrol：须先绑定身份验证器'),
  expiresAt: z.string().describe('第二步的截止时间（ISO 8601），过后须重新输入密码'),
});
export type SecondFactorPending = z.infer<typeof SecondFactorPending>;

/** Signed in, or (双因素登录) half-way: no session yet, only the second step may be called. */
export const LoginResponse = z.union([SignedIn, SecondFactorPending]);
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({
  user: SessionUser,
  roles: z.array(RoleGrant),
  permissions: z.array(PermissionCode),
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
