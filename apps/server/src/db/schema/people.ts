import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  smallint,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EducationLevel, Gender, LeavingReason, PartyStanding, PersonStatus, WorkPost } from '@qizhi/domain';
import { departments, orgUnits } from './org.ts';
import { sealedText } from './sealed.ts';
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
    /** Encrypted at rest (migration 0029, platform/field-crypto.ts); looked up by id_number_bidx. */
    idNumber: sealedText('id_number', 'people.id_number'),
    /** The blind index of the ID number within the court: equality look-ups and uniqueness. */
    idNumberIndex: text('id_number_bidx'),
    /** Encrypted at rest; never searched. */
    phone: sealedText('phone', 'people.phone'),
    /** The person's own (work) e-mail address: notices by e-mail reach them there (migration 0015). */
    email: text('email'),
    education: text('education').$type<EducationLevel>(),
    status: text('status').$type<PersonStatus>().notNull(),
    /** The roster's default order (full members first, non-party staff last), kept by the database. */
    statusRank: smallint('status_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case status when 'full' then 1 when 'probationary' then 2 when 'candidate' then 3 when 'activist' then 4 when 'applicant' then 5 else 6 end`,
      ),
    joinedOn: date('joined_on'),
    confirmedOn: date('confirmed_on'),
    orgUnitId: uuid('org_unit_id'),
    departmentId: uuid('department_id'),
    position: text('position'),
    partyPosts: text('party_posts'),
    retired: boolean('retired').notNull().default(false),
    retiredOn: date('retired_on'),
    /** 留党察看, first and last day (the last open while it lasts): no vote meanwhile (rules.md). */
    probationFrom: date('probation_from'),
    probationTo: date('probation_to'),
    /** Suspension of a member's rights (e.g. while 留置 or 逮捕), first and last day. */
    suspendedFrom: date('suspended_from'),
    suspendedTo: date('suspended_to'),
    notes: text('notes'),
    /** The day the person left the court (离职、调出、去世) and why; null while on the roster. */
    leftOn: date('left_on'),
    leftReason: text('left_reason').$type<LeavingReason>(),
    leftNote: text('left_note'),
    // The national member system's record (migration 0024). The stage dates and the sponsors of a
    // person who went through the pipeline in Qizhi are read from development_steps instead.
    nativePlace: text('native_place'),
    workPost: text('work_post').$type<WorkPost>(),
    /** 党籍状态; null reads as 正常 for a member. */
    partyStanding: text('party_standing').$type<PartyStanding>(),
    sponsors: text('sponsors'),
    transferredInOn: date('transferred_in_on'),
    appliedOn: date('applied_on'),
    activistOn: date('activist_on'),
    candidateOn: date('candidate_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('people_leaving_check', sql`(${t.leftOn} is null) = (${t.leftReason} is null)`),
    check(
      'people_work_post_check',
      sql`${t.workPost} is null or ${t.workPost} in ('civil_servant', 'manager', 'professional', 'worker', 'farmer', 'student', 'other', 'retired')`,
    ),
    check(
      'people_party_standing_check',
      sql`${t.partyStanding} is null or ${t.partyStanding} in ('normal', 'stopped')`,
    ),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.departmentId], foreignColumns: [departments.tenantId, departments.id] }),
    uniqueIndex('people_id_number_bidx_idx')
      .on(t.tenantId, t.idNumberIndex)
      .where(sql`${t.idNumberIndex} is not null`),
    index('people_org_unit_idx').on(t.tenantId, t.orgUnitId),
    index('people_department_idx').on(t.tenantId, t.departmentId),
    // The roster's default order and its usual filters (status, retired) in one index, so a page is
    // read in order and stops after 20 rows instead of sorting every match. Migration 0013 also
    // INCLUDEs the page's other columns (Drizzle cannot declare that), so the page never visits the heap.
    // Only those on the roster (migration 0015): the default roster asks for them.
    index('people_roster_idx')
      .on(t.tenantId, t.statusRank, t.retired, sql`${t.name} collate "C"`, t.id)
      .where(sql`${t.leftOn} is null`),
    index('people_left_idx')
      .on(t.tenantId, t.leftOn)
      .where(sql`${t.leftOn} is not null`),
    index('people_name_idx').on(t.tenantId, sql`${t.name} collate "C"`, t.id),
  ],
);
