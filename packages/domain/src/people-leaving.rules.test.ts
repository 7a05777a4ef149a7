import { describe, expect, it } from 'vitest';
import { DISABLED_REASON_LABELS } from './api/users.ts';
import {
  disabledReasonOfLeaving,
  LEAVING_REASON_LABELS,
  LEAVING_REASONS,
  leavingProblem,
} from './people-leaving.rules.ts';

const base = { today: '2026-12-01', birthDate: '1980-05-10', alreadyLeftOn: null };

describe('recording that a person left', () => {
  it('accepts today, the boundary', () => {
    expect(leavingProblem({ ...base, leftOn: '2026-12-01' })).toBeNull();
  });
  it('refuses tomorrow: a leaving is recorded once it has happened', () => {
    expect(leavingProblem({ ...base, leftOn: '2026-12-02' })?.path).toBe('leftOn');
  });
  it('accepts the birth date itself and refuses the day before', () => {
    expect(leavingProblem({ ...base, leftOn: '1980-05-10' })).toBeNull();
    expect(leavingProblem({ ...base, leftOn: '1980-05-09' })?.message).toContain('出生日期');
  });
  it('accepts any past day when the birth date is unknown', () => {
    expect(leavingProblem({ ...base, birthDate: null, leftOn: '1950-01-01' })).toBeNull();
  });
  it('refuses a second leaving, naming the first day', () => {
    expect(leavingProblem({ ...base, alreadyLeftOn: '2026-11-30', leftOn: '2026-12-01' })?.message).toContain(
      '2026-11-30',
    );
  });
});

describe('the account follows the person', () => {
  it.each(LEAVING_REASONS)('%s disables the account with the same Chinese reason', (reason) => {
    expect(DISABLED_REASON_LABELS[disabledReasonOfLeaving(reason)]).toBe(LEAVING_REASON_LABELS[reason]);
  });
});
