/**
 * Builders of .xlsx files for the roster tests and the import benchmark: the shapes offices'
 * real files come in (a title row above the header, any column order, odd cell types).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { computeIdCheckChar, type Gender } from '@qizhi/domain';

export interface RosterFileSpec {
  /** Merged across the header's width in row 1 when given. */
  title?: string;
  /** Blank rows between the title (or the top) and the header row. */
  blankRowsAboveHeader?: number;
  headers: string[];
  /** Cell values as exceljs takes them: strings, numbers, Dates, rich text, formulas, null … */
  rows: unknown[][];
  sheetName?: string;
}

/** An .xlsx with one sheet laid out as `spec` says; the header row is 1, or 2 below a title, plus the blank rows. */
export async function makeRosterFile(spec: RosterFileSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.sheetName ?? 'Sheet1');
  let r = 1;
  if (spec.title !== undefined) {
    sheet.getCell(1, 1).value = spec.title;
    if (spec.headers.length > 1) sheet.mergeCells(1, 1, 1, spec.headers.length);
    r = 2;
  }
  r += spec.blankRowsAboveHeader ?? 0;
  spec.headers.forEach((header, c) => {
    sheet.getCell(r, c + 1).value = header;
  });
  for (const values of spec.rows) {
    r += 1;
    values.forEach((value, c) => {
      if (value !== undefined) sheet.getCell(r, c + 1).value = value as ExcelJS.CellValue;
    });
  }
  return toBuffer(workbook);
}

/** The row number of the header `makeRosterFile` writes for `spec`. */
export function headerRowOf(spec: Pick<RosterFileSpec, 'title' | 'blankRowsAboveHeader'>): number {
  return (spec.title !== undefined ? 2 : 1) + (spec.blankRowsAboveHeader ?? 0);
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

/**
 * A valid 18-digit 公民身份号码 of 安泽县 (141026) born on `birthDate` (YYYY-MM-DD). Seeds that
 * differ modulo 500 give different numbers for the same birth date and gender.
 */
export function makeValidIdNumber(seed: number, birthDate: string, gender: Gender): string {
  const sequence = (Math.abs(Math.trunc(seed)) % 500) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `141026${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(first17)) throw new Error(`bad birth date for an ID number: ${birthDate}`);
  return first17 + computeIdCheckChar(first17);
}

/** The same number with a wrong check character. */
export function withBadCheckChar(id: string): string {
  const right = id.slice(-1);
  const wrong = right === '0' ? '1' : '0';
  return id.slice(0, -1) + wrong;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志宏文斌'.split('');
const GROUPS = ['第一党小组', '第二党小组', '第三党小组', '第四党小组'];
const DEPARTMENTS = ['立案庭', '刑事审判庭', '民事审判庭', '行政审判庭', '执行局', '办公室', '政治部', '府城人民法庭'];
const POSITIONS = ['四级法官', '法官助理', '书记员', '一级主任科员', '副庭长', '庭长'];
export const BENCH_BRANCH = '安泽县人民法院机关党支部';
export const BENCH_GROUPS: readonly string[] = GROUPS;

export const BENCH_HEADERS = [
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
];

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Person `i` (0-based) of the benchmark roster, as the cells of one row under BENCH_HEADERS. */
export function benchPersonCells(i: number): unknown[] {
  const gender: Gender = i % 2 === 0 ? 'male' : 'female';
  const birthDate = addDays('1962-01-01', Math.floor(i / 500) * 97 + (i % 7));
  const name =
    (SURNAMES[i % SURNAMES.length] ?? '王') +
    (GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] ?? '') +
    (i % 3 === 0 ? '' : (GIVEN[(i * 7) % GIVEN.length] ?? ''));
  const kind = i % 10;
  const status = kind < 7 ? '正式党员' : kind === 7 ? '预备党员' : kind === 8 ? '入党积极分子' : '群众';
  const birthYear = Number(birthDate.slice(0, 4));
  const joinedOn = kind <= 7 ? `${String(birthYear + 24 + (i % 10))}-07-01` : null;
  const confirmedOn = kind < 7 ? `${String(birthYear + 25 + (i % 10))}-07-01` : null;
  return [
    i + 1,
    name,
    gender === 'male' ? '男' : '女',
    i % 13 === 0 ? '回族' : '汉族',
    birthDate,
    makeValidIdNumber(i % 500, birthDate, gender),
    i % 3 === 0 ? '研究生' : '大学本科',
    status,
    joinedOn,
    confirmedOn,
    BENCH_BRANCH,
    GROUPS[i % GROUPS.length],
    DEPARTMENTS[i % DEPARTMENTS.length],
    POSITIONS[i % POSITIONS.length],
    `138${String(i).padStart(8, '0')}`,
    i % 17 === 0 ? '是' : '否',
  ];
}

/** A roster of `n` valid, distinct people below a title row, as the import benchmark reads. */
export async function makeRosterFileOfSize(n: number): Promise<Buffer> {
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) rows.push(benchPersonCells(i));
  return makeRosterFile({ title: '安泽县人民法院党员花名册', headers: BENCH_HEADERS, rows });
}

/** A zip of stored (or, with `deflate`, compressed) files: a real zip that is not a workbook. */
export function makeZip(files: Record<string, string | Buffer>, opts: { deflate?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const crc = crc32(raw);
    const data = opts.deflate ? deflateRawSync(raw, { level: 9 }) : raw;
    const method = opts.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(files).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
