import type { z } from 'zod';
import type {
  AuditPage as AuditPageSchema,
  DepartmentsResponse as DepartmentsResponseSchema,
  MemberPii as MemberPiiSchema,
  OrgUnitsResponse as OrgUnitsResponseSchema,
  RoleInfo as RoleInfoSchema,
  RolesResponse as RolesResponseSchema,
  TemporaryPasswordResponse as TemporaryPasswordResponseSchema,
  UpdateUserRequest as UpdateUserRequestSchema,
  UserPage as UserPageSchema,
} from '@qizhi/domain';

// Schemas that @qizhi/domain exports without a companion type: inferred here, never written by hand.
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type DepartmentsResponse = z.infer<typeof DepartmentsResponseSchema>;
export type MemberPii = z.infer<typeof MemberPiiSchema>;
export type OrgUnitsResponse = z.infer<typeof OrgUnitsResponseSchema>;
export type RoleInfo = z.infer<typeof RoleInfoSchema>;
export type RolesResponse = z.infer<typeof RolesResponseSchema>;
export type TemporaryPasswordResponse = z.infer<typeof TemporaryPasswordResponseSchema>;
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;
export type UserPage = z.infer<typeof UserPageSchema>;
