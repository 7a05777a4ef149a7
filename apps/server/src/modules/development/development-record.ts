/** A person's development record as the page and the board read it, from the rows. */
import {
  addYearsClamped,
  nextStepOf,
  probationEndsOn,
  stageOfStep,
  stepDef,
  type DevelopmentRecord,
  type DevelopmentStage,
  type DevelopmentState,
} from '@qizhi/domain';
import type { MembershipVote } from '../meetings/index.ts';
import type * as repo from './development.repo.ts';

export interface PersonRows {
  steps: readonly repo.StepRow[];
  assessments: readonly repo.AssessmentRow[];
  extension: repo.ExtensionRow | undefined;
}

export function stateOf(person: { birthDate: string | null }, rows: PersonRows): DevelopmentState {
  return {
    birthDate: person.birthDate,
    steps: new Map(rows.steps.map((s) => [s.step, s.doneOn])),
    assessments: rows.assessments.map((a) => a.doneOn),
    extensionMonths: rows.extension?.months ?? null,
  };
}

const STAGE_OF_STATUS: Partial<Record<string, DevelopmentStage>> = {
  applicant: 'application',
  activist: 'activist',
  candidate: 'candidate',
  probationary: 'conversion',
};

/** The stage a person is in: of the next step to do, or (no steps recorded) of their roster status. */
export function stageNow(status: string, state: DevelopmentState): DevelopmentStage | null {
  const next = nextStepOf(state).step;
  if (state.steps.size === 0) return STAGE_OF_STATUS[status] ?? null;
  return next === null ? null : stageOfStep(next);
}

/** Probation's end: from the recorded vote, or (recorded before the platform) a year from joining. */
export function probationEnd(
  person: { status: string; joinedOn?: string | null },
  state: DevelopmentState,
): string | null {
  const fromSteps = probationEndsOn(state);
  if (fromSteps) return state.steps.has(24) ? null : fromSteps;
  return person.status === 'probationary' && person.joinedOn ? addYearsClamped(person.joinedOn, 1) : null;
}

export function nextOf(state: DevelopmentState, fallbackProbationEnd: string | null) {
  const next = nextStepOf(state);
  if (state.steps.size === 0 && fallbackProbationEnd)
    return {
      step: 22,
      label: stepDef(22).label,
      earliest: fallbackProbationEnd,
      deadline: null,
      nextAssessment: null,
    };
  return { ...next, label: next.step === null ? null : stepDef(next.step).label };
}

export function toRecord(
  person: {
    id: string;
    name: string;
    status: DevelopmentRecord['status'];
    birthDate: string | null;
    joinedOn?: string | null;
  },
  orgUnitName: string | null,
  rows: PersonRows,
  lookups: {
    files: Map<string, { id: string; name: string; mime: string; size: number }>;
    people: Map<string, string>;
    votes: Map<string, MembershipVote>;
  },
): DevelopmentRecord {
  const state = stateOf(person, rows);
  const end = probationEnd(person, state);
  return {
    personId: person.id,
    name: person.name,
    status: person.status,
    orgUnitName,
    stage: stageNow(person.status, state),
    steps: rows.steps.map((s) => {
      const def = stepDef(s.step);
      const vote = s.voteId ? lookups.votes.get(s.voteId) : undefined;
      return {
        step: s.step,
        label: def.label,
        stage: def.stage,
        on: s.doneOn,
        date: s.doneOn,
        who: s.who,
        recordedBy: s.recordedByName,
        notes: s.notes,
        late: s.late,
        warning: s.warning,
        files: s.fileIds.flatMap((id) => {
          const f = lookups.files.get(id);
          return f ? [f] : [];
        }),
        people: s.personIds.map((id) => ({ id, name: lookups.people.get(id) ?? '' })),
        vote: vote
          ? { id: vote.id, meetingId: vote.meetingId, subject: vote.subject, yes: vote.yes, entitled: vote.entitled }
          : null,
        details: s.details,
      };
    }),
    assessments: rows.assessments.map((a) => ({ id: a.id, on: a.doneOn, result: a.result, who: a.who })),
    extension: rows.extension
      ? { months: rows.extension.months, on: rows.extension.doneOn, reason: rows.extension.reason }
      : null,
    probationEndsOn: end,
    next: nextOf(state, end),
  };
}
