import { describe, expect, it } from 'vitest';
import {
  campaignSpan,
  campaignState,
  mayReportOn,
  phaseState,
  phaseStateAt,
  progressByOrg,
  taskState,
} from './campaigns.rules.ts';

const phase = { startsOn: '2026-03-01', endsOn: '2026-03-31' };

describe('a phase’s state on the court’s days (start and end both included)', () => {
  it('未开始 the day before, 进行中 on the first and the last day, 已结束 the day after', () => {
    expect(phaseState(phase, '2026-02-28')).toBe('upcoming');
    expect(phaseState(phase, '2026-03-01')).toBe('active');
    expect(phaseState(phase, '2026-03-15')).toBe('active');
    expect(phaseState(phase, '2026-03-31')).toBe('active');
    expect(phaseState(phase, '2026-04-01')).toBe('ended');
  });
  it('a one-day phase is 进行中 that day only', () => {
    const day = { startsOn: '2026-07-01', endsOn: '2026-07-01' };
    expect(phaseState(day, '2026-06-30')).toBe('upcoming');
    expect(phaseState(day, '2026-07-01')).toBe('active');
    expect(phaseState(day, '2026-07-02')).toBe('ended');
  });
  it('across a year end', () => {
    const winter = { startsOn: '2025-12-15', endsOn: '2026-01-15' };
    expect(phaseState(winter, '2025-12-31')).toBe('active');
    expect(phaseState(winter, '2026-01-01')).toBe('active');
    expect(phaseState(winter, '2026-01-16')).toBe('ended');
  });
  it('reads the day at the court (Asia/Shanghai): the phase begins at 16:00 UTC the evening before', () => {
    expect(phaseStateAt(phase, new Date('2026-02-28T15:59:59Z'))).toBe('upcoming');
    expect(phaseStateAt(phase, new Date('2026-02-28T16:00:00Z'))).toBe('active');
    expect(phaseStateAt(phase, new Date('2026-03-31T15:59:59Z'))).toBe('active');
    expect(phaseStateAt(phase, new Date('2026-03-31T16:00:00Z'))).toBe('ended');
  });
});

describe('a campaign spans its phases', () => {
  const phases = [
    { startsOn: '2026-04-01', endsOn: '2026-04-30' },
    { startsOn: '2026-03-01', endsOn: '2026-03-31' },
    { startsOn: '2026-05-01', endsOn: '2026-06-30' },
  ];
  it('from the earliest first day to the latest last day, in any order', () => {
    expect(campaignSpan(phases)).toEqual({ startsOn: '2026-03-01', endsOn: '2026-06-30' });
    expect(campaignSpan([])).toBeNull();
  });
  it('is 进行中 between phases too, and 未开始 without phases', () => {
    expect(campaignState(phases, '2026-02-28')).toBe('upcoming');
    expect(campaignState(phases, '2026-03-01')).toBe('active');
    expect(campaignState(phases, '2026-06-30')).toBe('active');
    expect(campaignState(phases, '2026-07-01')).toBe('ended');
    expect(campaignState([], '2026-07-01')).toBe('upcoming');
  });
});

describe('a task', () => {
  it('is in time on its due day and overdue the day after, unless done', () => {
    expect(taskState({ done: false, dueOn: '2026-03-31' }, '2026-03-31')).toBe('open');
    expect(taskState({ done: false, dueOn: '2026-03-31' }, '2026-04-01')).toBe('overdue');
    expect(taskState({ done: true, dueOn: '2026-03-31' }, '2026-05-01')).toBe('done');
  });
  it('is reported on by its person, or by anyone in or below its organisation', () => {
    const forBranch = { orgUnitId: 'branch', personId: null } as const;
    expect(mayReportOn(forBranch, 'p1', ['cell-1', 'branch', 'group'])).toBe(true);
    expect(mayReportOn(forBranch, 'p1', ['group'])).toBe(false);
    expect(mayReportOn(forBranch, null, ['branch'])).toBe(false);
    const forPerson = { orgUnitId: null, personId: 'p1' } as const;
    expect(mayReportOn(forPerson, 'p1', [])).toBe(true);
    expect(mayReportOn(forPerson, 'p2', ['branch'])).toBe(false);
  });
});

describe('progress per organisation', () => {
  const units = [
    { id: 'group', parentId: null },
    { id: 'branch', parentId: 'group' },
    { id: 'cell-1', parentId: 'branch' },
    { id: 'cell-2', parentId: 'branch' },
  ];
  const personOrg = new Map<string, string | null>([
    ['p1', 'cell-1'],
    ['p2', 'cell-2'],
    ['nobody', null],
  ]);
  it('counts an organisation’s own tasks, those below it and its people’s', () => {
    const tasks = [
      { orgUnitId: 'branch', personId: null, done: true },
      { orgUnitId: 'cell-1', personId: null, done: false },
      { orgUnitId: null, personId: 'p1', done: true },
      { orgUnitId: null, personId: 'p2', done: false },
      { orgUnitId: null, personId: 'nobody', done: true },
    ];
    const byId = new Map(progressByOrg(units, tasks, personOrg).map((p) => [p.orgUnitId, p]));
    expect(byId.get('branch')).toEqual({ orgUnitId: 'branch', total: 4, done: 2, share: 0.5 });
    expect(byId.get('cell-1')).toEqual({ orgUnitId: 'cell-1', total: 2, done: 1, share: 0.5 });
    expect(byId.get('cell-2')).toEqual({ orgUnitId: 'cell-2', total: 1, done: 0, share: 0 });
    expect(byId.get('group')!.total).toBe(4);
  });
  it('an organisation without tasks has share 0, not NaN; all done is 1', () => {
    expect(progressByOrg(units, [], personOrg)[0]).toEqual({ orgUnitId: 'group', total: 0, done: 0, share: 0 });
    const all = progressByOrg(units, [{ orgUnitId: 'cell-2', personId: null, done: true }], personOrg);
    expect(all.find((p) => p.orgUnitId === 'cell-2')!.share).toBe(1);
  });
});
