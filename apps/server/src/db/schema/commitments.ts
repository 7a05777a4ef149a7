import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CommitmentOwnerKind, CommitmentStatus, PromiseResult } from '@qizhi/domain';
import { goals } from './goals.ts';
import { orgUnits } from './org.ts';
import { people } from './people.ts';
import { tenants } from './tenants.ts';

/** 公开承诺: one per owner (a branch or a member) and year. */
export const commitments = pgTable(
  'commitments',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    ownerKind: text('owner_kind').$type<CommitmentOwnerKind>().notNull(),
    ownerOrgUnitId: uuid('owner_org_unit_id'),
    ownerPersonId: uuid('owner_person_id'),
    status: text('status').$type<CommitmentStatus>().notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedByUserId: uuid('reviewed_by_user_id'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    verifiedByName: text('verified_by_name'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerOrgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerPersonId], foreignColumns: [people.tenantId, people.id] }),
    uniqueIndex('commitments_org_year_idx')
      .on(t.tenantId, t.year, t.ownerOrgUnitId)
      .where(sql`${t.ownerOrgUnitId} is not null`),
    uniqueIndex('commitments_person_year_idx')
      .on(t.tenantId, t.year, t.ownerPersonId)
      .where(sql`${t.ownerPersonId} is not null`),
    index('commitments_year_status_idx').on(t.tenantId, t.year, t.status),
    check(
      'commitments_one_owner',
      sql`(${t.ownerKind} = 'org_unit' and ${t.ownerOrgUnitId} is not null and ${t.ownerPersonId} is null)
       or (${t.ownerKind} = 'person' and ${t.ownerPersonId} is not null and ${t.ownerOrgUnitId} is null)`,
    ),
  ],
);

/** One concrete promise of a commitment, optionally serving one of the owner's goals. */
export const commitmentPromises = pgTable(
  'commitment_promises',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    commitmentId: uuid('commitment_id').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    text: text('text').notNull(),
    goalId: uuid('goal_id'),
    selfAssessment: text('self_assessment').$type<PromiseResult>(),
    selfNote: text('self_note'),
    verifiedResult: text('verified_result').$type<PromiseResult>(),
    verificationNote: text('verification_note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.commitmentId],
      foreignColumns: [commitments.tenantId, commitments.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [goals.tenantId, goals.id] }),
    index('commitment_promises_commitment_idx').on(t.tenantId, t.commitmentId),
  ],
);
