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
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { CourtType } from '@qizhi/domain';
import { files } from './files.ts';
import { orgUnits } from './org.ts';
import { people } from './people.ts';
import { tenants } from './tenants.ts';

/** 主题教育实践活动: a campaign of the court or of one organisation (and its subtree). */
export const campaigns = pgTable(
  'campaigns',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    goals: text('goals').notNull(),
    courtTypes: jsonb('court_types').$type<CourtType[]>().notNull(),
    /** Null: the whole court; else the organisation that runs it. */
    orgUnitId: uuid('org_unit_id'),
    summary: text('summary'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);

/** A phase (学习教育、查摆问题、整改落实…) over court days, both ends included. */
export const campaignPhases = pgTable(
  'campaign_phases',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }).onDelete(
      'cascade',
    ),
    index('campaign_phases_campaign_idx').on(t.tenantId, t.campaignId),
    check('campaign_phases_days_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A task of a phase, for one organisation (its subtree takes part) or one person. */
export const campaignTasks = pgTable(
  'campaign_tasks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    phaseId: uuid('phase_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    orgUnitId: uuid('org_unit_id'),
    personId: uuid('person_id'),
    dueOn: date('due_on').notNull(),
    courtTypes: jsonb('court_types').$type<CourtType[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.phaseId], foreignColumns: [campaignPhases.tenantId, campaignPhases.id] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('campaign_tasks_campaign_idx').on(t.tenantId, t.campaignId),
    index('campaign_tasks_person_idx').on(t.tenantId, t.personId),
    check('campaign_tasks_assignee_check', sql`(${t.orgUnitId} is null) <> (${t.personId} is null)`),
  ],
);

/** One person's participation in a task: took part (done false) or reported it done, with a summary. */
export const campaignTaskReports = pgTable(
  'campaign_task_reports',
  {
    tenantId: uuid('tenant_id').notNull(),
    taskId: uuid('task_id').notNull(),
    personId: uuid('person_id').notNull(),
    done: boolean('done').notNull(),
    summary: text('summary').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.taskId, t.personId] }),
    foreignKey({
      columns: [t.tenantId, t.taskId],
      foreignColumns: [campaignTasks.tenantId, campaignTasks.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

/** Photos of a participation report (files uploaded through /api/files). */
export const campaignReportFiles = pgTable(
  'campaign_report_files',
  {
    tenantId: uuid('tenant_id').notNull(),
    taskId: uuid('task_id').notNull(),
    personId: uuid('person_id').notNull(),
    fileId: uuid('file_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.taskId, t.personId, t.fileId] }),
    foreignKey({
      columns: [t.tenantId, t.taskId, t.personId],
      foreignColumns: [campaignTaskReports.tenantId, campaignTaskReports.taskId, campaignTaskReports.personId],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [files.tenantId, files.id] }),
  ],
);
