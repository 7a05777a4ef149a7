import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  CourtType,
  GoalLevel,
  GoalOwnerKind,
  GoalProgressSource,
  GoalReportStatus,
  IndicatorKind,
} from '@qizhi/domain';
import { files } from './files.ts';
import { departments, orgUnits } from './org.ts';
import { people } from './people.ts';
import { tenants } from './tenants.ts';

/** 一个中心: a court-year's objective and working line; a year without a row shows the defaults. */
export const courtCentres = pgTable(
  'court_centres',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    year: integer('year').notNull(),
    objective: text('objective').notNull(),
    workingLine: text('working_line').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] })],
);

/**
 * 目标四级分解: one row per goal of a court-year; the tree is `parent_id`. Progress is never
 * stored: it is computed from `accepted_value` (the latest accepted report) of the leaves.
 */
export const goals = pgTable(
  'goals',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    parentId: uuid('parent_id'),
    level: text('level').$type<GoalLevel>().notNull(),
    title: text('title').notNull(),
    description: text('description'),
    dimension: text('dimension').$type<CourtType>().notNull(),
    indicatorKind: text('indicator_kind').$type<IndicatorKind>().notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    unit: text('unit').notNull().default(''),
    weight: doublePrecision('weight').notNull().default(1),
    ownerKind: text('owner_kind').$type<GoalOwnerKind>().notNull(),
    ownerOrgUnitId: uuid('owner_org_unit_id'),
    ownerDepartmentId: uuid('owner_department_id'),
    ownerPersonId: uuid('owner_person_id'),
    deadline: date('deadline'),
    /** Where progress comes from: accepted reports, the study-hours ledger (学时) or meeting attendance (goal-sources.rules.ts). */
    progressSource: text('progress_source').$type<GoalProgressSource>().notNull().default('report'),
    acceptedValue: doublePrecision('accepted_value'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerOrgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerDepartmentId], foreignColumns: [departments.tenantId, departments.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerPersonId], foreignColumns: [people.tenantId, people.id] }),
    // The court-year's whole tree is read at once: this index serves GET /api/goals?year=.
    index('goals_tenant_year_idx').on(t.tenantId, t.year),
    index('goals_parent_idx').on(t.tenantId, t.parentId),
    index('goals_owner_person_idx').on(t.tenantId, t.ownerPersonId, t.year),
    // Goals counted by the system, found when attendance changes (0027_goal_sources.sql).
    index('goals_counted_idx')
      .on(t.tenantId, t.year, t.progressSource, t.ownerPersonId)
      .where(sql`${t.progressSource} <> 'report'`),
    check('goals_progress_source_check', sql`${t.progressSource} in ('report', 'study_hours', 'meeting_attendance')`),
    check(
      'goals_one_owner',
      sql`(${t.ownerKind} = 'org_unit' and ${t.ownerOrgUnitId} is not null and ${t.ownerDepartmentId} is null and ${t.ownerPersonId} is null)
       or (${t.ownerKind} = 'department' and ${t.ownerDepartmentId} is not null and ${t.ownerOrgUnitId} is null and ${t.ownerPersonId} is null)
       or (${t.ownerKind} = 'person' and ${t.ownerPersonId} is not null and ${t.ownerOrgUnitId} is null and ${t.ownerDepartmentId} is null)`,
    ),
  ],
);

/** A progress report by a goal's owner; only an accepted one moves the goal's value. */
export const goalReports = pgTable(
  'goal_reports',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    goalId: uuid('goal_id').notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note').notNull().default(''),
    status: text('status').$type<GoalReportStatus>().notNull().default('pending'),
    reportedByUserId: uuid('reported_by_user_id'),
    reportedByName: text('reported_by_name'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedByUserId: uuid('reviewed_by_user_id'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [goals.tenantId, goals.id] }),
    index('goal_reports_goal_idx').on(t.tenantId, t.goalId, t.reportedAt),
    index('goal_reports_pending_idx')
      .on(t.tenantId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Evidence attached to a report (uploaded through POST /api/files). */
export const goalReportFiles = pgTable(
  'goal_report_files',
  {
    tenantId: uuid('tenant_id').notNull(),
    reportId: uuid('report_id').notNull(),
    fileId: uuid('file_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.reportId, t.fileId] }),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [goalReports.tenantId, goalReports.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [files.tenantId, files.id] }),
  ],
);
