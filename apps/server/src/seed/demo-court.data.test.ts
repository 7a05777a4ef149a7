import { describe, expect, it } from 'vitest';
import {
  addYears,
  completedYears,
  isValidIdNumber,
  isValidPhone,
  ORG_CHILD_KINDS,
  parseIdBirthDate,
  parseIdGender,
} from '@qizhi/domain';
import { DEMO_AS_OF, DEMO_CELL_OF_DEPARTMENT, DEMO_ORG_KEYS, generateDemoCourt } from './demo-court.data.ts';
import type { DemoPerson } from './demo-court.data.ts';

const court = generateDemoCourt();
const { people, orgUnits, departments, accounts } = court;
const isMember = (p: DemoPerson): boolean => p.status === 'full' || p.status === 'probationary';
const members = people.filter(isMember);
const personByKey = new Map(people.map((p) => [p.key, p]));
const orgByKey = new Map(orgUnits.map((o) => [o.key, o]));
const departmentKeys = new Set(departments.map((d) => d.key));
const cells = orgUnits.filter((o) => o.kind === 'cell');
const retiredCell = orgByKey.get(DEMO_ORG_KEYS.retiredCell);

function distinct(values: string[]): boolean {
  return new Set(values).size === values.length;
}

describe('generateDemoCourt', () => {
  it('is deterministic', () => {
    expect(generateDemoCourt()).toEqual(court);
  });

  it('matches the reference figures: 54 members, 18 of them retired, about 80 staff', () => {
    expect(court.tenant).toEqual({ code: 'anze', name: '安泽县人民法院' });
    expect(members).toHaveLength(54);
    expect(members.filter((p) => p.retired)).toHaveLength(18);
    expect(people.filter((p) => p.retired).every(isMember)).toBe(true);
    expect(people.length).toBeGreaterThanOrEqual(75);
    expect(people.length).toBeLessThanOrEqual(85);
    expect(people.some((p) => p.status === 'activist' || p.status === 'applicant')).toBe(true);
  });

  it('has one 党组 over one branch with 4 cells, one of them holding exactly the retired', () => {
    const roots = orgUnits.filter((o) => o.parentKey === null);
    expect(roots.map((o) => o.kind)).toEqual(['party_group']);
    expect(orgUnits.filter((o) => o.kind === 'branch')).toHaveLength(1);
    expect(cells).toHaveLength(4);
    expect(retiredCell?.kind).toBe('cell');
    const inRetiredCell = people.filter((p) => p.orgUnitKey === DEMO_ORG_KEYS.retiredCell);
    expect(inRetiredCell).toHaveLength(18);
    expect(inRetiredCell.every((p) => p.retired && p.departmentKey === null)).toBe(true);
    for (const org of orgUnits) {
      if (org.parentKey === null) continue;
      const parent = orgByKey.get(org.parentKey);
      expect(parent && ORG_CHILD_KINDS[parent.kind]).toContain(org.kind);
    }
  });

  it('places members in cells, the in-service by their department', () => {
    for (const p of members) {
      expect(cells.map((c) => c.key)).toContain(p.orgUnitKey);
      if (!p.retired) expect(p.orgUnitKey).not.toBe(DEMO_ORG_KEYS.retiredCell);
      if (p.departmentKey) expect(p.orgUnitKey).toBe(DEMO_CELL_OF_DEPARTMENT[p.departmentKey]);
    }
    for (const cell of cells) expect(members.some((p) => p.orgUnitKey === cell.key)).toBe(true);
    for (const p of people.filter((x) => !isMember(x))) {
      expect(p.orgUnitKey).toBe(p.status === 'non_party' ? null : DEMO_ORG_KEYS.branch);
      expect([p.joinedOn, p.confirmedOn, p.retired]).toEqual([null, null, false]);
    }
  });

  it('has trial divisions, an enforcement bureau and at least two people’s tribunals', () => {
    expect(departments.filter((d) => d.kind === 'tribunal').length).toBeGreaterThanOrEqual(2);
    expect(departments.filter((d) => d.kind === 'enforcement').length).toBeGreaterThanOrEqual(1);
    expect(departments.filter((d) => d.kind === 'trial').length).toBeGreaterThanOrEqual(3);
    expect(distinct(departments.map((d) => d.name))).toBe(true);
  });

  it('gives everyone a valid, distinct ID number that agrees with birth date and gender', () => {
    for (const p of people) {
      expect(isValidIdNumber(p.idNumber), p.idNumber).toBe(true);
      expect(parseIdBirthDate(p.idNumber)).toBe(p.birthDate);
      expect(parseIdGender(p.idNumber)).toBe(p.gender);
      expect(p.idNumber.slice(0, 4)).toBe('1410');
    }
    expect(distinct(people.map((p) => p.idNumber))).toBe(true);
    expect(people.filter((p) => p.idNumber.startsWith('141026')).length).toBeGreaterThan(people.length / 2);
  });

  it('gives everyone a valid, distinct mobile number and a distinct name', () => {
    for (const p of people) {
      expect(isValidPhone(p.phone)).toBe(true);
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(p.name).toMatch(/^\p{Script=Han}{2,3}$/u);
    }
    expect(distinct(people.map((p) => p.phone))).toBe(true);
    expect(distinct(people.map((p) => p.name))).toBe(true);
    expect(people.some((p) => p.gender === 'male') && people.some((p) => p.gender === 'female')).toBe(true);
    expect(people.filter((p) => p.ethnicity === '汉族').length).toBeGreaterThan(people.length * 0.8);
  });

  it('keeps dates in order: born, joined after 18, confirmed a year later, retired', () => {
    for (const p of people) {
      expect(p.birthDate < DEMO_AS_OF).toBe(true);
      const age = completedYears(p.birthDate, DEMO_AS_OF);
      if (p.retired) {
        expect(p.birthDate >= '1940-01-01' && p.birthDate <= '1964-12-31').toBe(true);
        expect(p.retiredOn !== null && p.retiredOn > p.birthDate && p.retiredOn < DEMO_AS_OF).toBe(true);
      } else {
        expect(p.birthDate >= '1960-01-01' && p.birthDate <= '2000-12-31').toBe(true);
        expect(age).toBeLessThan(60);
        expect(p.retiredOn).toBeNull();
      }
      if (!isMember(p)) continue;
      expect(p.joinedOn).not.toBeNull();
      const joinedOn = p.joinedOn ?? '';
      expect(completedYears(p.birthDate, joinedOn)).toBeGreaterThanOrEqual(18);
      expect(joinedOn < DEMO_AS_OF).toBe(true);
      if (p.status === 'full') {
        expect(p.confirmedOn).toBe(addYears(joinedOn, 1));
        expect((p.confirmedOn ?? '') < DEMO_AS_OF).toBe(true);
      } else {
        expect(p.confirmedOn).toBeNull();
        expect(joinedOn > addYears(DEMO_AS_OF, -1)).toBe(true);
      }
    }
    const probationary = members.filter((p) => p.status === 'probationary');
    expect(probationary.length).toBeGreaterThanOrEqual(1);
  });

  it('resolves every key reference', () => {
    expect(distinct(people.map((p) => p.key))).toBe(true);
    expect(distinct(orgUnits.map((o) => o.key))).toBe(true);
    expect(distinct(departments.map((d) => d.key))).toBe(true);
    for (const p of people) {
      if (p.orgUnitKey !== null) expect(orgByKey.has(p.orgUnitKey)).toBe(true);
      if (p.departmentKey !== null) expect(departmentKeys.has(p.departmentKey)).toBe(true);
    }
    for (const org of orgUnits) {
      if (org.parentKey !== null) expect(orgByKey.has(org.parentKey)).toBe(true);
      const keys = [org.secretaryKey, ...org.committee.map((c) => c.personKey)];
      for (const key of keys) expect(key !== null && personByKey.has(key)).toBe(true);
    }
    for (const account of accounts) {
      expect(personByKey.has(account.personKey)).toBe(true);
      if (account.orgUnitKey !== null) expect(orgByKey.has(account.orgUnitKey)).toBe(true);
    }
  });

  it('staffs the 党组, the branch committee and every cell with members of the right place', () => {
    const group = orgByKey.get(DEMO_ORG_KEYS.partyGroup);
    expect(personByKey.get(group?.secretaryKey ?? '')?.partyPosts).toContain('党组书记');
    const branch = orgByKey.get(DEMO_ORG_KEYS.branch);
    expect(branch?.termStartedOn).toBe('2024-03-15');
    expect(branch?.committee.map((c) => c.post)).toEqual(['副书记', '组织委员', '宣传委员', '纪检委员']);
    for (const key of [branch?.secretaryKey ?? '', ...(branch?.committee ?? []).map((c) => c.personKey)]) {
      const person = personByKey.get(key);
      expect(person?.status).toBe('full');
      expect(person?.retired).toBe(false);
    }
    for (const cell of cells) {
      const leader = personByKey.get(cell.secretaryKey ?? '');
      expect(leader?.orgUnitKey).toBe(cell.key);
      expect(leader?.partyPosts).toContain('党小组长');
    }
  });

  it('provides one demo account per role, each held by a fitting person', () => {
    expect(accounts.map((a) => [a.username, a.role])).toEqual([
      ['leader', 'leader'],
      ['secretary', 'secretary'],
      ['clerk', 'clerk'],
      ['member', 'member'],
      ['staff', 'staff'],
    ]);
    const holder = (role: string): DemoPerson | undefined =>
      personByKey.get(accounts.find((a) => a.role === role)?.personKey ?? '');
    const account = (role: string) => accounts.find((a) => a.role === role);
    expect(holder('leader')?.key).toBe(orgByKey.get(DEMO_ORG_KEYS.partyGroup)?.secretaryKey);
    expect(account('leader')?.orgUnitKey).toBeNull();
    expect(holder('secretary')?.key).toBe(orgByKey.get(DEMO_ORG_KEYS.branch)?.secretaryKey);
    expect(account('secretary')?.orgUnitKey).toBe(DEMO_ORG_KEYS.branch);
    const clerk = holder('clerk');
    expect(clerk?.departmentKey).toBe('dept:political');
    expect(clerk?.status).toBe('full');
    expect(clerk?.retired).toBe(false);
    expect(holder('member')?.status).toBe('full');
    expect(holder('member')?.retired).toBe(false);
    expect(holder('member')?.partyPosts).toBeNull();
    expect(holder('staff')?.status).toBe('non_party');
  });
});
