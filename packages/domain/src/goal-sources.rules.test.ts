import { describe, expect, it } from 'vitest';
import {
  countAttendedMeetings,
  isCountedGoal,
  progressSourceIssue,
  type AttendedMeetingRow,
} from './goal-sources.rules.ts';

const row = (over: Partial<AttendedMeetingRow> = {}): AttendedMeetingRow => ({
  meetingId: 'm1',
  startsAt: new Date('2026-06-10T07:00:00Z'),
  status: 'closed',
  state: 'present',
  ...over,
});

describe('where a goal takes its progress from', () => {
  it('a typed report suits any goal', () => {
    expect(progressSourceIssue('report', { ownerKind: 'org_unit', indicatorKind: 'percentage' })).toBeNull();
    expect(isCountedGoal('report')).toBe(false);
  });

  it('the ledger and the attendance only for a member’s own goal counted as a number', () => {
    expect(progressSourceIssue('study_hours', { ownerKind: 'person', indicatorKind: 'count' })).toBeNull();
    expect(progressSourceIssue('meeting_attendance', { ownerKind: 'person', indicatorKind: 'count' })).toBeNull();
    expect(progressSourceIssue('study_hours', { ownerKind: 'org_unit', indicatorKind: 'count' })).toBe(
      '只有党员本人的目标可以从学时台账自动统计进度',
    );
    expect(progressSourceIssue('meeting_attendance', { ownerKind: 'department', indicatorKind: 'count' })).toBe(
      '只有党员本人的目标可以从会议出勤自动统计进度',
    );
    expect(progressSourceIssue('meeting_attendance', { ownerKind: 'person', indicatorKind: 'milestone' })).toBe(
      '从会议出勤自动统计的目标应为“数量”类指标',
    );
    expect(progressSourceIssue('study_hours', { ownerKind: 'person', indicatorKind: 'percentage' })).not.toBeNull();
    expect(isCountedGoal('study_hours') && isCountedGoal('meeting_attendance')).toBe(true);
  });
});

describe('参加组织生活的次数', () => {
  it('counts meetings the person was present at, each once', () => {
    expect(countAttendedMeetings([row(), row({ meetingId: 'm2' }), row()], 2026)).toBe(2);
    expect(countAttendedMeetings([], 2026)).toBe(0);
  });

  it('leave (even approved), absence and a pending entry are not attendance', () => {
    expect(
      countAttendedMeetings(
        [
          row({ state: 'leave' }),
          row({ meetingId: 'm2', state: 'absent' }),
          row({ meetingId: 'm3', state: 'pending' }),
        ],
        2026,
      ),
    ).toBe(0);
  });

  it('a cancelled meeting never counts; planned, notified, held and closed ones do once marked present', () => {
    expect(countAttendedMeetings([row({ status: 'cancelled' })], 2026)).toBe(0);
    const statuses = ['planned', 'notified', 'held', 'closed'] as const;
    expect(
      countAttendedMeetings(
        statuses.map((status, i) => row({ meetingId: `m${String(i)}`, status })),
        2026,
      ),
    ).toBe(4);
  });

  it('the year is the court’s (Asia/Shanghai): the evening of 31 December belongs to the old year', () => {
    // 2026-12-31 23:30 in Shanghai is 15:30 UTC; 2027-01-01 00:30 in Shanghai is still 2026 in UTC.
    const newYearsEve = row({ meetingId: 'eve', startsAt: new Date('2026-12-31T15:30:00Z') });
    const newYearsDay = row({ meetingId: 'day', startsAt: new Date('2026-12-31T16:30:00Z') });
    const firstMinute = row({ meetingId: 'first', startsAt: new Date('2025-12-31T16:00:00Z') });
    expect(countAttendedMeetings([newYearsEve, newYearsDay, firstMinute], 2026)).toBe(2);
    expect(countAttendedMeetings([newYearsEve, newYearsDay, firstMinute], 2027)).toBe(1);
    expect(countAttendedMeetings([firstMinute], 2025)).toBe(0);
  });
});
