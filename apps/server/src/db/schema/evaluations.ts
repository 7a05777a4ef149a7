import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  BallotPoint,
  EvaluationGrade,
  EvaluationPoint,
  FollowUpMeasure,
  RoundStep,
  VoterPool,
} from '@qizhi/domain';
import { files } from './files.ts';
import { meetings, meetingVotes } from './meetings.ts';
import { orgUnits } from './org.ts';
import { people } from './people.ts';
import { tenants } from './tenants.ts';

/** 民主评议党员: one round per branch, year covered and voter pool (migration 0016). */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    orgUnitId: uuid('org_unit_id').notNull(),
    coveredYear: integer('covered_year').notNull(),
    pool: text('pool').$type<VoterPool>().notNull(),
    points: text('points').array().$type<EvaluationPoint[]>().notNull(),
    step: text('step').$type<RoundStep>().notNull().default('study'),
    meetingId: uuid('meeting_id'),
    voteId: uuid('vote_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'evaluation_rounds_org_unit_fk',
      columns: [t.tenantId, t.orgUnitId],
      foreignColumns: [orgUnits.tenantId, orgUnits.id],
    }),
    foreignKey({
      name: 'evaluation_rounds_meeting_fk',
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [meetings.tenantId, meetings.id],
    }),
    foreignKey({
      name: 'evaluation_rounds_vote_fk',
      columns: [t.tenantId, t.voteId],
      foreignColumns: [meetingVotes.tenantId, meetingVotes.id],
    }),
    uniqueIndex('evaluation_rounds_branch_year_pool_idx').on(t.tenantId, t.orgUnitId, t.coveredYear, t.pool),
  ],
);

/** The members evaluated in a round, with their self-evaluation, proposed and decided grades. */
export const evaluationSubjects = pgTable(
  'evaluation_subjects',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    personId: uuid('person_id').notNull(),
    selfGrade: text('self_grade').$type<EvaluationGrade>(),
    selfText: text('self_text'),
    proposedGrade: text('proposed_grade').$type<EvaluationGrade>(),
    finalGrade: text('final_grade').$type<EvaluationGrade>(),
    followUpMeasure: text('follow_up_measure').$type<FollowUpMeasure>(),
    followUpDueOn: date('follow_up_due_on'),
    followUpNotes: text('follow_up_notes'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'evaluation_subjects_round_fk',
      columns: [t.tenantId, t.roundId],
      foreignColumns: [evaluationRounds.tenantId, evaluationRounds.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'evaluation_subjects_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [people.tenantId, people.id],
    }),
    uniqueIndex('evaluation_subjects_round_person_idx').on(t.tenantId, t.roundId, t.personId),
  ],
);

/** The voter pool, fixed when the round opens its ballots. */
export const evaluationElectors = pgTable(
  'evaluation_electors',
  {
    tenantId: uuid('tenant_id').notNull(),
    roundId: uuid('round_id').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'evaluation_electors_pk', columns: [t.tenantId, t.roundId, t.personId] }),
    foreignKey({
      name: 'evaluation_electors_round_fk',
      columns: [t.tenantId, t.roundId],
      foreignColumns: [evaluationRounds.tenantId, evaluationRounds.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'evaluation_electors_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [people.tenantId, people.id],
    }),
  ],
);

/** Who has voted — and nothing else: its primary key refuses a second ballot by the same person. */
export const evaluationVoters = pgTable(
  'evaluation_voters',
  {
    tenantId: uuid('tenant_id').notNull(),
    roundId: uuid('round_id').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'evaluation_voters_pk', columns: [t.tenantId, t.roundId, t.personId] }),
    foreignKey({
      name: 'evaluation_voters_elector_fk',
      columns: [t.tenantId, t.roundId, t.personId],
      foreignColumns: [evaluationElectors.tenantId, evaluationElectors.roundId, evaluationElectors.personId],
    }).onDelete('cascade'),
  ],
);

/** A ballot: a random id and its round. No person, account, session, address, time or sequence. */
export const evaluationBallots = pgTable(
  'evaluation_ballots',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'evaluation_ballots_round_fk',
      columns: [t.tenantId, t.roundId],
      foreignColumns: [evaluationRounds.tenantId, evaluationRounds.id],
    }).onDelete('cascade'),
    index('evaluation_ballots_round_idx').on(t.tenantId, t.roundId),
  ],
);

/** The grades on a ballot: one row per evaluated member and point. */
export const evaluationBallotMarks = pgTable(
  'evaluation_ballot_marks',
  {
    tenantId: uuid('tenant_id').notNull(),
    ballotId: uuid('ballot_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    point: text('point').$type<BallotPoint>().notNull(),
    grade: text('grade').$type<EvaluationGrade>().notNull(),
  },
  (t) => [
    primaryKey({ name: 'evaluation_ballot_marks_pk', columns: [t.tenantId, t.ballotId, t.subjectId, t.point] }),
    foreignKey({
      name: 'evaluation_ballot_marks_ballot_fk',
      columns: [t.tenantId, t.ballotId],
      foreignColumns: [evaluationBallots.tenantId, evaluationBallots.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'evaluation_ballot_marks_subject_fk',
      columns: [t.tenantId, t.subjectId],
      foreignColumns: [evaluationSubjects.tenantId, evaluationSubjects.id],
    }).onDelete('cascade'),
    index('evaluation_ballot_marks_subject_idx').on(t.tenantId, t.subjectId),
  ],
);

/** 述职述廉: a person's report for a year, read at a meeting. */
export const dutyReports = pgTable(
  'duty_reports',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    year: integer('year').notNull(),
    content: text('content').notNull(),
    fileId: uuid('file_id'),
    meetingId: uuid('meeting_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'duty_reports_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [people.tenantId, people.id],
    }),
    foreignKey({
      name: 'duty_reports_file_fk',
      columns: [t.tenantId, t.fileId],
      foreignColumns: [files.tenantId, files.id],
    }),
    foreignKey({
      name: 'duty_reports_meeting_fk',
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [meetings.tenantId, meetings.id],
    }),
    uniqueIndex('duty_reports_person_year_idx').on(t.tenantId, t.personId, t.year),
  ],
);
