/**
 * A person leaving the court (离职、调出) or dying (去世): the roster keeps them, marked with the day
 * and the reason, so past meetings and the audit log still name them; they drop out of everything
 * counted from today on (the roster, statistics, 应到, compliance, new meetings, new accounts), and
 * their account is disabled with the same reason — never deleted.
 */
import type { DisabledReason } from './api/users.ts';

export const LEAVING_REASONS = ['resigned', 'transferred_out', 'deceased'] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];
export const LEAVING_REASON_LABELS: Record<LeavingReason, string> = {
  resigned: '离职',
  transferred_out: '调出',
  deceased: '去世',
};

/** Who a roster list shows: those on the roster today (在册, the default) or those who left (已离开). */
export const ROSTER_STANDINGS = ['current', 'left'] as const;
export type RosterStanding = (typeof ROSTER_STANDINGS)[number];
export const ROSTER_STANDING_LABELS: Record<RosterStanding, string> = { current: '在册', left: '已离开' };

/** The account's disabled reason that goes with a leaving reason (the account page shows it). */
export function disabledReasonOfLeaving(reason: LeavingReason): DisabledReason {
  switch (reason) {
    case 'resigned':
      return 'left';
    case 'transferred_out':
      return 'transferred';
    case 'deceased':
      return 'deceased';
  }
}

export interface LeavingCheck {
  leftOn: string;
  /** The court's today (`courtToday()`). */
  today: string;
  birthDate: string | null;
  /** Already recorded as left (a second record is refused rather than overwriting the first). */
  alreadyLeftOn: string | null;
}

/**
 * Why this leaving cannot be recorded, or null. The day is the one it happened: not in the future
 * (it is recorded when it has happened, so "left" never means "will leave"), not before the person
 * was born.
 */
export function leavingProblem(c: LeavingCheck): { path: 'leftOn' | ''; message: string } | null {
  if (c.alreadyLeftOn !== null) return { path: '', message: `此人已于${c.alreadyLeftOn}离开，不能重复办理` };
  if (c.leftOn > c.today) return { path: 'leftOn', message: '离开日期不能晚于今天（请在离开当日或之后办理）' };
  if (c.birthDate !== null && c.leftOn < c.birthDate) return { path: 'leftOn', message: '离开日期不能早于出生日期' };
  return null;
}
