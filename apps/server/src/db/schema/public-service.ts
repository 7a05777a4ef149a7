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
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  DisclosureCategory,
  DisclosureChannel,
  DisclosureScope,
  DisclosureSourceKind,
  DisclosureStatus,
  VisitCategory,
} from '@qizhi/domain';
import { users } from './auth.ts';
import { departments } from './org.ts';
import { evaluationRounds } from './evaluations.ts';
import { deliberationMatters, meetings } from './meetings.ts';
import { people } from './people.ts';
import { sealedText } from './sealed.ts';
import { tenants } from './tenants.ts';

/** 党务公开 / 院务公开: an item typed for disclosure, approved before it shows, withdrawn with a reason. */
export const disclosures = pgTable(
  'disclosures',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    scope: text('scope').$type<DisclosureScope>().notNull(),
    category: text('category').$type<DisclosureCategory>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    channels: jsonb('channels').$type<DisclosureChannel[]>().notNull(),
    attachmentFileIds: jsonb('attachment_file_ids').$type<string[]>().notNull().default([]),
    status: text('status').$type<DisclosureStatus>().notNull().default('draft'),
    publishFrom: date('publish_from').notNull(),
    publishUntil: date('publish_until'),
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedByName: text('approved_by_name'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    returnNote: text('return_note'),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** Shown from its source (migration 0026): the text is read from the record named here when shown. */
    sourceKind: text('source_kind').$type<DisclosureSourceKind>(),
    sourceMeetingId: uuid('source_meeting_id'),
    sourceMatterId: uuid('source_matter_id'),
    sourceRoundId: uuid('source_round_id'),
    sourceYear: integer('source_year'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('disclosures_public_idx').on(t.tenantId, t.status, t.publishFrom),
    foreignKey({
      name: 'disclosures_source_meeting_fk',
      columns: [t.tenantId, t.sourceMeetingId],
      foreignColumns: [meetings.tenantId, meetings.id],
    }),
    foreignKey({
      name: 'disclosures_source_matter_fk',
      columns: [t.tenantId, t.sourceMatterId],
      foreignColumns: [deliberationMatters.tenantId, deliberationMatters.id],
    }),
    foreignKey({
      name: 'disclosures_source_round_fk',
      columns: [t.tenantId, t.sourceRoundId],
      foreignColumns: [evaluationRounds.tenantId, evaluationRounds.id],
    }),
    check(
      'disclosures_source_check',
      sql`(${t.sourceKind} IS NULL AND ${t.sourceMeetingId} IS NULL AND ${t.sourceMatterId} IS NULL AND ${t.sourceRoundId} IS NULL AND ${t.sourceYear} IS NULL) OR (${t.sourceKind} = 'meeting' AND ${t.sourceMeetingId} IS NOT NULL AND ${t.sourceMatterId} IS NULL AND ${t.sourceRoundId} IS NULL AND ${t.sourceYear} IS NULL) OR (${t.sourceKind} = 'deliberation' AND ${t.sourceMatterId} IS NOT NULL AND ${t.sourceMeetingId} IS NULL AND ${t.sourceRoundId} IS NULL AND ${t.sourceYear} IS NULL) OR (${t.sourceKind} = 'evaluation' AND ${t.sourceRoundId} IS NOT NULL AND ${t.sourceMeetingId} IS NULL AND ${t.sourceMatterId} IS NULL AND ${t.sourceYear} IS NULL) OR (${t.sourceKind} = 'commitments' AND ${t.sourceYear} IS NOT NULL AND ${t.sourceMeetingId} IS NULL AND ${t.sourceMatterId} IS NULL AND ${t.sourceRoundId} IS NULL)`,
    ),
  ],
);

/** 院领导挂牌接访: one row per week, the leader on duty with any swap or substitution on record. */
export const receptionRota = pgTable(
  'reception_rota',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    weekStart: date('week_start').notNull(),
    receptionOn: date('reception_on'),
    personId: uuid('person_id').notNull(),
    time: text('time').notNull(),
    place: text('place').notNull(),
    originalPersonId: uuid('original_person_id'),
    changeNote: text('change_note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('reception_rota_week_idx').on(t.tenantId, t.weekStart),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.originalPersonId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

/** A visitor received; visitor_phone and visitor_id_number are personal data, never shown in full. */
export const receptionVisits = pgTable(
  'reception_visits',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    rotaId: uuid('rota_id'),
    receivedOn: date('received_on').notNull(),
    // The visitor's name and numbers are encrypted at rest (migration 0029, platform/field-crypto.ts).
    visitorName: sealedText('visitor_name', 'reception_visits.visitor_name').notNull(),
    visitorPhone: sealedText('visitor_phone', 'reception_visits.visitor_phone'),
    visitorIdNumber: sealedText('visitor_id_number', 'reception_visits.visitor_id_number'),
    matter: text('matter').notNull(),
    category: text('category').$type<VisitCategory>().notNull(),
    caseNumber: text('case_number'),
    answer: text('answer').notNull().default(''),
    needsHandling: boolean('needs_handling').notNull().default(false),
    handlingDepartmentId: uuid('handling_department_id'),
    acceptedOn: date('accepted_on'),
    extended: boolean('extended').notNull().default(false),
    handledOn: date('handled_on'),
    feedback: text('feedback'),
    recordedByName: text('recorded_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('reception_visits_date_idx').on(t.tenantId, t.receivedOn),
    foreignKey({ columns: [t.tenantId, t.rotaId], foreignColumns: [receptionRota.tenantId, receptionRota.id] }),
    foreignKey({
      columns: [t.tenantId, t.handlingDepartmentId],
      foreignColumns: [departments.tenantId, departments.id],
    }),
  ],
);

export interface InquiryHandOverRow {
  fromUserId: string;
  fromName: string;
  toUserId: string;
  toName: string;
  note: string;
  at: string;
}

/** 首问负责: the first person asked owns the inquiry until it is closed; every hand-over is kept. */
export const inquiries = pgTable(
  'inquiries',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    topic: text('topic').notNull(),
    // Encrypted at rest like a visitor's (migration 0029).
    askerName: sealedText('asker_name', 'inquiries.asker_name'),
    askerPhone: sealedText('asker_phone', 'inquiries.asker_phone'),
    outcome: text('outcome').$type<'answered' | 'directed_outside' | 'open'>().notNull(),
    directedTo: text('directed_to'),
    status: text('status').$type<'open' | 'handed_over' | 'closed'>().notNull(),
    firstUserId: uuid('first_user_id').notNull(),
    firstName: text('first_name').notNull(),
    firstDepartmentId: uuid('first_department_id'),
    holderUserId: uuid('holder_user_id').notNull(),
    holderName: text('holder_name').notNull(),
    handOvers: jsonb('hand_overs').$type<InquiryHandOverRow[]>().notNull().default([]),
    result: text('result'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('inquiries_first_idx').on(t.tenantId, t.firstUserId, t.status),
    index('inquiries_holder_idx').on(t.tenantId, t.holderUserId, t.status),
    foreignKey({ columns: [t.tenantId, t.firstUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.holderUserId], foreignColumns: [users.tenantId, users.id] }),
  ],
);

/** 服务承诺: what the court promises the public, with a time limit and, where records exist, a measure. */
export const servicePledges = pgTable(
  'service_pledges',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    timeLimit: text('time_limit').notNull(),
    description: text('description').notNull().default(''),
    measure: text('measure').$type<'inquiry_answered_once' | 'visit_accepted_on_time' | 'visit_handled_on_time'>(),
    sortOrder: integer('sort_order').notNull().default(0),
    published: boolean('published').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
