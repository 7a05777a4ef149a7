import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  computeIdCheckChar,
  ID_NUMBER_PROBLEM_MESSAGES,
  maskIdNumber,
  maskPhone,
  type PersonRecord,
} from '@qizhi/domain';
import { AppError } from '../../platform/errors.ts';
import {
  buildRosterTemplate,
  buildRosterWorkbook,
  escapeFormulaCell,
  parseRosterWorkbook,
  type ImportedPerson,
} from './roster-excel.ts';
import {
  BENCH_BRANCH,
  makeRosterFile,
  makeRosterFileOfSize,
  makeValidIdNumber,
  makeZip,
  withBadCheckChar,
} from './roster-excel.fixtures.ts';

const ID_A = makeValidIdNumber(1, '1985-03-12', 'male');
const ID_B = makeValidIdNumber(2, '1990-11-30', 'female');
const ID_C = makeValidIdNumber(3, '1978-07-01', 'male');
/** The columns the export and the template write: the national member system's first, then Qizhi's. */
const NATIONAL_HEADERS = [
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
  '籍贯',
  '党籍状态',
  '入党介绍人',
  '组织关系转入日期',
  '申请入党日期',
  '确定积极分子日期',
  '确定发展对象日期',
  '所在党小组',
  '工作部门',
  '职务',
  '是否离退休',
];
const COLUMNS = NATIONAL_HEADERS.length;
/** What a file without the national system's columns leaves of them. */
const NO_NATIONAL_FIELDS = {
  workPost: null,
  nativePlace: null,
  partyStanding: null,
  sponsors: null,
  transferredInOn: null,
  appliedOn: null,
  activistOn: null,
  candidateOn: null,
};
const DATE_MESSAGE = (shown: string) =>
  `日期“${shown}”不存在或格式无法识别（可写作 2019-07-01、2019.7.1 或 2019年7月1日）`;

async function loadSheet(buffer: Buffer, index = 0): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[index];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

function rowTexts(sheet: ExcelJS.Worksheet, r: number, columns: number): string[] {
  const row = sheet.getRow(r);
  return Array.from({ length: columns }, (_, c) => row.getCell(c + 1).text);
}

