/**
 * Where a goal's progress comes from (rules.md, policy limits: data already held is never asked for
 * again): accepted reports typed by the owner, the study-hours ledger (学时), or the meetings the
 * owner attended (参加组织生活的次数). The last two are counted by the system, never reported.
 */
import { courtYear } from './court-time.ts';
import type { GoalOwnerKind, IndicatorKind } from './goals.rules.ts';
import type { AttendanceState, MeetingStatus } from './meetings.rules.ts';

export const GOAL_PROGRESS_SOURCES = ['report', 'study_hours', 'meeting_attendance'] as const;
export type GoalProgressSource = (typeof GOAL_PROGRESS_SOURCES)[number];
export const GOAL_PROGRESS_SOURCE_LABELS: Record<GoalProgressSource, string> = {
  report: '进度报告（本人填报，上级审核）',
  study_hours: '学时台账（自动统计）',
  meeting_attendance: '会议出勤（自动统计参加组织生活次数）',
};
/** What a goal's page says of a goal counted by the system. */
export const GOAL_PROGRESS_SOURCE_NOTES: Record<Exclude<GoalProgressSource, 'report'>, string> = {
  study_hours: '进度来自学时台账',
  meeting_attendance: '进度来自会议出勤',
};
/** The unit a goal counted by the system is measured in. */
export const GOAL_PROGRESS_SOURCE_UNITS: Record<Exclude<GoalProgressSource, 'report'>, string> = {
  study_hours: '学时',
  meeting_attendance: '次',
};

/** Whether progress is counted by the system (and so never reported by the owner). */
export function isCountedGoal(source: GoalProgressSource): boolean {
  return source !== 'report';
}

/**
 * Why a goal cannot take its progress from `source`, or null when it can: the ledger and the
 * attendance are one person's, so only a member's own goal (党员层级) counted as a number may read them.
 */
export function progressSourceIssue(
  source: GoalProgressSource,
  goal: { ownerKind: GoalOwnerKind; indicatorKind: IndicatorKind },
): string | null {
  if (source === 'report') return null;
  const what = source === 'study_hours' ? '学时台账' : '会议出勤';
  if (goal.ownerKind !== 'person') return `只有党员本人的目标可以从${what}自动统计进度`;
  if (goal.indicatorKind !== 'count') return `从${what}自动统计的目标应为“数量”类指标`;
  return null;
}

/** One meeting on a person's list, as the attendance-fed goal reads it. */
export interface AttendedMeetingRow {
  meetingId: string;
  startsAt: Date;
  status: MeetingStatus;
  state: AttendanceState;
}

/**
 * 参加组织生活的次数 in a year: the meetings the person was present at (signed in by code or marked
 * present by the host), by the meeting's start on the court's calendar; a cancelled meeting never
 * counts, and leave (请假), even approved, is not attendance. Each meeting once.
 */
export function countAttendedMeetings(rows: readonly AttendedMeetingRow[], year: number, zone?: string): number {
  const counted = new Set<string>();
  for (const r of rows) {
    if (r.state !== 'present' || r.status === 'cancelled') continue;
    if (courtYear(r.startsAt, zone) !== year) continue;
    counted.add(r.meetingId);
  }
  return counted.size;
}
