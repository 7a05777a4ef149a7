import { describe, expect, it } from 'vitest';
import {
  complianceState,
  computeCompliance,
  consecutiveAbsentMonths,
  itemsShownInMonth,
  participationOfMonth,
  worstState,
  type ComplianceOrg,
} from './meetings-compliance.rules.ts';
import { checkDeliberationStep, checkDisclosure, nextDeliberationStage } from './meetings-deliberation.rules.ts';
import { plainTextToMinutesHtml } from './meetings-minutes.rules.ts';

const group: ComplianceOrg = { id: 'g', kind: 'party_group', hasCommittee: true };
const branch: ComplianceOrg = { id: 'b', kind: 'branch', hasCommittee: true };
const smallBranch: ComplianceOrg = { id: 's', kind: 'branch', hasCommittee: false };
const cell: ComplianceOrg = { id: 'c', kind: 'cell', hasCommittee: false };

describe('required vs held', () => {
  const items = computeCompliance({
    year: 2026,
    orgs: [group, branch, smallBranch, cell],
    overrides: [{ orgUnitId: 's', type: 'lecture', frequency: 'monthly' }],
    held: [
      { orgUnitId: 'b', type: 'branch_general', month: '2026-02', held: 1 },
      { orgUnitId: 'b', type: 'branch_general', month: '2026-03', held: 1 },
      { orgUnitId: 'c', type: 'cell', month: '2026-03', held: 1 },
      { orgUnitId: 'g', type: 'democratic_life', month: '2026-12', held: 1 },
    ],
    annualHeld: [{ orgUnitId: 'g', type: 'democratic_life', coveredYear: 2026, held: 1 }],
  });
  const of = (org: string, type: string) => items.filter((i) => i.orgUnitId === org && i.type === type);

  it('applies each type at its level and frequency', () => {
    expect(of('b', 'branch_general').map((i) => i.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(of('b', 'branch_committee')).toHaveLength(12);
    expect(of('b', 'theme_day')).toHaveLength(12);
    expect(of('b', 'lecture')).toHaveLength(4);
    expect(of('b', 'org_life')).toHaveLength(1);
    // 谈心谈话 are counted per pair (talkPairsItem), not as meetings of the organisation.
    expect(of('b', 'talk')).toHaveLength(0);
    expect(of('b', 'cell')).toHaveLength(0);
    expect(of('c', 'cell')).toHaveLength(12);
    expect(of('c', 'theme_day')).toHaveLength(0);
    expect(of('g', 'democratic_life')).toEqual([
      { orgUnitId: 'g', type: 'democratic_life', period: '2026', required: 1, held: 1 },
    ]);
    expect(items.some((i) => i.type === 'other')).toBe(false);
  });

  it('skips the committee where there is none, and honours the court’s override', () => {
    expect(of('s', 'branch_committee')).toHaveLength(0);
    expect(of('s', 'lecture')).toHaveLength(12);
  });

  it('sums the months of a period', () => {
    expect(of('b', 'branch_general')[0]).toMatchObject({ period: '2026-Q1', held: 2 });
    expect(of('b', 'branch_general')[1]).toMatchObject({ period: '2026-Q2', held: 0 });
    expect(of('c', 'cell')[2]).toMatchObject({ period: '2026-03', held: 1 });
  });

  it('colours met, due, missed, upcoming and informational', () => {
    const item = (period: string, held: number, type: 'cell' | 'talk' = 'cell') => ({
      orgUnitId: 'c',
      type,
      period,
      required: 1,
      held,
    });
    expect(complianceState(item('2026-03', 1), '2026-11-28')).toBe('met');
    expect(complianceState(item('2026-03', 0), '2026-11-28')).toBe('missed');
    expect(complianceState(item('2026-11', 0), '2026-11-28')).toBe('due');
    expect(complianceState(item('2026-12', 0), '2026-11-28')).toBe('upcoming');
    expect(complianceState(item('2025', 0, 'talk'), '2026-11-28')).toBe('missed');
    expect(complianceState({ ...item('2026', 0), type: 'other' }, '2026-11-28')).toBe('informational');
    expect(worstState(['met', 'due', 'missed'])).toBe('missed');
    expect(worstState(['met', 'informational'])).toBe('met');
    expect(worstState([])).toBeNull();
  });

  it('credits annual meetings to the year they cover, not the month held', () => {
    const annual = (year: number) =>
      computeCompliance({
        year,
        orgs: [group, branch],
        overrides: [],
        // A 组织生活会 held in January 2026 for 2025: counted by its month it would be 2026's.
        held: [{ orgUnitId: 'b', type: 'org_life', month: '2026-01', held: 1 }],
        annualHeld: [
          { orgUnitId: 'b', type: 'org_life', coveredYear: 2025, held: 1 },
          { orgUnitId: 'g', type: 'democratic_life', coveredYear: 2026, held: 1 },
        ],
      }).filter((i) => i.type === 'org_life' || i.type === 'democratic_life');
    expect(annual(2025)).toEqual([
      { orgUnitId: 'g', type: 'democratic_life', period: '2025', required: 1, held: 0 },
      { orgUnitId: 'b', type: 'org_life', period: '2025', required: 1, held: 1 },
    ]);
    expect(annual(2026).map((i) => i.held)).toEqual([1, 0]);
  });

  it('shows quarterly and yearly items in their last month', () => {
    const march = itemsShownInMonth(of('b', 'branch_general'), 2026, 3).map((i) => i.period);
    expect(march).toEqual(['2026-Q1']);
    expect(itemsShownInMonth(of('b', 'branch_general'), 2026, 2)).toHaveLength(0);
    expect(itemsShownInMonth(of('b', 'org_life'), 2026, 12)).toHaveLength(1);
  });
});

describe('the 6-month line', () => {
  it('counts consecutive absent months back from the latest, skipping months with nothing to attend', () => {
    expect(
      consecutiveAbsentMonths([
        { month: '2026-05', state: 'attended' },
        { month: '2026-06', state: 'absent' },
        { month: '2026-07', state: 'absent' },
        { month: '2026-08', state: 'none' },
        { month: '2026-09', state: 'absent' },
        { month: '2026-10', state: 'absent' },
      ]),
    ).toBe(4);
    expect(
      consecutiveAbsentMonths([
        { month: '2026-09', state: 'absent' },
        { month: '2026-10', state: 'excused' },
      ]),
    ).toBe(0);
    expect(consecutiveAbsentMonths([])).toBe(0);
  });

  it('a month is attended, excused, absent or nothing expected', () => {
    expect(participationOfMonth({ attended: true, excused: false, expected: true })).toBe('attended');
    expect(participationOfMonth({ attended: false, excused: true, expected: true })).toBe('excused');
    expect(participationOfMonth({ attended: false, excused: false, expected: true })).toBe('absent');
    expect(participationOfMonth({ attended: false, excused: false, expected: false })).toBe('none');
  });
});

describe('四议两公开', () => {
  const none = { doneSteps: [], resolutionDisclosed: false, resultDisclosed: false };
  it('goes step by step, then discloses the resolution, then the result', () => {
    expect(nextDeliberationStage(none)).toEqual({ kind: 'step', index: 0 });
    expect(checkDeliberationStep(none, 0)).toBeNull();
    expect(checkDeliberationStep(none, 1)).toBe('stepSkipped');
    expect(checkDeliberationStep({ ...none, doneSteps: [0] }, 0)).toBe('stepAlreadyDone');
    expect(checkDisclosure({ ...none, doneSteps: [0, 1, 2] }, 'resolution')).toBe('disclosureTooEarly');
    const allSteps = { ...none, doneSteps: [0, 1, 2, 3] };
    expect(checkDisclosure(allSteps, 'result')).toBe('disclosureTooEarly');
    expect(checkDisclosure(allSteps, 'resolution')).toBeNull();
    expect(checkDisclosure({ ...allSteps, resolutionDisclosed: true }, 'result')).toBeNull();
    expect(nextDeliberationStage({ ...allSteps, resolutionDisclosed: true, resultDisclosed: true })).toEqual({
      kind: 'done',
    });
  });
});

describe('minutes from plain text', () => {
  it('turns plain text into minutes', () => {
    expect(plainTextToMinutesHtml('第一行\n\n<第二行>')).toBe('<p>第一行</p><p>&lt;第二行&gt;</p>');
  });
});