describe('escapeFormulaCell', () => {
  it('prefixes an apostrophe to text a spreadsheet would run as a formula', () => {
    expect(escapeFormulaCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(escapeFormulaCell('+86 138')).toBe("'+86 138");
    expect(escapeFormulaCell('-1')).toBe("'-1");
    expect(escapeFormulaCell('@cmd')).toBe("'@cmd");
    expect(escapeFormulaCell('\tx')).toBe("'\tx");
    expect(escapeFormulaCell('\rx')).toBe("'\rx");
    expect(escapeFormulaCell('张三')).toBe('张三');
    expect(escapeFormulaCell('a=b')).toBe('a=b');
    expect(escapeFormulaCell('')).toBe('');
  });
});

describe('parseRosterWorkbook: layout', () => {
  it('finds the header below a merged title row and blank rows, and numbers rows as Excel does', async () => {
    const file = await makeRosterFile({
      title: '安泽县人民法院党员花名册',
      blankRowsAboveHeader: 2,
      headers: ['序号', '姓名', '性别', '公民身份号码', '人员类别', '备注'],
      rows: [
        [1, '张三', '男', ID_A, '正式党员', '无'],
        [2, '李四', '女', ID_B, '预备党员', null],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.columns).toEqual(['序号', '姓名', '性别', '公民身份号码', '人员类别', '备注']);
    expect(parsed.rows.map((r) => [r.row, r.name, r.idNumber, r.status])).toEqual([
      [5, '张三', ID_A, 'full'],
      [6, '李四', ID_B, 'probationary'],
    ]);
  });

  it('accepts synonyms in any order, marked and padded headers, and ignores unknown columns', async () => {
    const file = await makeRosterFile({
      headers: [
        '手机号码',
        '备注',
        '身份证号',
        '党员状态',
        '姓  名（必填）',
        '入党时间',
        '转正时间',
        '党支部',
        '党小组',
        '部门',
        '职务(职级)',
        '离退休',
        '*民族',
        '出生\n日期',
        '文化程度',
      ],
      rows: [
        [
          '138 1234 5678',
          'x',
          ID_A.toLowerCase(),
          '中共党员',
          '张　三',
          '2010-07-01',
          '2011-07-01',
          '机关第一党支部',
          '第一党小组',
          '立案庭',
          '四级法官',
          '退休',
          '汉',
          '1985-03-12',
          '硕士研究生',
        ],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.columns[4]).toBe('姓名（必填）');
    expect(parsed.rows).toEqual<ImportedPerson[]>([
      {
        row: 2,
        name: '张三',
        gender: 'male',
        ethnicity: '汉族',
        birthDate: '1985-03-12',
        idNumber: ID_A,
        education: 'postgraduate',
        status: 'full',
        joinedOn: '2010-07-01',
        confirmedOn: '2011-07-01',
        branchName: '机关第一党支部',
        cellName: '第一党小组',
        departmentName: '立案庭',
        position: '四级法官',
        phone: '13812345678',
        retired: true,
        ...NO_NATIONAL_FIELDS,
      },
    ]);
  });

  it('names the file’s own header text in errors', async () => {
    const file = await makeRosterFile({
      headers: ['姓名', '身份证号', '手机', '党员状态'],
      rows: [['张三', withBadCheckChar(ID_A), '123', '党外']],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors.map((e) => e.column)).toEqual(['身份证号', '手机', '党员状态']);
  });

  it('reports a missing required column once, on the header row', async () => {
    const file = await makeRosterFile({
      title: '党员花名册',
      headers: ['序号', '姓名', '性别', '民族', '人员类别'],
      rows: [[1, '张三', '男', '汉族', '正式党员']],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([{ row: 2, column: '公民身份号码', message: '缺少必填列“公民身份号码”' }]);
  });

  it('reports a sheet without any header row', async () => {
    const file = await makeRosterFile({ headers: ['甲', '乙', '丙'], rows: [['1', '2', '3']] });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.message).toContain('未找到表头');
  });

  it('skips empty rows, rows numbered but not filled in, and the template’s 示例 row', async () => {
    const file = await makeRosterFile({
      headers: ['序号', '姓名', '公民身份号码', '性别'],
      rows: [
        ['示例', '张三', ID_C, '男'],
        [1, '张三', ID_A, '男'],
        [],
        [null, '   ', '', null],
        [3, null, null, null],
        [4, '李四', ID_B, '女'],
        [5],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.name])).toEqual([
      [3, '张三'],
      [7, '李四'],
    ]);
  });

  it('carries a vertically merged 党支部 down and passes over a note merged across the row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(['序号', '姓名', '公民身份号码', '所在党支部', '所在党小组']);
    sheet.addRow([1, '张三', ID_A, '机关第一党支部']);
    sheet.addRow([2, '李四', ID_B, null]);
    sheet.addRow([3, '王五', ID_C, null]);
    sheet.mergeCells('D2:D4');
    sheet.addRow([4, '赵六', makeValidIdNumber(4, '1970-01-01', 'female'), '机关第二党支部', null]);
    sheet.mergeCells('D5:E5');
    sheet.addRow(['注：本表由政治部填报', null, null, null]);
    sheet.mergeCells('A6:E6');
    const parsed = await parseRosterWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.name, r.branchName])).toEqual([
      ['张三', '机关第一党支部'],
      ['李四', '机关第一党支部'],
      ['王五', '机关第一党支部'],
      ['赵六', '机关第二党支部'],
    ]);
    // A cell merged across columns fills only its own column.
    expect(parsed.rows[3]?.cellName).toBeNull();
  });

  it('refuses more than 20,000 rows with one error', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => [`人${String(i)}`, String(i)]);
    const file = await makeRosterFile({ headers: ['姓名', '公民身份号码', '性别'], rows });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([{ row: 20_002, column: '', message: '一次最多导入20000行' }]);
  }, 60_000);
});

describe('parseRosterWorkbook: cell types', () => {
  it('reads Excel dates as calendar days and every text form of a date', async () => {
    const forms: unknown[] = [
      new Date(Date.UTC(2019, 6, 1)),
      '2019.07.01',
      '2019-7-1',
      '2019/7/1',
      '2019年7月1日',
      '20190701',
      20190701,
      '2019-07-01 00:00:00',
      '２０１９年７月１日',
    ];
    const ids = forms.map((_, i) => makeValidIdNumber(i, '1980-01-01', 'male'));
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '入党日期', '人员类别'],
      rows: forms.map((form, i) => [`党员${String(i)}`, ids[i], form, '正式党员']),
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.joinedOn)).toEqual(forms.map(() => '2019-07-01'));
  });

  it('reads a date serial that lost its date format', async () => {
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '入党日期', '转正日期'],
      rows: [['张三', ID_A, 43_647, 44_013]],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]?.joinedOn).toBe('2019-07-01');
    expect(parsed.rows[0]?.confirmedOn).toBe('2020-07-01');
  });

  it('reports an impossible or unreadable date naming its column', async () => {
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '入党时间', '转正日期'],
      rows: [
        ['张三', ID_A, '2019-02-30', null],
        ['李四', ID_B, '2019-07-01', '明年'],
        ['王五', ID_C, 2005, null],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      { row: 2, column: '入党时间', message: DATE_MESSAGE('2019-02-30') },
      { row: 3, column: '转正日期', message: DATE_MESSAGE('明年') },
      { row: 4, column: '入党时间', message: DATE_MESSAGE('2005') },
    ]);
  });

  it('reads rich text, formula results and hyperlinks as the text they show', async () => {
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '联系电话', '工作部门', '人员类别'],
      rows: [
        [
          { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] },
          { formula: 'TRIM("x")', result: ID_A },
          { text: '13812345678', hyperlink: 'tel:13812345678' },
          { richText: [{ text: '立案' }, { text: '庭' }] },
          { formula: '"正式党员"', result: '正式党员' },
        ],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      name: '张三',
      idNumber: ID_A,
      phone: '13812345678',
      departmentName: '立案庭',
      status: 'full',
    });
  });

  it('tells the user an ID number was stored as a number', async () => {
    const file = await makeRosterFile({
      headers: ['姓名', '身份证号码', '性别'],
      rows: [
        ['张三', Number(ID_A.slice(0, 17)) * 10, '男'],
        ['李四', '1.41026E+17', '女'],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    const message = '身份证号被存为数字，请将该列设为文本格式后重新填写';
    expect(parsed.errors).toEqual([
      { row: 2, column: '身份证号码', message },
      { row: 3, column: '身份证号码', message },
    ]);
  });

  it('reads a phone typed as a number and full-width digits', async () => {
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '手机'],
      rows: [
        ['张三', ID_A, 13_812_345_678],
        ['李四', ID_B, '０３５７－１２３４５６７'],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.phone)).toEqual(['13812345678', '0357-1234567']);
  });
});

