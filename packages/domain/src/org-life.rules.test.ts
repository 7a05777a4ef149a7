import { describe, expect, it } from 'vitest';
import type { OrgKind } from './org.rules.ts';
import {
  attendanceStateFor,
  checkCommitteeSize,
  checkRecordTime,
  committeeExists,
  committeeRuleOf,
  coveredYearDefault,
  coveredYearProblem,
  recordOpensAt,
  termSettingProblem,
  termYearsOf,
  type AnnualItem,
} from './org-life.rules.ts';

describe('committees', () => {
  it.each<[number, boolean]>([
    [3, false],
    [6, false],
    [7, true],
    [50, true],
  ])('a branch of %i full members has a committee: %s', (fullMembers, hasCommittee) => {
    const rule = committeeRuleOf(fullMembers);
    expect(rule.hasCommittee).toBe(hasCommittee);
    expect(rule.monthlyCommitteeMeeting).toBe(hasCommittee);
  });

  it('says what a branch of 6 and of 7 needs', () => {
    expect(committeeRuleOf(6).description).toBe(
      '正式党员6名（不足7名），不设支部委员会，设书记1名，必要时设副书记1名，不要求每月召开支委会',
    );
    expect(committeeRuleOf(7)).toMatchObject({ minSize: 3, usualMaxSize: 5, maxSize: 7 });
  });

  it.each<[number, number, string[]]>([
    [7, 2, ['正式党员7名的党支部应设立支部委员会，委员不少于3名，现有2名']],
    [7, 3, []],
    [7, 5, []],
    [7, 7, []],
    [7, 8, ['支部委员会委员一般为3至5名，最多不超过7名，现有8名']],
    [6, 0, ['党支部应设书记1名']],
    [6, 1, []],
    [6, 2, []],
    [6, 3, ['正式党员不足7名的党支部不设支部委员会，只设书记1名，必要时设副书记1名，现有3名']],
  ])('%i full members, committee of %i', (fullMembers, size, problems) => {
    expect(checkCommitteeSize(fullMembers, size)).toEqual(problems);
  });
});

describe('a committee for the board', () => {
  it.each<[number, number, boolean]>([
    [6, 2, false],
    [6, 0, false],
    [7, 5, true],
    [7, 0, false],
  ])('%i full members, %i on the committee: has one %s', (full, size, exists) => {
    expect(committeeExists(full, size)).toBe(exists);
  });
});

describe('terms', () => {
  it.each<[OrgKind, number | null, number | null]>([
    ['branch', null, 3],
    ['branch', 5, 3],
    ['general_branch', null, 3],
    ['general_branch', 5, 5],
    ['general_branch', 3, 3],
    ['general_branch', 2, 3],
    ['general_branch', 6, 3],
    ['party_committee', null, 5],
    ['party_committee', 3, 3],
    ['party_committee', 4, 4],
    ['party_committee', 2, 5],
    ['party_group', null, null],
    ['party_group', 5, null],
    ['cell', null, null],
  ])('%s with setting %s: %s years', (kind, setting, years) => {
    expect(termYearsOf(kind, setting)).toBe(years);
  });

  it('refuses a setting outside 3 to 5 years or for a kind without one', () => {
    expect(termSettingProblem('general_branch', 4)).toBeNull();
    expect(termSettingProblem('party_committee', 3)).toBeNull();
    expect(termSettingProblem('party_committee', 5)).toBeNull();
    expect(termSettingProblem('party_committee', 2)).toBe('任期应为3至5年');
    expect(termSettingProblem('party_committee', 6)).toBe('任期应为3至5年');
    expect(termSettingProblem('party_group', 3)).toBe('只有党总支和机关党委的任期可以设置');
    expect(termSettingProblem('party_committee', 3.5)).toBe('任期应为3至5年');
    expect(termSettingProblem('branch', 4)).toBe('只有党总支和机关党委的任期可以设置');
  });
});

describe('the year an annual item covers', () => {
  it.each<[AnnualItem, string, number]>([
    ['org_life', '2026-01-15T02:00:00Z', 2025],
    ['org_life', '2026-02-27T02:00:00Z', 2025],
    ['org_life', '2026-03-02T02:00:00Z', 2026],
    ['democratic_life', '2026-02-28T15:59:00Z', 2025], // 23:59 on 28 February at the court
    ['democratic_life', '2026-02-28T16:00:00Z', 2026], // 00:00 on 1 March at the court
    ['democratic_evaluation', '2025-12-31T16:30:00Z', 2025], // 1 January 2026 at the court
    ['democratic_evaluation', '2025-12-20T02:00:00Z', 2025],
    ['org_life', '2026-11-20T02:00:00Z', 2026],
    ['branch_general', '2026-01-15T02:00:00Z', 2026],
    ['talk', '2026-02-10T02:00:00Z', 2026],
  ])('%s held at %s covers %i', (item, startsAt, year) => {
    expect(coveredYearDefault(item, new Date(startsAt))).toBe(year);
  });
});

describe('the covered year a plan may record', () => {
  const january = new Date('2026-01-15T02:00:00Z');
  it.each<[string, Date, number | null, string | null]>([
    ['org_life', january, 2025, null],
    ['org_life', january, 2026, null],
    ['org_life', january, 2024, '所属年度应为召开当年（2026年）或上一年（2025年）'],
    ['democratic_life', new Date('2026-12-18T01:00:00Z'), 2027, '所属年度应为召开当年（2026年）或上一年（2025年）'],
    ['org_life', january, null, null],
    ['branch_general', january, 2026, '只有组织生活会、民主生活会等年度会议需要填写所属年度'],
  ])('%s at %s covering %s', (type, startsAt, year, problem) => {
    expect(coveredYearProblem(type as 'org_life', startsAt, year)).toBe(problem);
  });
});

describe('leave', () => {
  it.each<[boolean, boolean, boolean, string]>([
    [false, false, true, 'present'],
    [true, false, true, 'present'],
    [true, true, true, 'present'],
    [true, true, false, 'leave'],
    [true, false, false, 'absent'],
    [false, false, false, 'absent'],
    [false, true, false, 'absent'],
  ])('requested %s, approved %s, attended %s: %s', (requested, approved, attended, state) => {
    expect(attendanceStateFor(requested, approved, attended)).toBe(state);
  });
});

describe('record time', () => {
  const start = new Date('2026-05-20T07:00:00Z');
  it('opens at the start', () => {
    expect(recordOpensAt(start)).toEqual(start);
    expect(checkRecordTime(start, new Date('2026-05-20T06:59:59Z'))).toBe(
      '会议尚未开始，出席情况、会议记录和表决结果须于 2026-05-20 15:00 起登记',
    );
    expect(checkRecordTime(start, new Date('2026-05-13T07:00:00Z'))).not.toBeNull();
    expect(checkRecordTime(start, start)).toBeNull();
    expect(checkRecordTime(start, new Date('2026-05-20T09:00:00Z'))).toBeNull();
  });
});
