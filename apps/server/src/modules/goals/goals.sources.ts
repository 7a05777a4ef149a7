/**
 * Goals whose progress the system counts (rules.md, policy limits: what is held is never asked for
 * again): 学时 from the study ledger (study module), 参加组织生活的次数 from the meetings a member
 * attended. Each is refreshed in the transaction that changed what it counts.
 */
import { countAttendedMeetings, courtInstant, courtYear, type GoalProgressSource } from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import { syncStudyHourGoals } from '../study/index.ts';
import * as repo from './goals.sources.repo.ts';

function yearRange(year: number) {
  return { from: courtInstant(`${String(year)}-01-01`), to: courtInstant(`${String(year + 1)}-01-01`) };
}

/**
 * After a meeting's attendance or status changed: the year's attendance-fed goals of the people
 * (all the year's when omitted) take the number of meetings each attended.
 */
export async function syncMeetingAttendanceGoals(db: Db, tenantId: string, startsAt: Date, personIds?: string[]) {
  const year = courtYear(startsAt);
  const targets = await repo.findCountedGoals(db, tenantId, year, 'meeting_attendance', personIds);
  if (targets.length === 0) return;
  const owners = [...new Set(targets.map((g) => g.ownerPersonId).filter((id): id is string => id !== null))];
  const { from, to } = yearRange(year);
  const rows = await repo.findAttendedMeetings(db, tenantId, owners, from, to);
  const byPerson = new Map<string, typeof rows>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  const idsByCount = new Map<number, string[]>();
  for (const g of targets) {
    const n = countAttendedMeetings(byPerson.get(g.ownerPersonId ?? '') ?? [], year);
    idsByCount.set(n, [...(idsByCount.get(n) ?? []), g.id]);
  }
  for (const [n, ids] of idsByCount) await repo.setCountedValue(db, tenantId, ids, n);
}

/** The year's goals of these people counted from `source`, filled from what it holds now. */
export async function fillCountedGoals(
  db: Db,
  tenantId: string,
  year: number,
  personIds: string[],
  source: Exclude<GoalProgressSource, 'report'>,
) {
  const at = yearRange(year).from;
  if (source === 'study_hours') await syncStudyHourGoals(db, tenantId, at, personIds);
  else await syncMeetingAttendanceGoals(db, tenantId, at, personIds);
}

/** A goal just given (or moved to) a source: its value now, from what that source holds. */
export async function fillCountedGoal(
  db: Db,
  tenantId: string,
  goal: { id: string; year: number; ownerPersonId: string | null },
  source: GoalProgressSource,
) {
  // Back to typed reports: nothing counted stands as if a report had been accepted.
  if (source === 'report') await repo.setCountedValue(db, tenantId, [goal.id], null);
  else await fillCountedGoals(db, tenantId, goal.year, goal.ownerPersonId ? [goal.ownerPersonId] : [], source);
}

/**
 * Members' goals of a year with this title read their progress from meeting attendance and are
 * filled now (the demo's “按时参加组织生活”: 全年参加组织生活不少于12次).
 */
export async function linkMeetingAttendanceGoals(db: Db, tenantId: string, year: number, title: string) {
  await repo.markCountedGoals(db, tenantId, year, title, 'meeting_attendance');
  await syncMeetingAttendanceGoals(db, tenantId, yearRange(year).from);
}
