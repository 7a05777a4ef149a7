import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RuleStatus } from '@qizhi/domain';
import { files } from './files.ts';
import { people } from './people.ts';
import { tenants } from './tenants.ts';

/** 制度库: the current text of each rule; every change also writes a row to `rule_versions`. */
export const rules = pgTable(
  'rules',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    /** Plain text, paragraphs separated by blank lines: nothing to sanitise, nothing to inject. */
    body: text('body').notNull().default(''),
    fileId: uuid('file_id'),
    adoptedBy: text('adopted_by').notNull(),
    adoptedOn: date('adopted_on').notNull(),
    effectiveOn: date('effective_on').notNull(),
    status: text('status').$type<RuleStatus>().notNull().default('in_force'),
    version: integer('version').notNull().default(1),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [files.tenantId, files.id] }),
  ],
);

export const ruleVersions = pgTable(
  'rule_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    body: text('body').notNull(),
    fileId: uuid('file_id'),
    adoptedBy: text('adopted_by').notNull(),
    adoptedOn: date('adopted_on').notNull(),
    effectiveOn: date('effective_on').notNull(),
    status: text('status').$type<RuleStatus>().notNull(),
    changeNote: text('change_note').notNull(),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ruleId, t.version] }),
    foreignKey({ columns: [t.tenantId, t.ruleId], foreignColumns: [rules.tenantId, rules.id] }),
  ],
);

/** A member's confirmation of having read a rule, for the version read. */
export const ruleReads = pgTable(
  'rule_reads',
  {
    tenantId: uuid('tenant_id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    personId: uuid('person_id').notNull(),
    version: integer('version').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ruleId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.ruleId], foreignColumns: [rules.tenantId, rules.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('rule_reads_person_idx').on(t.tenantId, t.personId),
  ],
);
