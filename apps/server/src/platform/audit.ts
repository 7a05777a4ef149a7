import type { AuditAction, AuditEntity } from '@qizhi/domain';
import { auditLog } from '../db/schema/index.ts';
import type { Db } from './db.ts';

/** Who is acting, from the request; services pass it to every write so the audit row says who. */
export interface Actor {
  tenantId: string;
  userId: string | null;
  name: string | null;
  ip: string | null;
}

export interface AuditEvent {
  /** One of the domain's audit actions, each with its Chinese label. */
  action: AuditAction;
  entity?: AuditEntity;
  entityId?: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Call with the transaction that makes the change, so the change and its record commit together. */
export async function writeAudit(
  tx: Db,
  actor: Actor | (Omit<Actor, 'tenantId'> & { tenantId: string | null }),
  event: AuditEvent,
): Promise<void> {
  await tx.insert(auditLog).values({
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorName: actor.name,
    ip: actor.ip,
    action: event.action,
    entity: event.entity ?? null,
    entityId: event.entityId ?? null,
    summary: event.summary,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

/** Only the fields that changed, so an audit row shows what an edit did rather than two whole records. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}
