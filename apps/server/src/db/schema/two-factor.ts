import { bigint, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { tenants } from './tenants.ts';

/** 双因素登录 (migration 0025): the authenticator secret, encrypted; `enrolled_at` null while being set up. */
export const twoFactor = pgTable(
  'two_factor',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id').notNull(),
    secretEnc: text('secret_enc').notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
    /** The last time step a code was accepted for: a code of that step or earlier is a replay. */
    lastStep: bigint('last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    foreignKey({
      name: 'two_factor_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
  ],
);

/** Ten single-use recovery codes per enrolment, as keyed hashes (platform/two-factor-key.ts). */
export const twoFactorRecoveryCodes = pgTable(
  'two_factor_recovery_codes',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'two_factor_recovery_codes_pk', columns: [t.tenantId, t.userId, t.codeHash] }),
    foreignKey({
      name: 'two_factor_recovery_codes_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
  ],
);

/**
 * The half-signed-in step: a correct password, no session yet. Its cookie opens only the second-step
 * routes, for a few minutes.
 */
export const twoFactorChallenges = pgTable(
  'two_factor_challenges',
  {
    tokenHash: text('token_hash').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose').$type<'verify' | 'enrol'>().notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'two_factor_challenges_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    index('two_factor_challenges_user_idx').on(t.tenantId, t.userId),
  ],
);
