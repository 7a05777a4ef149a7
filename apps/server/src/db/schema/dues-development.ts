import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DuesCategory, DuesChannel } from '@qizhi/domain';
import { meetingVotes } from './meetings.ts';
import { people } from './people.ts';
import { sealedInteger } from './sealed.ts';
import { tenants } from './tenants.ts';

const MONTH = sql`'^[0-9]{4}-(0[1-9]|1[0-2])$'`;

/** 党费基数: a member's base (or category) from the month pay changed; history kept, never edited. */
export const duesBases = pgTable(
  'dues_bases',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    category: text('category').$type<DuesCategory>().notNull(),
    /** The base in fen, encrypted at rest (migration 0029): a member's pay is personal. */
    baseFen: sealedInteger('base_sealed', 'dues_bases.base').notNull(),
    /** The base before migration 0029; emptied into base_sealed at the first start after it. */
    legacyBaseFen: integer('base_fen'),
    fromMonth: text('from_month').notNull(),
    recordedByName: text('recorded_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    uniqueIndex('dues_bases_person_month_idx').on(t.tenantId, t.personId, t.fromMonth),
    check('dues_bases_month_check', sql`${t.fromMonth} ~ ${MONTH}`),
  ],
);

/** 党费收缴: one row per member and month paid; a payment of several months shares its batch. */
export const duesPayments = pgTable(
  'dues_payments',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    month: text('month').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** 自愿多交 */
    extraFen: integer('extra_fen').notNull().default(0),
    paidOn: date('paid_on').notNull(),
    channel: text('channel').$type<DuesChannel>().notNull(),
    batchId: uuid('batch_id').notNull(),
    collectedByUserId: uuid('collected_by_user_id'),
    collectedByName: text('collected_by_name'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    uniqueIndex('dues_payments_person_month_idx').on(t.tenantId, t.personId, t.month),
    index('dues_payments_month_idx').on(t.tenantId, t.month),
    check('dues_payments_month_check', sql`${t.month} ~ ${MONTH}`),
    check('dues_payments_fen_check', sql`${t.amountFen} >= 0 AND ${t.extraFen} >= 0`),
  ],
);

/** 党费减免: hardship reductions or exemptions, with the branch decision and the approval above. */
export const duesReductions = pgTable(
  'dues_reductions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    fromMonth: text('from_month').notNull(),
    toMonth: text('to_month'),
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
    decision: text('decision').notNull(),
    approvedBy: text('approved_by').notNull(),
    recordedByName: text('recorded_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('dues_reductions_person_idx').on(t.tenantId, t.personId),
    check('dues_reductions_fen_check', sql`${t.amountFen} >= 0`),
  ],
);

/** 发展党员: one row per recorded step of a person's 25. */
export const developmentSteps = pgTable(
  'development_steps',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    step: smallint('step').notNull(),
    doneOn: date('done_on').notNull(),
    who: text('who'),
    recordedByName: text('recorded_by_name'),
    notes: text('notes'),
    late: boolean('late').notNull().default(false),
    warning: text('warning'),
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    personIds: jsonb('person_ids').$type<string[]>().notNull().default([]),
    voteId: uuid('vote_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.voteId], foreignColumns: [meetingVotes.tenantId, meetingVotes.id] }),
    uniqueIndex('development_steps_person_step_idx').on(t.tenantId, t.personId, t.step),
    check('development_steps_step_check', sql`${t.step} BETWEEN 1 AND 25`),
  ],
);

/** The activist's assessments, every 6 months (step 6). */
export const developmentAssessments = pgTable(
  'development_assessments',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    doneOn: date('done_on').notNull(),
    result: text('result').notNull(),
    who: text('who'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('development_assessments_person_idx').on(t.tenantId, t.personId, t.doneOn),
  ],
);

/** A probation extended once, by 6 to 12 months. */
export const developmentExtensions = pgTable(
  'development_extensions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    months: smallint('months').notNull(),
    doneOn: date('done_on').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    check('development_extensions_months_check', sql`${t.months} BETWEEN 6 AND 12`),
  ],
);
