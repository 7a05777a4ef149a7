import { describe, expect, it } from 'vitest';
import {
  ageAtYearEnd,
  annualAgeBandOf,
  annualTables,
  figuresOf,
  standingOn,
  tallyFigures,
  type AnnualStatsRecord,
} from './annual-stats.rules.ts';

const base: AnnualStatsRecord = {
  id: 'p',
  gender: 'male',
  ethnicity: '汉族',
  birthDate: '1990-06-15',
  education: 'bachelor',
  status: 'full',
  joinedOn: '2015-07-01',
  confirmedOn: '2016-07-01',
  workPost: 'civil_servant',
  retired: false,
  partyStanding: null,
  transferredInOn: null,
  leftOn: null,
  leftReason: null,
};
const person = (over: Partial<AnnualStatsRecord>): AnnualStatsRecord => ({ ...base, ...over });

describe('age at 12-31 of the year', () => {
  it('counts a birthday on 12-31 as reached', () => {
    expect(ageAtYearEnd('1995-12-31', 2025)).toBe(30);
    expect(ageAtYearEnd('1995-01-01', 2025)).toBe(30);
    expect(ageAtYearEnd('1994-12-31', 2025)).toBe(31);
  });
  it('counts a 29 February birthday as reached by 12-31 in every year', () => {
    expect(ageAtYearEnd('2000-02-29', 2025)).toBe(25);
    expect(ageAtYearEnd('2000-02-29', 2024)).toBe(24);
  });
  it('places the band edges', () => {
    expect(annualAgeBandOf(30)).toBe('to30');
    expect(annualAgeBandOf(31)).toBe('31to35');
    expect(annualAgeBandOf(35)).toBe('31to35');
    expect(annualAgeBandOf(36)).toBe('36to40');
    expect(annualAgeBandOf(60)).toBe('56to60');
    expect(annualAgeBandOf(61)).toBe('61plus');
  });
  it('puts someone turning 31 on 12-31 in 31—35 and someone turning 31 on 01-01 of next year in ≤30', () => {
    expect(figuresOf(person({ birthDate: '1994-12-31' }), 2025)).toContain('age.31to35');
    expect(figuresOf(person({ birthDate: '1995-01-01' }), 2025)).toContain('age.to30');
    expect(figuresOf(person({ birthDate: null }), 2025)).toContain('age.unknown');
  });
});

describe('who is on record at 12-31', () => {
  it('counts a member admitted on 12-31, not one admitted on 01-01 of next year', () => {
    expect(
      standingOn(person({ status: 'probationary', joinedOn: '2025-12-31', confirmedOn: null }), '2025-12-31'),
    ).toBe('probationary');
    expect(
      standingOn(person({ status: 'probationary', joinedOn: '2026-01-01', confirmedOn: null }), '2025-12-31'),
    ).toBe(null);
  });
  it('reads a member converted after 12-31 as 预备党员 on that day', () => {
    const p = person({ joinedOn: '2025-03-01', confirmedOn: '2026-03-01' });
    expect(standingOn(p, '2025-12-31')).toBe('probationary');
    expect(standingOn(p, '2026-12-31')).toBe('full');
    expect(standingOn(person({ joinedOn: '2024-12-31', confirmedOn: '2025-12-31' }), '2025-12-31')).toBe('full');
  });
  it('drops one who left on 12-31 from the year-end figures, and counts the decrease in that year', () => {
    const p = person({ leftOn: '2025-12-31', leftReason: 'transferred_out' });
    expect(standingOn(p, '2025-12-31')).toBe(null);
    expect(figuresOf(p, 2025)).toEqual(['changes.transferred_out']);
    expect(figuresOf(p, 2024)).toContain('overview.total');
    expect(figuresOf(p, 2026)).toEqual([]);
  });
  it('counts one who left on 01-01 as a decrease of that year, not of the year before', () => {
    const p = person({ leftOn: '2025-01-01', leftReason: 'deceased' });
    expect(figuresOf(p, 2025)).toEqual(['changes.deceased']);
    expect(figuresOf(p, 2024)).not.toContain('changes.deceased');
    expect(figuresOf(p, 2024)).toContain('overview.total');
  });
  it('does not count applicants, activists, candidates or non-party staff', () => {
    for (const status of ['applicant', 'activist', 'candidate', 'non_party'] as const) {
      expect(figuresOf(person({ status, joinedOn: null, confirmedOn: null }), 2025)).toEqual([]);
    }
  });
  it('does not count a non-member who left as a decrease', () => {
    expect(figuresOf(person({ status: 'non_party', leftOn: '2025-05-01', leftReason: 'resigned' }), 2025)).toEqual([]);
  });
});

