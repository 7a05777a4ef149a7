import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EducationLevel, Gender, PersonStatus } from '@qizhi/domain';
import { departments, orgUnits } from './org.ts';
import { tenants } from './tenants.ts';

/** Every staff member of the court; party membership is the `status` other than `non_party`. */
export const people = pgTable(
  'people',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    ethnicity: text('ethnicity'),
    birthDate: date('birth_date'),
    idNumber: text('id_number'),
    phone: text('phone'),
    education: text('education').$type<EducationLevel>(),
    status: text('status').$type<PersonStatus>().notNull(),
    joinedOn: date('joined_on'),
    confirmedOn: date('confirmed_on'),
    orgUnitId: uuid('org_unit_id'),
    departmentId: uuid('department_id'),
    position: text('position'),
    partyPosts: text('party_posts'),
    retired: boolean('retired').notNull().default(false),
    retiredOn: date('retired_on'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.departmentId], foreignColumns: [departments.tenantId, departments.id] }),
    uniqueIndex('people_id_number_idx')
      .on(t.tenantId, t.idNumber)
      .where(sql`${t.idNumber} is not null`),
    index('people_org_unit_idx').on(t.tenantId, t.orgUnitId),
    index('people_department_idx').on(t.tenantId, t.departmentId),
    index('people_status_idx').on(t.tenantId, t.status, t.retired),
    index('people_name_idx').on(t.tenantId, t.name),
  ],
);
