import { describe, expect, it } from 'vitest';
import { partyStandingOf, stageDateProblems, workPostOf } from './person-record.rules.ts';

describe('工作岗位 as files write it', () => {
  it('reads the labels and the national system’s finer wording', () => {
    expect(workPostOf('党政机关工作人员')).toBe('civil_servant');
    expect(workPostOf('公务员')).toBe('civil_servant');
    expect(workPostOf('参照公务员法管理的工作人员')).toBe('civil_servant');
    expect(workPostOf('事业单位管理人员')).toBe('manager');
    expect(workPostOf('专业技术人员')).toBe('professional');
    expect(workPostOf('工勤技能人员')).toBe('worker');
    expect(workPostOf('离休干部')).toBe('retired');
    expect(workPostOf('退休人员')).toBe('retired');
    expect(workPostOf('在校学生')).toBe('student');
    expect(workPostOf('农牧渔民')).toBe('farmer');
    expect(workPostOf('其他职业人员')).toBe('other');
    expect(workPostOf('宇航员')).toBe(null);
    expect(workPostOf('  ')).toBe(null);
  });
  it('reads 党籍状态', () => {
    expect(partyStandingOf('正常')).toBe('normal');
    expect(partyStandingOf('停止党籍')).toBe('stopped');
    expect(partyStandingOf('开除')).toBe(null);
  });
});

describe('stage dates in order', () => {
  it('accepts the same day for consecutive stages and skips empty ones', () => {
    expect(
      stageDateProblems({
        appliedOn: '2020-01-01',
        activistOn: '2020-01-01',
        joinedOn: '2022-01-01',
        confirmedOn: null,
      }),
    ).toEqual([]);
  });
  it('refuses a stage before the one before it, naming both', () => {
    expect(stageDateProblems({ appliedOn: '2020-03-01', activistOn: '2020-02-29' })).toEqual([
      { path: 'activistOn', message: '确定积极分子日期（2020-02-29）不能早于申请入党日期（2020-03-01）' },
    ]);
    expect(stageDateProblems({ candidateOn: '2021-06-01', joinedOn: '2021-05-31' })[0]?.path).toBe('joinedOn');
  });
  it('refuses a stage before birth and a transfer-in before admission', () => {
    expect(stageDateProblems({ birthDate: '2000-01-01', appliedOn: '1999-12-31' })[0]?.path).toBe('appliedOn');
    expect(stageDateProblems({ joinedOn: '2020-07-01', transferredInOn: '2020-06-30' })[0]?.path).toBe(
      'transferredInOn',
    );
    expect(stageDateProblems({ joinedOn: '2020-07-01', transferredInOn: '2020-07-01' })).toEqual([]);
  });
});