describe('parseRosterWorkbook: validation', () => {
  it('checks the ID number: check digit, format, birth date, required', async () => {
    const badDate = '14102619900230123';
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '性别'],
      rows: [
        ['甲', withBadCheckChar(ID_A), null],
        ['乙', '12345', null],
        ['丙', badDate + computeIdCheckChar(badDate), null],
        ['丁', null, '男'],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      { row: 2, column: '公民身份号码', message: ID_NUMBER_PROBLEM_MESSAGES.checkDigit },
      { row: 3, column: '公民身份号码', message: ID_NUMBER_PROBLEM_MESSAGES.format },
      { row: 4, column: '公民身份号码', message: ID_NUMBER_PROBLEM_MESSAGES.birthDate },
      { row: 5, column: '公民身份号码', message: '请填写公民身份号码' },
    ]);
  });

  it('reports an ID number repeated in the file on the later row, naming the first', async () => {
    const file = await makeRosterFile({
      title: '花名册',
      headers: ['姓名', '公民身份号码', '性别'],
      rows: [
        ['张三', ID_A, '男'],
        ['李四', ID_B, '女'],
        ['张三', ` ${ID_A.toLowerCase()} `, '男'],
        ['张三', ID_A, null],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.rows.map((r) => r.row)).toEqual([3, 4]);
    expect(parsed.errors).toEqual([
      { row: 5, column: '公民身份号码', message: '与第3行的公民身份号码重复' },
      { row: 6, column: '公民身份号码', message: '与第3行的公民身份号码重复' },
    ]);
  });

  it('maps every status text and rejects unknown ones with the accepted values', async () => {
    const texts: [string | null, string][] = [
      ['正式党员', 'full'],
      ['中共党员', 'full'],
      ['预备党员', 'probationary'],
      ['中共预备党员', 'probationary'],
      ['发展对象', 'candidate'],
      ['入党积极分子', 'activist'],
      ['入党申请人', 'applicant'],
      ['群众', 'non_party'],
      [null, 'non_party'],
    ];
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '人员类别'],
      rows: [
        ...texts.map(([text], i) => [`人${String(i)}`, makeValidIdNumber(i, '1980-05-05', 'female'), text]),
        ['错', makeValidIdNumber(99, '1980-05-05', 'female'), '党外人士'],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.rows.map((r) => r.status)).toEqual(texts.map(([, status]) => status));
    expect(parsed.errors).toEqual([
      {
        row: 11,
        column: '人员类别',
        message: '人员类别“党外人士”无法识别，可填写：正式党员、预备党员、发展对象、入党积极分子、入党申请人、群众',
      },
    ]);
  });

  it('takes gender from 性别 or the ID number and rejects a contradiction', async () => {
    const female = makeValidIdNumber(5, '1992-02-29', 'female');
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '性别', '出生日期'],
      rows: [
        ['张三', ID_A, '男', null],
        ['李四', female, null, null],
        ['王五', ID_C, '女', null],
        ['赵六', ID_B, '未知', null],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.rows.map((r) => [r.name, r.gender, r.birthDate])).toEqual([
      ['张三', 'male', '1985-03-12'],
      ['李四', 'female', '1992-02-29'],
    ]);
    expect(parsed.errors).toEqual([
      { row: 4, column: '性别', message: '性别“女”与公民身份号码不符（按公民身份号码应为“男”）' },
      { row: 5, column: '性别', message: '性别“未知”无法识别，应填写“男”或“女”' },
    ]);
  });

  it('maps education and retirement texts', async () => {
    const cases: [string, string, string | null, boolean][] = [
      ['博士研究生', 'postgraduate', '是', true],
      ['硕士', 'postgraduate', '否', false],
      ['大学本科', 'bachelor', 'Y', true],
      ['本科', 'bachelor', 'n', false],
      ['大学专科', 'college', '离休', true],
      ['大专', 'college', '在职', false],
      ['专科', 'college', null, false],
      ['中专', 'secondary', '退休', true],
      ['高中', 'secondary', null, false],
      ['中专及高中', 'secondary', null, false],
      ['初中', 'primary', null, false],
      ['小学', 'primary', null, false],
      ['初中及以下', 'primary', null, false],
    ];
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '学历', '是否离退休'],
      rows: cases.map(([education, , retired], i) => [
        `人${String(i)}`,
        makeValidIdNumber(i, '1960-10-10', 'male'),
        education,
        retired,
      ]),
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.education, r.retired])).toEqual(cases.map(([, e, , r]) => [e, r]));
  });

  it('reports every error of every row, sorted by row then column', async () => {
    const file = await makeRosterFile({
      headers: [
        '序号',
        '姓名',
        '公民身份号码',
        '性别',
        '人员类别',
        '入党日期',
        '转正日期',
        '联系电话',
        '是否离退休',
        '学历',
      ],
      rows: [
        [1, null, withBadCheckChar(ID_A), '男', '正式党员', '2019-07-01', '2018-07-01', '12345', '也许', '留学'],
        [2, '张'.repeat(31), ID_B, '女', '预备党员', null, null, null, null, null],
        [3, '王五', ID_C, '男', '正式党员', null, null, '13900001111', '否', '本科'],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.errors).toEqual([
      { row: 2, column: '姓名', message: '请填写姓名' },
      { row: 2, column: '公民身份号码', message: ID_NUMBER_PROBLEM_MESSAGES.checkDigit },
      { row: 2, column: '转正日期', message: '转正日期（2018-07-01）早于入党日期（2019-07-01）' },
      { row: 2, column: '联系电话', message: '联系电话“12345”不正确，应为11位手机号或带区号的固定电话' },
      { row: 2, column: '是否离退休', message: '是否离退休“也许”无法识别，应填写“是”或“否”' },
      {
        row: 2,
        column: '学历',
        message: '学历“留学”无法识别，可填写：研究生、大学本科、大学专科、中专及高中、初中及以下',
      },
      { row: 3, column: '姓名', message: '姓名最多30个字' },
    ]);
    // A party member without 入党日期 is allowed.
    expect(parsed.rows.map((r) => [r.row, r.status, r.joinedOn])).toEqual([[4, 'full', null]]);
  });

  it('fills the day of a 出生年月 from the ID number', async () => {
    const file = await makeRosterFile({
      headers: ['姓名', '公民身份号码', '出生年月'],
      rows: [
        ['张三', ID_A, '1985.03'],
        ['李四', ID_B, new Date(Date.UTC(1990, 10, 1))],
        ['王五', ID_C, '1979.07'],
      ],
    });
    const parsed = await parseRosterWorkbook(file);
    expect(parsed.rows.map((r) => r.birthDate)).toEqual(['1985-03-12', '1990-11-30']);
    expect(parsed.errors).toEqual([{ row: 4, column: '出生年月', message: DATE_MESSAGE('1979.07') }]);
  });
});

