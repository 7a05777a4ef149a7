import { z } from 'zod';
import { Id, IsoDate, PageQuery, pageOf } from './common.ts';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = pageOf(AuditEntry);
export const AuditQuery = z.strictObject({
  action: z.string().trim().max(60).optional(),
  actor: z.string().trim().max(60).optional(),
  entity: z.string().trim().max(60).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  ...PageQuery,
});
export type AuditQuery = z.infer<typeof AuditQuery>;
