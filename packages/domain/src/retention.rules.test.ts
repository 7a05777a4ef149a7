import { describe, expect, it } from 'vitest';
import {
  RETENTION_KINDS,
  RETENTION_RULES,
  effectiveRetentionPeriods,
  retentionCutoff,
  retentionCutoffDay,
  retentionPeriodIssue,
} from './retention.rules.ts';

const at = (iso: string) => new Date(iso);
/** Whether a row stamped `row` survives a purge at `now` (kept when at or after the cutoff). */
const kept = (row: Date, cutoff: Date) => row.getTime() >= cutoff.getTime();

describe('retentionCutoff: the line is the same wall-clock time, the period earlier, at the court', () => {
  it('a row exactly at the cutoff is kept; a millisecond older goes', () => {
    const now = at('2026-12-01T10:00:00.000Z'); // 18:00 in Shanghai
    const cutoff = retentionCutoff(now, 30, 'day');
    expect(cutoff.toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect(kept(cutoff, cutoff)).toBe(true);
    expect(kept(new Date(cutoff.getTime() - 1), cutoff)).toBe(false);
    expect(kept(now, cutoff)).toBe(true);
  });

  it('counts months on the calendar: from a month end back to a shorter month clamps to its last day', () => {
    // 31 March 2026 09:00 Shanghai, one month back → 28 February 2026 09:00 (no 31st, no 29th).
    expect(retentionCutoff(at('2026-03-31T01:00:00Z'), 1, 'month').toISOString()).toBe('2026-02-28T01:00:00.000Z');
    // 31 May back one month → 30 April.
    expect(retentionCutoff(at('2026-05-31T01:00:00Z'), 1, 'month').toISOString()).toBe('2026-04-30T01:00:00.000Z');
  });

  it('leap days: 31 March 2028 back a month is 29 February; 29 February 2028 back a year is 28 February 2027', () => {
    expect(retentionCutoff(at('2028-03-31T01:00:00Z'), 1, 'month').toISOString()).toBe('2028-02-29T01:00:00.000Z');
    expect(retentionCutoff(at('2028-02-29T01:00:00Z'), 12, 'month').toISOString()).toBe('2027-02-28T01:00:00.000Z');
    // Four years back from a leap day is a leap day again.
    expect(retentionCutoff(at('2028-02-29T01:00:00Z'), 48, 'month').toISOString()).toBe('2024-02-29T01:00:00.000Z');
    // Days cross the leap day one by one.
    expect(retentionCutoff(at('2028-03-01T01:00:00Z'), 1, 'day').toISOString()).toBe('2028-02-29T01:00:00.000Z');
  });

  it('works on the court’s calendar, not UTC’s: just after Shanghai midnight the month is already the new one', () => {
    // 2026-03-31T16:30Z is 1 April 00:30 in Shanghai: one month back is 1 March 00:30 Shanghai.
    expect(retentionCutoff(at('2026-03-31T16:30:00Z'), 1, 'month').toISOString()).toBe('2026-02-28T16:30:00.000Z');
    // 30 April 16:30Z is 1 May 00:30 in Shanghai: a month back is 1 April 00:30 there (UTC's calendar
    // would have said 30 March).
    expect(retentionCutoff(at('2026-04-30T16:30:00Z'), 1, 'month').toISOString()).toBe('2026-03-31T16:30:00.000Z');
  });

  it('by calendar day: the cutoff day is kept, the day before goes', () => {
    expect(retentionCutoffDay(at('2026-12-01T10:00:00Z'), 36, 'month')).toBe('2023-12-01');
    expect(retentionCutoffDay(at('2028-02-29T10:00:00Z'), 12, 'month')).toBe('2027-02-28');
    // Late evening UTC is the next morning at the court.
    expect(retentionCutoffDay(at('2026-11-30T17:00:00Z'), 12, 'month')).toBe('2025-12-01');
  });
});

describe('periods: defaults, minimums', () => {
  it('every kind has a Chinese label, and its default lies between its minimum and maximum', () => {
    for (const kind of RETENTION_KINDS) {
      const rule = RETENTION_RULES[kind];
      expect(rule.label).toMatch(/\p{Script=Han}/u);
      expect(rule.minimum).toBeGreaterThanOrEqual(1);
      expect(rule.defaultPeriod).toBeGreaterThanOrEqual(rule.minimum);
      expect(rule.defaultPeriod).toBeLessThanOrEqual(rule.maximum);
    }
  });

  it('a court keeps the defaults until it sets a period', () => {
    expect(effectiveRetentionPeriods(undefined)).toEqual({
      receptionVisits: 36,
      inquiries: 36,
      notifications: 180,
      sessions: 30,
      twoFactorChallenges: 1,
    });
    expect(effectiveRetentionPeriods({ sessions: 90 }).sessions).toBe(90);
  });

  it('refuses a period below the minimum or above the maximum, in Chinese', () => {
    expect(retentionPeriodIssue('receptionVisits', 12)).toBeNull();
    expect(retentionPeriodIssue('receptionVisits', 11)).toBe('领导接访来访登记的保存期限不得少于12个月');
    expect(retentionPeriodIssue('sessions', 6)).toBe('已结束的登录会话的保存期限不得少于7天');
    expect(retentionPeriodIssue('notifications', 3651)).toBe('已发送或已放弃的推送消息的保存期限不得超过3650天');
    expect(retentionPeriodIssue('inquiries', 12.5)).toMatch(/整数/);
  });
});