describe('parseRosterWorkbook: files that are not workbooks', () => {
  it('throws INVALID_FILE for a zip that is not a workbook', async () => {
    for (const zip of [makeZip({ 'readme.txt': '这不是工作簿' }), makeZip({ '[Content_Types].xml': '<x' })]) {
      const error: unknown = await parseRosterWorkbook(zip).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_FILE');
      expect((error as AppError).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

const PEOPLE: PersonRecord[] = [
  {
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
    position: '=HYPERLINK("http://evil","点我")',
    phone: '13812345678',
    retired: false,
    workPost: 'civil_servant',
    nativePlace: '山西临汾',
    partyStanding: 'normal',
    sponsors: '赵六、钱七',
    transferredInOn: '2012-03-01',
    appliedOn: '2006-09-01',
    activistOn: '2006-12-01',
    candidateOn: '2007-12-01',
  },
  {
    name: '李四',
    gender: 'female',
    ethnicity: '回族',
    birthDate: '1990-11-30',
    idNumber: ID_B,
    education: 'postgraduate',
    status: 'probationary',
    joinedOn: '2023-06-30',
    confirmedOn: null,
    branchName: '机关第二党支部',
    cellName: null,
    departmentName: '-执行局',
    position: '@法官助理',
    phone: '0357-1234567',
    retired: false,
    ...NO_NATIONAL_FIELDS,
    workPost: 'professional',
    partyStanding: 'stopped',
  },
  {
    name: '王五',
    gender: 'male',
    ethnicity: null,
    birthDate: '1978-07-01',
    idNumber: ID_C,
    education: null,
    status: 'non_party',
    joinedOn: null,
    confirmedOn: null,
    branchName: null,
    cellName: null,
    departmentName: '办公室',
    position: '+1',
    phone: null,
    retired: true,
    ...NO_NATIONAL_FIELDS,
  },
];

const GENERATED_AT = new Date('2024-05-01T06:30:00Z');

describe('buildRosterWorkbook', () => {
  it('writes title, export note, styled headers and masked numbers', async () => {
    const buffer = await buildRosterWorkbook(PEOPLE, {
      title: '安泽县人民法院党员花名册',
      full: false,
      generatedAt: GENERATED_AT,
    });
    const sheet = await loadSheet(buffer);
    expect(sheet.name).toBe('党员花名册');
    expect(sheet.getCell('A1').text).toBe('安泽县人民法院党员花名册');
    expect(sheet.getCell('A1').font.bold).toBe(true);
    expect(sheet.getCell('A1').font.size).toBe(16);
    expect(sheet.getCell('A1').alignment.horizontal).toBe('center');
    expect(sheet.getCell('X1').isMerged).toBe(true);
    expect(sheet.getCell('A2').text).toBe('导出时间：2024-05-01 14:30（身份证号、手机号已脱敏）');
    expect(rowTexts(sheet, 3, COLUMNS)).toEqual(NATIONAL_HEADERS);
    expect(sheet.getCell('B3').font.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(20);

    expect(rowTexts(sheet, 4, COLUMNS)).toEqual([
      '1',
      '张三',
      '男',
      maskIdNumber(ID_A),
      '汉族',
      '30—39岁', // the age band on the export's day, not the birth date (masked export)
      '大学本科',
      '正式党员',
      '机关第一党支部',
      '2008-07-01',
      '2009-07-01',
      '党政机关工作人员',
      maskPhone('13812345678'),
      '山西临汾',
      '正常',
      '赵六、钱七',
      '2012-03-01',
      '2006-09-01',
      '2006-12-01',
      '2007-12-01',
      '第一党小组',
      '立案庭',
      `'=HYPERLINK("http://evil","点我")`,
      '否',
    ]);
    expect(rowTexts(sheet, 6, COLUMNS)).toEqual([
      '3',
      '王五',
      '男',
      maskIdNumber(ID_C),
      '',
      '40—49岁',
      '',
      '群众',
      '',
      '',
      '',
      '',
      '',
      '',
      '', // 群众 have no 党籍状态
      '',
      '',
      '',
      '',
      '',
      '',
      '办公室',
      "'+1",
      '是',
    ]);
    // Dates, ID numbers and phones are text, never numbers or Excel dates.
    for (const col of [4, 6, 10, 11, 13, 17, 18, 19, 20]) expect(typeof sheet.getCell(4, col).value).toBe('string');
    // No cell is a formula.
    sheet.eachRow((row) => {
      row.eachCell((cell) => expect(cell.formula).toBeFalsy());
    });
  });

  it('writes full numbers only when asked, and says so', async () => {
    const buffer = await buildRosterWorkbook(PEOPLE, { title: '花名册', full: true, generatedAt: GENERATED_AT });
    const sheet = await loadSheet(buffer);
    expect(sheet.getCell('A2').text).toBe('导出时间：2024-05-01 14:30（含完整号码，请妥善保管）');
    expect(sheet.getCell('D4').value).toBe(ID_A);
    expect(sheet.getCell('M4').value).toBe('13812345678');
    expect(sheet.getCell('M5').value).toBe('0357-1234567');
  });

  it('escapes formula-like text in the title too', async () => {
    const buffer = await buildRosterWorkbook([], { title: '=1+1', full: false, generatedAt: GENERATED_AT });
    const sheet = await loadSheet(buffer);
    expect(sheet.getCell('A1').value).toBe("'=1+1");
    expect(sheet.getCell('A1').formula).toBeFalsy();
  });

  it('round-trips: a full export parses back to the same people, formula text unescaped', async () => {
    const buffer = await buildRosterWorkbook(PEOPLE, {
      title: '安泽县人民法院党员花名册',
      full: true,
      generatedAt: GENERATED_AT,
    });
    const parsed = await parseRosterWorkbook(buffer);
    expect(parsed.errors).toEqual([]);
    expect(parsed.columns).toEqual(NATIONAL_HEADERS);
    expect(parsed.rows.map(({ row: _row, ...rest }) => rest)).toEqual(PEOPLE);
    expect(parsed.rows.map((r) => r.row)).toEqual([4, 5, 6]);
  });

  it('a masked export does not re-import as valid people', async () => {
    const buffer = await buildRosterWorkbook(PEOPLE, { title: '花名册', full: false, generatedAt: GENERATED_AT });
    const parsed = await parseRosterWorkbook(buffer);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.filter((e) => e.column === '公民身份号码')).toHaveLength(3);
  });
});

describe('buildRosterTemplate', () => {
  it('has a title, the headers, an example row that import skips, widths and dropdowns', async () => {
    const buffer = await buildRosterTemplate();
    const sheet = await loadSheet(buffer);
    expect(sheet.getCell('A1').text).toBe('党员花名册导入模板');
    const headers = rowTexts(sheet, 2, COLUMNS);
    expect(headers).toEqual(NATIONAL_HEADERS.map((h) => (h === '姓名' || h === '公民身份号码' ? `${h}（必填）` : h)));
    expect(sheet.getCell('A3').text).toBe('示例');
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(20);
    expect(sheet.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(sheet.getCell('H10').dataValidation.formulae).toEqual([
      '"正式党员,预备党员,发展对象,入党积极分子,入党申请人,群众"',
    ]);
    expect(sheet.getCell('X10').dataValidation.formulae).toEqual(['"是,否"']);
    expect(sheet.getCell('O10').dataValidation.formulae).toEqual(['"正常,停止党籍"']);
    expect(sheet.getCell('D10').numFmt).toBe('@');

    const parsed = await parseRosterWorkbook(buffer);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([]);
  });

  it('parses once the example row is filled in as a real person', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildRosterTemplate()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    sheet.getCell('A4').value = 1;
    sheet.getCell('B4').value = '李四';
    sheet.getCell('D4').value = ID_B;
    sheet.getCell('H4').value = '发展对象';
    const parsed = await parseRosterWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toMatchObject([
      { row: 4, name: '李四', idNumber: ID_B, gender: 'female', status: 'candidate' },
    ]);
  });
});

describe('a large roster', () => {
  it('parses 10,000 people', async () => {
    const file = await makeRosterFileOfSize(10_000);
    const started = performance.now();
    const parsed = await parseRosterWorkbook(file);
    const ms = performance.now() - started;
    console.log(
      `parseRosterWorkbook: 10,000 rows (${String(Math.round(file.length / 1024))} KB) in ${String(Math.round(ms))} ms`,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(10_000);
    expect(new Set(parsed.rows.map((r) => r.idNumber)).size).toBe(10_000);
    expect(new Set(parsed.rows.map((r) => r.cellName))).toEqual(
      new Set(['第一党小组', '第二党小组', '第三党小组', '第四党小组']),
    );
    expect(parsed.rows.every((r) => r.branchName === BENCH_BRANCH)).toBe(true);

    const exportStarted = performance.now();
    const exported = await buildRosterWorkbook(
      parsed.rows.map(({ row: _row, ...person }) => person),
      { title: '安泽县人民法院党员花名册', full: false, generatedAt: GENERATED_AT },
    );
    console.log(`buildRosterWorkbook: 10,000 rows in ${String(Math.round(performance.now() - exportStarted))} ms`);
    expect(exported.length).toBeGreaterThan(0);
  }, 120_000);
});
