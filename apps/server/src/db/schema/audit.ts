import { bigint, index, uniqueIndex, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. `tenant_id` is null only for
 * a failed sign-in under a username that names no account.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    /** Position in the hash chain and the row's link (migration 0014's trigger sets both). */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_tenant_at_idx').on(t.tenantId, t.at),
    index('audit_log_action_idx').on(t.tenantId, t.action),
    uniqueIndex('audit_log_chain_seq_idx').on(t.chainSeq),
  ],
);
