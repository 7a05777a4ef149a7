import { describe, expect, it } from 'vitest';
import { addYears, collectSubtreeIds, computeOrgNotices } from './org.rules.ts';
import { violatesSeparationOfDuties } from './permissions.ts';

const base = { kind: 'branch' as const, fullMemberCount: 40, termStartedOn: null, termYears: 3, today: '2026-11-28' };

describe('branch notices', () => {
  it('notices a branch above 50 members, not at 50', () => {
    expect(computeOrgNotices({ ...base, memberCount: 50 })).toEqual([]);
    const notices = computeOrgNotices({ ...base, memberCount: 54 });
    expect(notices.map((n) => n.kind)).toEqual(['branchOverSize']);
    expect(notices[0]!.message).toContain('54');
  });
  it('notices a branch with fewer than 3 full members', () => {
    expect(computeOrgNotices({ ...base, memberCount: 2, fullMemberCount: 2 }).map((n) => n.kind)).toEqual([
      'branchUnderSize',
    ]);
  });
  it('tells when re-election is due (90 days ahead) and overdue, after a 3-year term', () => {
    const due = (termStartedOn: string) =>
      computeOrgNotices({ ...base, memberCount: 20, termStartedOn }).map((n) => n.kind);
    expect(due('2024-03-15')).toEqual([]);
    expect(due('2024-02-26')).toEqual(['reelectionDue']);
    expect(due('2023-11-28')).toEqual(['reelectionDue']);
    expect(due('2023-11-27')).toEqual(['reelectionOverdue']);
  });
  it('uses the organisation’s own term, and gives none where there is no term (党组)', () => {
    const notice = (termYears: number | null, kind: 'general_branch' | 'party_group' = 'general_branch') =>
      computeOrgNotices({ ...base, kind, memberCount: 20, termStartedOn: '2021-12-20', termYears }).map((n) => n.kind);
    expect(notice(3)).toEqual(['reelectionOverdue']);
    expect(notice(5)).toEqual(['reelectionDue']);
    expect(notice(null, 'party_group')).toEqual([]);
  });
  it('checks a branch committee against its full members (6 and 7)', () => {
    const kinds = (fullMemberCount: number, committeeSize: number) =>
      computeOrgNotices({ ...base, memberCount: 10, fullMemberCount, committeeSize }).map((n) => n.kind);
    expect(kinds(6, 2)).toEqual([]);
    expect(kinds(6, 3)).toEqual(['committeeSize']);
    expect(kinds(7, 3)).toEqual([]);
    expect(kinds(7, 1)).toEqual(['committeeSize']);
    expect(kinds(7, 8)).toEqual(['committeeSize']);
  });
  it('adds years, taking 29 February to 28 February', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-03-15', -30)).toBe('1994-03-15');
  });
});

describe('organisation subtrees', () => {
  it('collects a unit and everything below it, and survives a cycle', () => {
    const units = [
      { id: 'g', parentId: null },
      { id: 'b', parentId: 'g' },
      { id: 'c1', parentId: 'b' },
      { id: 'c2', parentId: 'b' },
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ];
    expect(collectSubtreeIds(units, 'b').sort()).toEqual(['b', 'c1', 'c2']);
    expect(collectSubtreeIds(units, 'x').sort()).toEqual(['x', 'y']);
  });
});

describe('三员分立', () => {
  it('allows one administrator role per person', () => {
    expect(violatesSeparationOfDuties(['sysadmin'])).toBe(false);
    expect(violatesSeparationOfDuties(['sysadmin', 'member'])).toBe(true);
    expect(violatesSeparationOfDuties(['clerk', 'member'])).toBe(false);
    expect(violatesSeparationOfDuties(['sysadmin', 'auditor'])).toBe(true);
    expect(violatesSeparationOfDuties(['secadmin', 'auditor'])).toBe(true);
  });
});
