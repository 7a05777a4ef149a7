import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RetentionKind, RoleCodeValue } from '@qizhi/domain';

/** Per-court settings; every key has a default so a court stores only what it changes. */
export interface TenantSettings {
  lockoutThreshold?: number;
  lockoutMinutes?: number;
  idleMinutes?: number;
  adminIdleMinutes?: number;
  absoluteHours?: number;
  /** Days a password lasts before the next sign-in must change it; 0 (the default): no expiry. */
  passwordMaxAgeDays?: number;
  /** How many previous passwords a change may not reuse (default 5; 0: none). */
  passwordHistory?: number;
  /** 双因素登录 is required of accounts holding any of these roles (default: the three administrators and the officers). */
  twoFactorRequiredRoles?: RoleCodeValue[];
  /** 比学赶超 points and rankings: off unless a court turns them on (rules.md, policy limits). */
  pointsRankingEnabled?: boolean;
  /** 党费: how the fen is rounded (rules.md; default half up). */
  duesRounding?: 'half_up' | 'down' | 'up';
  /** 学习教育学时 a year (rules.md): members 32, secretaries and committee members 56, other staff none. */
  studyHoursRequired?: { member?: number; committee?: number; staff?: number };
  /** 民主评议: fewest ballots before a tally is shown (default 5, rules.md). */
  evaluationMinBallots?: number;
  /** 民主评议: the share of members that may be graded 优秀 (default 1/3). */
  evaluationExcellentCap?: { numerator: number; denominator: number };
  /** 个人信息保存期限 per kind (days or months, packages/domain retention.rules.ts); absent: the default. */
  retentionPeriods?: Partial<Record<RetentionKind, number>>;
}

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<TenantSettings>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
