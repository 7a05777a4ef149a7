import { describe, expect, it } from 'vitest';
import { courtToday } from './court-time.ts';
import { ageBandOf, completedYears, parseLooseDate, partyAgeBandOf } from './people.rules.ts';

describe('dates as offices write them', () => {
  it.each([
    ['2019-07-01', '2019-07-01'],
    ['2019-7-1', '2019-07-01'],
    ['2019.07.01', '2019-07-01'],
    ['2019/7/1', '2019-07-01'],
    ['2019年7月1日', '2019-07-01'],
    ['2019 年 7 月 1 日', '2019-07-01'],
    ['20190701', '2019-07-01'],
    ['2020.2.29', '2020-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseLooseDate(text)).toBe(iso);
  });
  it.each(['2019-02-29', '2019-13-01', '2019-00-10', '2019.7', 'July 1 2019', '1899-01-01', ''])(
    'refuses %s',
    (text) => {
      expect(parseLooseDate(text)).toBeNull();
    },
  );
});

describe('ages and bands', () => {
  it('counts a birthday on its day, and 29 February in a common year on 1 March', () => {
    expect(completedYears('1990-03-07', '2026-03-06')).toBe(35);
    expect(completedYears('1990-03-07', '2026-03-07')).toBe(36);
    expect(completedYears('2000-02-29', '2026-02-28')).toBe(25);
    expect(completedYears('2000-02-29', '2026-03-01')).toBe(26);
  });
  it('puts each boundary age in the upper band', () => {
    expect([29, 30, 39, 40, 49, 50, 59, 60].map(ageBandOf)).toEqual([
      'under30',
      '30to39',
      '30to39',
      '40to49',
      '40to49',
      '50to59',
      '50to59',
      '60plus',
    ]);
    expect([4, 5, 9, 10, 19, 20, 29, 30].map(partyAgeBandOf)).toEqual([
      'under5',
      '5to9',
      '5to9',
      '10to19',
      '10to19',
      '20to29',
      '20to29',
      '30plus',
    ]);
  });
  it('counts the business day in Asia/Shanghai', () => {
    expect(courtToday(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(courtToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
