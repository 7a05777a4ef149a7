import {
  date,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AssessmentGrade, HonourKind, HonourLevel, SanctionKind, SanctionLevel } from '@qizhi/domain';
import { files } from './files.ts';
import { people } from './people.ts';
import { tenants } from './tenants.ts';

/** 定期考核: the assessor's grade of a member for a period, with the completion seen when grading. */
export const assessments = pgTable(
  'assessments',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    period: text('period').notNull(),
    personId: uuid('person_id').notNull(),
    grade: text('grade').$type<AssessmentGrade>().notNull(),
    remarks: text('remarks').notNull().default(''),
    completion: doublePrecision('completion'),
    assessedByUserId: uuid('assessed_by_user_id'),
    assessedByName: text('assessed_by_name'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    uniqueIndex('assessments_period_person_idx').on(t.tenantId, t.period, t.personId),
  ],
);

/** 奖惩 (`sanction`): commendations and criticisms of a person. */
export const sanctions = pgTable(
  'sanctions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').$type<SanctionKind>().notNull(),
    title: text('title').notNull(),
    level: text('level').$type<SanctionLevel>().notNull(),
    decidedOn: date('decided_on').notNull(),
    reason: text('reason').notNull(),
    issuedBy: text('issued_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('sanctions_person_idx').on(t.tenantId, t.personId, t.decidedOn),
  ],
);

/** 荣誉: collective honours name the recipient; individual ones point at the person. */
export const honours = pgTable(
  'honours',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<HonourKind>().notNull(),
    title: text('title').notNull(),
    level: text('level').$type<HonourLevel>().notNull(),
    awardedOn: date('awarded_on').notNull(),
    issuedBy: text('issued_by').notNull(),
    recipientName: text('recipient_name').notNull(),
    personId: uuid('person_id'),
    certificateFileId: uuid('certificate_file_id'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.certificateFileId], foreignColumns: [files.tenantId, files.id] }),
    index('honours_kind_idx').on(t.tenantId, t.kind, t.awardedOn),
  ],
);
