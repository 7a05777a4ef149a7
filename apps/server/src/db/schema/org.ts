import { sql } from 'drizzle-orm';
import {
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
import type { DepartmentKind, OrgKind } from '@qizhi/domain';
import { tenants } from './tenants.ts';

export interface CommitteeSeatRow {
  personId: string;
  post: string;
}

/** The party organisation tree: 党组 → 机关党委 / 党总支 → 党支部 → 党小组. */
export const orgUnits = pgTable(
  'org_units',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    parentId: uuid('parent_id'),
    kind: text('kind').$type<OrgKind>().notNull(),
    name: text('name').notNull(),
    secretaryPersonId: uuid('secretary_person_id'),
    committee: jsonb('committee').$type<CommitteeSeatRow[]>().notNull().default([]),
    establishedOn: date('established_on'),
    termStartedOn: date('term_started_on'),
    /** 党总支 and 机关党委: the court's term setting (3–5 years); null: the default (termYearsOf). */
    termYears: integer('term_years'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('org_units_parent_idx').on(t.tenantId, t.parentId),
    check('org_units_term_years_check', sql`${t.termYears} is null or ${t.termYears} between 3 and 5`),
  ],
);

/** 内设部门: where people work, apart from the party organisation they belong to. */
export const departments = pgTable(
  'departments',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<DepartmentKind>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('departments_name_idx').on(t.tenantId, sql`lower(${t.name})`),
  ],
);
