import {
  date,
  doublePrecision,
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
import type {
  AttendanceState,
  CalendarDayKind,
  CourtType,
  IncentiveKind,
  IncentiveResult,
  StudyKind,
  StudyRecurrence,
} from '@qizhi/domain';
import { files } from './files.ts';
import { orgUnits } from './org.ts';
import { people } from './people.ts';
import { tenants } from './tenants.ts';

/** The court's working calendar: statutory holidays and 调休 working days, one row a listed day. */
export const workCalendarDays = pgTable(
  'work_calendar_days',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    day: date('day').notNull(),
    kind: text('kind').$type<CalendarDayKind>().notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);

/** 学习计划: a recurring schedule; its sessions are created when it is made. */
export const studyProgrammes = pgTable(
  'study_programmes',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    kind: text('kind').$type<StudyKind>().notNull(),
    recurrence: jsonb('recurrence').$type<StudyRecurrence>().notNull(),
    fromDay: date('from_day').notNull(),
    toDay: date('to_day').notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    hours: doublePrecision('hours').notNull(),
    place: text('place').notNull(),
    speaker: text('speaker'),
    orgUnitId: uuid('org_unit_id'),
    courtTypes: jsonb('court_types').$type<CourtType[]>().notNull().default(['learning']),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);

/** One study session (一次学习): who is expected (all staff or an organisation), hours it earns. */
export const studySessions = pgTable(
  'study_sessions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    programmeId: uuid('programme_id'),
    title: text('title').notNull(),
    kind: text('kind').$type<StudyKind>().notNull(),
    topic: text('topic'),
    speaker: text('speaker'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    place: text('place').notNull(),
    /** Null: all staff of the court; else the organisation and its subtree. */
    orgUnitId: uuid('org_unit_id'),
    hours: doublePrecision('hours').notNull(),
    courtTypes: jsonb('court_types').$type<CourtType[]>().notNull().default(['learning']),
    /** Sanitized HTML (the minutes' allow-list). */
    materialsHtml: text('materials_html'),
    links: jsonb('links').$type<{ title: string; url: string }[]>().notNull().default([]),
    /** Key of the rotating sign-in code; never leaves the server. */
    signInSecret: text('sign_in_secret').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({
      columns: [t.tenantId, t.programmeId],
      foreignColumns: [studyProgrammes.tenantId, studyProgrammes.id],
    }),
    index('study_sessions_starts_idx').on(t.tenantId, t.startsAt),
    index('study_sessions_programme_idx').on(t.tenantId, t.programmeId),
  ],
);

export const studySessionFiles = pgTable(
  'study_session_files',
  {
    tenantId: uuid('tenant_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    fileId: uuid('file_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sessionId, t.fileId] }),
    foreignKey({
      columns: [t.tenantId, t.sessionId],
      foreignColumns: [studySessions.tenantId, studySessions.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [files.tenantId, files.id] }),
  ],
);

/**
 * Attendance at a study session: a row once someone is recorded (present, on leave with reason,
 * absent); the expected without a row are pending. `starts_at` and `hours` are the session's, kept
 * here so the year's ledger is one index range per court (the session's time never changes).
 */
export const studyAttendance = pgTable(
  'study_attendance',
  {
    tenantId: uuid('tenant_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    personId: uuid('person_id').notNull(),
    state: text('state').$type<AttendanceState>().notNull(),
    reason: text('reason'),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }),
    signInMethod: text('sign_in_method').$type<'code' | 'manual'>(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    hours: doublePrecision('hours').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sessionId, t.personId] }),
    foreignKey({
      columns: [t.tenantId, t.sessionId],
      foreignColumns: [studySessions.tenantId, studySessions.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    // Also carries hours, state and session_id (INCLUDE, migration 0027): the year's ledger by index-only scan.
    index('study_attendance_year_idx').on(t.tenantId, t.startsAt, t.personId),
    index('study_attendance_person_idx').on(t.tenantId, t.personId, t.startsAt),
  ],
);

/** 学历教育和法律职业资格考试激励: a 法律本科 enrolment or a 法考 attempt, its result and the reward granted. */
export const educationIncentives = pgTable(
  'education_incentives',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').$type<IncentiveKind>().notNull(),
    year: integer('year').notNull(),
    institution: text('institution'),
    result: text('result').$type<IncentiveResult>().notNull(),
    reward: text('reward'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('education_incentives_year_idx').on(t.tenantId, t.year),
  ],
);