describe('increases of the year, 01-01 to 12-31 inclusive', () => {
  it('counts admission on 01-01 and on 12-31, not on 12-31 of the year before', () => {
    const probationary = { status: 'probationary' as const, confirmedOn: null };
    expect(figuresOf(person({ ...probationary, joinedOn: '2025-01-01' }), 2025)).toContain('changes.developed');
    expect(figuresOf(person({ ...probationary, joinedOn: '2025-12-31' }), 2025)).toContain('changes.developed');
    expect(figuresOf(person({ ...probationary, joinedOn: '2024-12-31' }), 2025)).not.toContain('changes.developed');
  });
  it('counts a transfer-in and a conversion by their day', () => {
    expect(figuresOf(person({ transferredInOn: '2025-12-31' }), 2025)).toContain('changes.transferredIn');
    expect(figuresOf(person({ transferredInOn: '2026-01-01' }), 2025)).not.toContain('changes.transferredIn');
    expect(figuresOf(person({ joinedOn: '2024-02-29', confirmedOn: '2025-02-28' }), 2025)).toContain(
      'changes.converted',
    );
  });
  it('counts a cancelled probationary membership in the year of the decision', () => {
    const p = person({ status: 'non_party', joinedOn: null, confirmedOn: null, cancelledOn: '2025-12-31' });
    expect(figuresOf(p, 2025)).toEqual(['changes.cancelled']);
    expect(figuresOf(p, 2026)).toEqual([]);
  });
});

describe('the dimensions', () => {
  it('counts gender, minority, stopped standing, education with its subtotal, occupation', () => {
    const p = person({ gender: 'female', ethnicity: '回族', partyStanding: 'stopped', education: 'college' });
    expect(figuresOf(p, 2025)).toEqual(
      expect.arrayContaining([
        'overview.female',
        'overview.minority',
        'overview.stopped',
        'education.college',
        'education.collegePlus',
        'ethnicity.回族',
        'occupation.civil_servant',
      ]),
    );
    expect(figuresOf(person({ education: 'secondary' }), 2025)).not.toContain('education.collegePlus');
  });
  it('counts a retired member as 离退休人员 whatever their post', () => {
    expect(figuresOf(person({ retired: true, workPost: 'professional' }), 2025)).toContain('occupation.retired');
    expect(figuresOf(person({ workPost: null }), 2025)).toContain('occupation.unknown');
  });
  it('has a column for each minority group present and totals that add up', () => {
    const people = [person({ id: 'a' }), person({ id: 'b', ethnicity: '满族' }), person({ id: 'c', ethnicity: null })];
    const ethnicity = annualTables(people).find((t) => t.key === 'ethnicity')!;
    expect(ethnicity.columns.map((c) => c.key)).toEqual(['汉族', '满族', 'unknown']);
    const counts = tallyFigures(people, 2025);
    expect(counts.get('overview.total')).toBe(3);
    expect(counts.get('overview.minority')).toBe(1);
    expect(['汉族', '满族', 'unknown'].reduce((sum, k) => sum + (counts.get(`ethnicity.${k}`) ?? 0), 0)).toBe(3);
  });
});
