import { sql } from 'drizzle-orm';
import {
  boolean,
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
  AttendanceState,
  DisclosureKind,
  MeetingFrequency,
  MeetingStatus,
  MeetingType,
  ResolutionKind,
  WrittenOpinionInput,
} from '@qizhi/domain';
import { users } from './auth.ts';
import { files } from './files.ts';
import { orgUnits } from './org.ts';
import { people } from './people.ts';
import { tenants } from './tenants.ts';

/** 三会一课 and other meetings of organisational life. */
export const meetings = pgTable(
  'meetings',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    orgUnitId: uuid('org_unit_id').notNull(),
    type: text('type').$type<MeetingType>().notNull(),
    topic: text('topic').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    place: text('place').notNull(),
    hostPersonId: uuid('host_person_id'),
    recorderPersonId: uuid('recorder_person_id'),
    agenda: text('agenda'),
    status: text('status').$type<MeetingStatus>().notNull().default('planned'),
    /** Sanitized HTML (a small tag whitelist, no attributes). */
    minutes: text('minutes'),
    minutesRecordedAt: timestamp('minutes_recorded_at', { withTimezone: true }),
    resolutions: jsonb('resolutions').$type<string[]>().notNull().default([]),
    /** Key of the rotating sign-in code; never leaves the server. */
    signInSecret: text('sign_in_secret').notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    revision: integer('revision').notNull().default(0),
    /** The year an annual meeting (组织生活会, 民主生活会) covers (年度); null for other types. */
    coveredYear: integer('covered_year'),
    /** 民主生活会: the day its date and topic were reported to the level above (10–15 days ahead). */
    reportedOn: date('reported_on'),
    /**
     * 应到 and 实到 as recorded when the meeting was closed; a closed meeting keeps them even when
     * today's rule would count differently (the page says so, read-only).
     */
    recordedExpected: integer('recorded_expected'),
    recordedAttended: integer('recorded_attended'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.hostPersonId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.recorderPersonId], foreignColumns: [people.tenantId, people.id] }),
    // The compliance board and every list filter by organisation and time.
    index('meetings_org_starts_idx').on(t.tenantId, t.orgUnitId, t.startsAt),
    index('meetings_starts_idx').on(t.tenantId, t.startsAt),
    // Annual items on the compliance board are counted by the year they cover.
    index('meetings_covered_year_idx')
      .on(t.tenantId, t.coveredYear, t.type)
      .where(sql`${t.coveredYear} is not null`),
  ],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    tenantId: uuid('tenant_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    personId: uuid('person_id').notNull(),
    state: text('state').$type<AttendanceState>().notNull().default('pending'),
    reason: text('reason'),
    exempt: boolean('exempt').notNull().default(false),
    leaveApproved: boolean('leave_approved').notNull().default(false),
    /** Legacy (before issue 9): full member at planning time. Counts now come from entitlementOf. */
    voting: boolean('voting').notNull().default(false),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }),
    signInMethod: text('sign_in_method').$type<'code' | 'manual'>(),
    noticeReadAt: timestamp('notice_read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('meeting_attendees_person_idx').on(t.tenantId, t.personId),
  ],
);

export const meetingVotes = pgTable(
  'meeting_votes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    kind: text('kind').$type<ResolutionKind>().notNull(),
    subject: text('subject').notNull(),
    entitled: integer('entitled').notNull(),
    present: integer('present').notNull(),
    yes: integer('yes').notNull(),
    no: integer('no').notNull(),
    abstain: integer('abstain').notNull(),
    quorumReached: boolean('quorum_reached').notNull(),
    yesNeeded: integer('yes_needed').notNull(),
    adopted: boolean('adopted').notNull(),
    /** Written opinions counted in the vote (admission, confirmation). */
    written: jsonb('written').$type<WrittenOpinionInput[]>().notNull().default([]),
    /** What the yes votes were judged against (`divisorOf`); null: recorded under the earlier rule. */
    divisor: text('divisor').$type<'expected' | 'committee' | 'present'>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
    index('meeting_votes_meeting_idx').on(t.tenantId, t.meetingId),
  ],
);

export const meetingTasks = pgTable(
  'meeting_tasks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    title: text('title').notNull(),
    ownerPersonId: uuid('owner_person_id').notNull(),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.ownerPersonId], foreignColumns: [people.tenantId, people.id] }),
    index('meeting_tasks_meeting_idx').on(t.tenantId, t.meetingId),
    index('meeting_tasks_owner_idx').on(t.tenantId, t.ownerPersonId),
  ],
);

export const meetingFiles = pgTable(
  'meeting_files',
  {
    tenantId: uuid('tenant_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    fileId: uuid('file_id').notNull(),
    kind: text('kind').$type<'photo' | 'file'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.fileId] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [files.tenantId, files.id] }),
  ],
);

export interface MeetingSnapshot {
  topic: string;
  place: string;
  agenda: string | null;
  minutes: string | null;
  resolutions: string[];
  /** A vote correction: the vote as it stood before. */
  vote?: { voteId: string; subject: string; yes: number; no: number; abstain: number; adopted: boolean };
}

/** Corrections after closing: the version before each correction, kept whole. */
export const meetingRevisions = pgTable(
  'meeting_revisions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    revision: integer('revision').notNull(),
    reason: text('reason').notNull(),
    previous: jsonb('previous').$type<MeetingSnapshot>().notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    uniqueIndex('meeting_revisions_meeting_idx').on(t.tenantId, t.meetingId, t.revision),
  ],
);

/** A court's own frequency for one organisation and type, replacing the default of rules.md. */
export const meetingFrequencySettings = pgTable(
  'meeting_frequency_settings',
  {
    tenantId: uuid('tenant_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    type: text('type').$type<MeetingType>().notNull(),
    frequency: text('frequency').$type<MeetingFrequency>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orgUnitId, t.type] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Members excused from the expected count (old and infirm, long away on approved work), with the reason. */
export const meetingExemptions = pgTable(
  'meeting_exemptions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    reason: text('reason').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('meeting_exemptions_person_idx').on(t.tenantId, t.personId),
  ],
);

export interface DeliberationStepRow {
  label: string;
  meetingId: string | null;
  heldOn: string | null;
  outcome: string | null;
}
export interface DisclosureRow {
  kind: DisclosureKind;
  disclosedOn: string;
  place: string;
  content: string;
}

/** 四议两公开 matters; the four steps and two disclosures are small, ordered and always read together. */
export const deliberationMatters = pgTable(
  'deliberation_matters',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orgUnitId: uuid('org_unit_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    steps: jsonb('steps').$type<DeliberationStepRow[]>().notNull(),
    disclosures: jsonb('disclosures').$type<DisclosureRow[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('deliberation_matters_org_idx').on(t.tenantId, t.orgUnitId),
  ],
);

/** A person's secret iCalendar address: only the SHA-256 of the token is kept; deleting the row revokes it. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash),
  ],
);
