import type { z } from 'zod';
import type {
  MemberPii as MemberPiiSchema,
  RoleInfo as RoleInfoSchema,
  TemporaryPasswordResponse as TemporaryPasswordResponseSchema,
  UpdateUserRequest as UpdateUserRequestSchema,
} from '@qizhi/domain';

// Schemas that @qizhi/domain exports without a companion type: inferred here, never written by hand.
export type MemberPii = z.infer<typeof MemberPiiSchema>;
export type RoleInfo = z.infer<typeof RoleInfoSchema>;
export type TemporaryPasswordResponse = z.infer<typeof TemporaryPasswordResponseSchema>;
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;
