/**
 * The roster's bridge to the 全国党员管理信息系统: a file in the national system's columns imports
 * without retyping, and a file the previous version of Qizhi exported (its old column order and
 * names) still imports.
 */
import { describe, expect, it } from 'vitest';
import { parseRosterWorkbook } from './roster-excel.ts';
import { BENCH_HEADERS, makeRosterFile, makeValidIdNumber } from './roster-excel.fixtures.ts';

const ID_A = makeValidIdNumber(11, '1985-03-12', 'male');
const ID_B = makeValidIdNumber(12, '1990-11-30', 'female');

describe('a file in the national member system’s columns', () => {
  const headers = [
    '序号',
    '姓名',
    '性别',
    '公民身份号码',
    '民族',
    '出生日期',
    '学历',
    '人员类别',
    '所在党支部',
    '入党日期',
    '转正日期',
    '工作岗位',
    '联系电话',
    '家庭住址', // a national column Qizhi does not keep: ignored
    '党籍状态',
    '是否失联党员', // ignored
    '籍贯',
    '入党介绍人',
    '组织关系转入时间',
    '申请入党时间',
    '确定为入党积极分子日期',
    '确定为发展对象日期',
  ];

  it('imports every field it shares with Qizhi, its finer 工作岗位 folded into the statistics’ categories', async () => {
    const file = await makeRosterFile({
      title: '党员花名册',
      headers,
      rows: [
        [
          1,
          '张三',
          '男',
          ID_A,
          '汉族',
          '1985-03-12',
          '大学本科',
          '正式党员',
          '机关第一党支部',
          '2008-07-01',
          '2009-07-01',
          '公务员',
          '13812345678',
          '某地某街',
          '正常',
          '否',
          '山西省临汾市',
          '赵六、钱七',
          '2015-03-01',
          '2006.9.1',
          '2006年12月1日',
          '2007-12-01',
        ],
        [2, '李四', '女', ID_B, '回族', '', '研究生', '预备党员', '机关第一党支部', '2025-06-30', '', '专业技术人员'],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      name: '张三',
      idNumber: ID_A,
      status: 'full',
      branchName: '机关第一党支部',
      workPost: 'civil_servant',
      partyStanding: 'normal',
      nativePlace: '山西省临汾市',
      sponsors: '赵六、钱七',
      transferredInOn: '2015-03-01',
      appliedOn: '2006-09-01',
      activistOn: '2006-12-01',
      candidateOn: '2007-12-01',
      joinedOn: '2008-07-01',
      confirmedOn: '2009-07-01',
    });
    expect(parsed.rows[1]).toMatchObject({
      name: '李四',
      status: 'probationary',
      workPost: 'professional',
      partyStanding: null,
      appliedOn: null,
    });
  });

  it('refuses what it cannot place, naming the column as the file writes it', async () => {
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '人员类别', '工作岗位', '党籍状态', '申请入党日期', '确定积极分子日期'],
      rows: [
        ['张三', ID_A, '正式党员', '宇航员', '开除', '2010-05-01', '2010-04-30'],
        ['李四', ID_B, '群众', '', '正常', '', ''],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        row: 2,
        column: '工作岗位',
        message: expect.stringContaining('工作岗位“宇航员”无法归类，可填写：党政机关工作人员') as string,
      },
      { row: 2, column: '党籍状态', message: '党籍状态“开除”无法识别，可填写：正常、停止党籍' },
      {
        row: 2,
        column: '确定积极分子日期',
        message: '确定积极分子日期（2010-04-30）不能早于申请入党日期（2010-05-01）',
      },
      { row: 3, column: '党籍状态', message: '只有党员填写党籍状态' },
    ]);
  });
});

describe('a file the previous version exported', () => {
  it('still imports under its old column order and names', async () => {
    expect(BENCH_HEADERS).toEqual([
      '序号',
      '姓名',
      '性别',
      '民族',
      '出生日期',
      '公民身份号码',
      '学历',
      '人员类别',
      '入党日期',
      '转正日期',
      '所在党支部',
      '所在党小组',
      '工作部门',
      '职务',
      '联系电话',
      '是否离退休',
    ]);
    const file = await makeRosterFile({
      title: '安泽县人民法院党员花名册',
      headers: BENCH_HEADERS,
      rows: [
        [
          1,
          '张三',
          '男',
          '汉族',
          '1985-03-12',
          ID_A,
          '大学本科',
          '正式党员',
          '2008-07-01',
          '2009-07-01',
          '机关第一党支部',
          '第一党小组',
          '立案庭',
          '四级法官',
          '13812345678',
          '否',
        ],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        row: 3,
        name: '张三',
        gender: 'male',
        ethnicity: '汉族',
        birthDate: '1985-03-12',
        idNumber: ID_A,
        education: 'bachelor',
        status: 'full',
        joinedOn: '2008-07-01',
        confirmedOn: '2009-07-01',
        branchName: '机关第一党支部',
        cellName: '第一党小组',
        departmentName: '立案庭',
        position: '四级法官',
        phone: '13812345678',
        retired: false,
        workPost: null,
        nativePlace: null,
        partyStanding: null,
        sponsors: null,
        transferredInOn: null,
        appliedOn: null,
        activistOn: null,
        candidateOn: null,
      },
    ]);
  });
});
