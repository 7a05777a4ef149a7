/**
 * 党员花名册 Excel: reads the rosters courts already keep (title rows, synonyms for the column
 * names, dates typed every which way) and writes the roster and the import template.
 *
 * Pure functions over buffers: no database, no request. The service decides what to do with the
 * rows and errors this returns.
 */
import ExcelJS from 'exceljs';
import {
  computeIdCheckChar,
  EDUCATION_LABELS,
  findIdNumberProblem,
  GENDER_LABELS,
  ID_NUMBER_PROBLEM_MESSAGES,
  isValidPhone,
  maskIdNumber,
  maskPhone,
  MEMBERSHIP_STATUS_LABELS,
  NON_PARTY_LABEL,
  normalizeIdNumber,
  normalizePhone,
  parseIdBirthDate,
  parseIdGender,
  parseLooseDate,
  type EducationLevel,
  type Gender,
  type ImportError,
  type PersonStatus,
} from '@qizhi/domain';
import { AppError } from '../../platform/errors.ts';

export interface RosterRow {
  /** 1-based Excel row number of this record. */
  row: number;
  name: string;
  gender: Gender | null;
  ethnicity: string | null;
  birthDate: string | null;
  idNumber: string;
  education: EducationLevel | null;
  status: PersonStatus;
  joinedOn: string | null;
  confirmedOn: string | null;
  branchName: string | null;
  cellName: string | null;
  departmentName: string | null;
  position: string | null;
  phone: string | null;
  retired: boolean;
}

export interface ParsedRoster {
  rows: RosterRow[];
  errors: ImportError[];
  /** Header texts found, in sheet order. */
  columns: string[];
}

/** What the export writes: the same fields; a person may lack an ID number in the database. */
export interface RosterExportRow {
  name: string;
  gender: Gender | null;
  ethnicity: string | null;
  birthDate: string | null;
  idNumber: string | null;
  education: EducationLevel | null;
  status: PersonStatus;
  joinedOn: string | null;
  confirmedOn: string | null;
  branchName: string | null;
  cellName: string | null;
  departmentName: string | null;
  position: string | null;
  phone: string | null;
  retired: boolean;
}

const MAX_IMPORT_ROWS = 20_000;
const HEADER_SEARCH_ROWS = 10;
const SHEET_NAME = '党员花名册';

// ---------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------

type Field =
  | 'seq'
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birthDate'
  | 'idNumber'
  | 'education'
  | 'status'
  | 'joinedOn'
  | 'confirmedOn'
  | 'branchName'
  | 'cellName'
  | 'departmentName'
  | 'position'
  | 'phone'
  | 'retired';

/** Export order; the first name of each field is the header the export and the template write. */
const FIELDS: readonly Field[] = [
  'seq',
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'idNumber',
  'education',
  'status',
  'joinedOn',
  'confirmedOn',
  'branchName',
  'cellName',
  'departmentName',
  'position',
  'phone',
  'retired',
];

const HEADER_NAMES: Record<Field, readonly string[]> = {
  seq: ['序号'],
  name: ['姓名'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生日期', '出生年月'],
  idNumber: ['公民身份号码', '身份证号', '身份证号码', '公民身份证号码', '公民身份证号', '身份证'],
  education: ['学历', '文化程度', '最高学历'],
  status: ['人员类别', '党员状态', '政治面貌'],
  joinedOn: ['入党日期', '入党时间'],
  confirmedOn: ['转正日期', '转为正式党员日期', '转正时间'],
  branchName: ['所在党支部', '党支部'],
  cellName: ['所在党小组', '党小组'],
  departmentName: ['工作部门', '部门', '所在部门'],
  position: ['职务', '职务（职级）'],
  phone: ['联系电话', '手机号码', '手机', '手机号', '电话'],
  retired: ['是否离退休', '离退休'],
};

const COLUMN_WIDTHS: Record<Field, number> = {
  seq: 7,
  name: 11,
  gender: 7,
  ethnicity: 8,
  birthDate: 12,
  idNumber: 22,
  education: 12,
  status: 13,
  joinedOn: 12,
  confirmedOn: 12,
  branchName: 26,
  cellName: 15,
  departmentName: 18,
  position: 18,
  phone: 15,
  retired: 11,
};

const MAX_LENGTHS: Partial<Record<Field, number>> = {
  name: 30,
  ethnicity: 20,
  branchName: 60,
  cellName: 60,
  departmentName: 60,
  position: 40,
};

const FIELD_BY_HEADER = new Map<string, Field>(
  FIELDS.flatMap((field) => HEADER_NAMES[field].map((header) => [headerKey(header), field] as const)),
);

/** What a header cell says, for messages: whitespace (a padded "姓  名", a wrapped line) removed. */
function headerDisplay(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The header as matched: no whitespace, either kind of brackets, no "*" or "（必填）" marks. */
function headerKey(text: string): string {
  let key = headerDisplay(text).replace(/\(/g, '（').replace(/\)/g, '）');
  for (;;) {
    const next = key.replace(/^[*＊]+/, '').replace(/(?:[*＊]|（必填）)$/, '');
    if (next === key) return key;
    key = next;
  }
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

type Scalar = string | number | boolean | Date | null;

/** The value a cell shows: rich text joined, a hyperlink's text, a formula's cached result. */
function scalarOf(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    const parts: unknown[] = value.richText;
    return parts.map((part) => (isTextRun(part) ? part.text : '')).join('');
  }
  if ('hyperlink' in value && 'text' in value) return scalarOf(value.text);
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? scalarOf(value.result) : null;
  if ('error' in value && typeof value.error === 'string') return value.error;
  return null;
}

function isTextRun(part: unknown): part is { text: string } {
  return typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string';
}

function isBlank(value: Scalar): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** Escapes text Excel, WPS or LibreOffice would otherwise run as a formula (CSV/formula injection). */
export function escapeFormulaCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Undoes {@link escapeFormulaCell}: one leading apostrophe before = + - @ (or tab/CR) goes. */
function unescapeFormulaCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Full-width letters, digits and signs (typed with a Chinese input method) to ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function isoOfUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The text a cell shows, trimmed and unescaped; null when empty. */
function textOf(value: Scalar): string | null {
  if (value === null) return null;
  let text: string;
  if (typeof value === 'string') text = unescapeFormulaCell(value.trim()).trim();
  else if (typeof value === 'number') text = String(value);
  else if (typeof value === 'boolean') text = value ? '是' : '否';
  else text = Number.isNaN(value.getTime()) ? '' : isoOfUtc(value);
  return text === '' ? null : text;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

type DateRead = { ok: true; iso: string | null } | { ok: false; shown: string };

/**
 * A date cell: an Excel date (a calendar day in UTC, as exceljs gives it), a serial number
 * without a date format, 20190701 typed as a number, or text in any form parseLooseDate reads.
 */
function readDate(value: Scalar): DateRead {
  if (isBlank(value)) return { ok: true, iso: null };
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return { ok: false, shown: String(value) };
    // A serial read through floating point may land a millisecond before midnight.
    const iso = isoOfUtc(new Date(Math.round(time / 1000) * 1000));
    return parseLooseDate(iso) ? { ok: true, iso } : { ok: false, shown: iso };
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 19_000_101 && value <= 21_001_231) {
      const iso = parseLooseDate(String(value));
      return iso ? { ok: true, iso } : { ok: false, shown: String(value) };
    }
    // A serial number that lost its date format; smaller numbers are more likely a bare year.
    if (value >= 3_654 && value < 73_051) {
      return { ok: true, iso: isoOfUtc(new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS)) };
    }
    return { ok: false, shown: String(value) };
  }
  const text = textOf(value) ?? '';
  const iso = parseLooseDate(toHalfWidth(text).replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, ''));
  return iso ? { ok: true, iso } : { ok: false, shown: text };
}

function dateMessage(shown: string): string {
  return `日期“${shown}”不存在或格式无法识别（可写作 2019-07-01、2019.7.1 或 2019年7月1日）`;
}

// ---------------------------------------------------------------------------------------------
// Value vocabularies
// ---------------------------------------------------------------------------------------------

const STATUS_BY_TEXT = new Map<string, PersonStatus>([
  ['正式党员', 'full'],
  ['中共党员', 'full'],
  ['中共正式党员', 'full'],
  ['中国共产党党员', 'full'],
  ['党员', 'full'],
  ['预备党员', 'probationary'],
  ['中共预备党员', 'probationary'],
  ['发展对象', 'candidate'],
  ['入党积极分子', 'activist'],
  ['积极分子', 'activist'],
  ['入党申请人', 'applicant'],
  ['申请人', 'applicant'],
  [NON_PARTY_LABEL, 'non_party'],
  ['共青团员', 'non_party'],
  ['无党派人士', 'non_party'],
]);
const STATUS_CHOICES = [...Object.values(MEMBERSHIP_STATUS_LABELS).reverse(), NON_PARTY_LABEL];

const EDUCATION_CHOICES = Object.values(EDUCATION_LABELS);

/** 学历 as offices write it: 硕士研究生, 大学本科, 在职大专, 中专, 初中及以下 … */
function educationOf(text: string): EducationLevel | null {
  const t = text.replace(/\s+/g, '');
  if (/研究生|硕士|博士/.test(t)) return 'postgraduate';
  if (/本科|大学$/.test(t)) return 'bachelor';
  if (/大专|专科/.test(t) && !/中等专科/.test(t)) return 'college';
  if (/中专|高中|中技|技校|职高|中等专|中师/.test(t)) return 'secondary';
  if (/初中|小学|以下|文盲/.test(t)) return 'primary';
  return null;
}

const GENDER_BY_TEXT = new Map<string, Gender>([
  ['男', 'male'],
  ['男性', 'male'],
  ['M', 'male'],
  ['MALE', 'male'],
  ['女', 'female'],
  ['女性', 'female'],
  ['F', 'female'],
  ['FEMALE', 'female'],
]);

const RETIRED_BY_TEXT = new Map<string, boolean>([
  ['是', true],
  ['Y', true],
  ['YES', true],
  ['TRUE', true],
  ['√', true],
  ['离休', true],
  ['退休', true],
  ['离退休', true],
  ['已退休', true],
  ['已离休', true],
  ['否', false],
  ['N', false],
  ['NO', false],
  ['FALSE', false],
  ['×', false],
  ['在职', false],
  ['无', false],
]);

/** The 56 nationalities, so that "汉" or "回" is stored as "汉族" / "回族". */
const ETHNIC_GROUPS = new Set(
  (
    '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
    '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 ' +
    '塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
  ).split(' '),
);

function ethnicityOf(text: string): string {
  const t = text.replace(/\s+/g, '');
  return ETHNIC_GROUPS.has(t) ? `${t}族` : t;
}

/** Names padded to line up ("张  三") lose the padding; other names keep single spaces. */
function nameOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return /^[\u3400-\u9fff·•．. ]+$/.test(t) ? t.replace(/ /g, '') : t;
}

function charCount(text: string): number {
  return [...text].length;
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

interface Column {
  col: number;
  /** The header as it appears in the file (whitespace removed), used in messages. */
  header: string;
  key: string;
}

interface SortableError extends ImportError {
  col: number;
}

interface HeaderScan {
  row: number;
  columns: Column[];
  all: string[];
}

function scanHeaderRow(sheet: ExcelJS.Worksheet, rowNumber: number): HeaderScan {
  const columns: Column[] = [];
  const all: string[] = [];
  sheet.getRow(rowNumber).eachCell({ includeEmpty: false }, (cell, col) => {
    if (cell.master.address !== cell.address) return; // the rest of a merged header cell
    const text = textOf(scalarOf(cell.value));
    if (text === null) return;
    const header = headerDisplay(text);
    all.push(header);
    columns.push({ col, header, key: headerKey(header) });
  });
  return { row: rowNumber, columns, all };
}

function knownFields(scan: HeaderScan): Set<Field> {
  const fields = new Set<Field>();
  for (const column of scan.columns) {
    const field = FIELD_BY_HEADER.get(column.key);
    if (field) fields.add(field);
  }
  return fields;
}

/** The first of the first ten rows naming 姓名 and two other known columns. */
function findHeader(sheet: ExcelJS.Worksheet): { scan: HeaderScan; fields: Set<Field> } | null {
  let fallback: { scan: HeaderScan; fields: Set<Field> } | null = null;
  const last = Math.min(HEADER_SEARCH_ROWS, sheet.rowCount);
  for (let r = 1; r <= last; r++) {
    const scan = scanHeaderRow(sheet, r);
    const fields = knownFields(scan);
    if (fields.has('name') && fields.size >= 3) return { scan, fields };
    if (!fallback && fields.size >= 3) fallback = { scan, fields };
  }
  return fallback;
}

interface DataRow {
  row: number;
  cells: Map<number, Scalar>;
}

/**
 * The row's cells when it holds a record; null for rows to pass over: empty, only values carried
 * down from a merged cell above, only a 序号, the template's 示例 row, or one note merged across.
 * A cell merged down the rows (a 党支部 written once for its members) counts on every row.
 */
function readDataRow(row: ExcelJS.Row, seqCols: readonly number[]): DataRow | null {
  const cells = new Map<number, Scalar>();
  const ownCols: number[] = [];
  let mergedAcross = false;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const value = scalarOf(cell.value);
    if (isBlank(value)) return;
    const master = cell.master;
    if (master.address !== cell.address && master.col !== cell.col) {
      // Part of a cell merged across columns: the value belongs to the master's column only.
      mergedAcross = true;
      return;
    }
    cells.set(col, value);
    if (master.address === cell.address) ownCols.push(col);
  });
  if (ownCols.length === 0) return null;
  if (ownCols.length === 1 && mergedAcross) return null;
  if (ownCols.every((col) => seqCols.includes(col))) return null;
  for (const col of seqCols) {
    const seq = cells.get(col);
    if (typeof seq === 'string' && /^(示例|例|样例)[:：]?$/.test(seq.trim())) return null;
  }
  return { row: row.number, cells };
}

export async function parseRosterWorkbook(buffer: Buffer): Promise<ParsedRoster> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'picture', 'drawing', 'tableParts'],
    });
  } catch {
    throw new AppError(
      'INVALID_FILE',
      '文件无法读取：不是有效的 Excel 工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后再上传',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('INVALID_FILE', '文件中没有工作表，请在 Excel 或 WPS 中另存为 .xlsx 后再上传');

  const found = findHeader(sheet);
  if (!found) {
    return {
      rows: [],
      columns: [],
      errors: [
        {
          row: 1,
          column: '',
          message: '未找到表头：第一个工作表的前10行中应有一行列名，至少包括“姓名”“公民身份号码”',
        },
      ],
    };
  }
  const { scan, fields } = found;
  const headerRow = scan.row;
  const missing: ImportError[] = [];
  if (!fields.has('name')) missing.push({ row: headerRow, column: '姓名', message: '缺少必填列“姓名”' });
  if (!fields.has('idNumber')) {
    missing.push({ row: headerRow, column: '公民身份号码', message: '缺少必填列“公民身份号码”' });
  }
  if (missing.length > 0) return { rows: [], errors: missing, columns: scan.all };

  const columnsOf = new Map<Field, Column[]>();
  for (const column of scan.columns) {
    const field = FIELD_BY_HEADER.get(column.key);
    if (!field) continue;
    const list = columnsOf.get(field) ?? [];
    list.push(column);
    columnsOf.set(field, list);
  }
  const seqCols = (columnsOf.get('seq') ?? []).map((c) => c.col);

  const dataRows: DataRow[] = [];
  let overCapAt = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow || overCapAt) return;
    const data = readDataRow(row, seqCols);
    if (!data) return;
    if (dataRows.length >= MAX_IMPORT_ROWS) overCapAt = rowNumber;
    else dataRows.push(data);
  });
  if (overCapAt) {
    return {
      rows: [],
      errors: [{ row: overCapAt, column: '', message: `一次最多导入${String(MAX_IMPORT_ROWS)}行` }],
      columns: scan.all,
    };
  }

  const errors: SortableError[] = [];
  const rows: RosterRow[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const data of dataRows) {
    const record = parseRecord(data, columnsOf, firstRowOfId, errors);
    if (record) rows.push(record);
  }
  errors.sort((a, b) => a.row - b.row || a.col - b.col);
  return { rows, errors: errors.map(({ row, column, message }) => ({ row, column, message })), columns: scan.all };
}

interface FieldValue {
  value: Scalar;
  column: Column | null;
}

function parseRecord(
  data: DataRow,
  columnsOf: ReadonlyMap<Field, Column[]>,
  firstRowOfId: Map<string, number>,
  errors: SortableError[],
): RosterRow | null {
  const rowNumber = data.row;
  let failed = false;
  const get = (field: Field): FieldValue => {
    const columns = columnsOf.get(field) ?? [];
    for (const column of columns) {
      const value = data.cells.get(column.col);
      if (value !== undefined && !isBlank(value)) return { value, column };
    }
    return { value: null, column: columns[0] ?? null };
  };
  const fail = (field: Field, at: FieldValue, message: string): void => {
    failed = true;
    errors.push({
      row: rowNumber,
      column: at.column?.header ?? HEADER_NAMES[field][0] ?? '',
      col: at.column?.col ?? 0,
      message,
    });
  };
  const labelOf = (field: Field, at: FieldValue): string => at.column?.key ?? HEADER_NAMES[field][0] ?? '';

  const text = (field: Field): { at: FieldValue; text: string | null } => {
    const at = get(field);
    const value = textOf(at.value);
    const max = MAX_LENGTHS[field];
    if (value !== null && max !== undefined && charCount(value) > max) {
      fail(field, at, `${labelOf(field, at)}最多${String(max)}个字`);
    }
    return { at, text: value };
  };
  const date = (field: Field): { at: FieldValue; iso: string | null } => {
    const at = get(field);
    const read = readDate(at.value);
    if (read.ok) return { at, iso: read.iso };
    fail(field, at, dateMessage(read.shown));
    return { at, iso: null };
  };

  // 姓名
  const nameCell = get('name');
  const name = nameOf(textOf(nameCell.value) ?? '');
  if (name === '') fail('name', nameCell, '请填写姓名');
  else if (charCount(name) > 30) fail('name', nameCell, '姓名最多30个字');

  // 公民身份号码
  const idCell = get('idNumber');
  let idNumber: string | null = null;
  const idText = textOf(idCell.value);
  if (typeof idCell.value === 'number' || (idText !== null && /^\d(\.\d+)?E\+?\d+$/i.test(idText))) {
    fail('idNumber', idCell, '身份证号被存为数字，请将该列设为文本格式后重新填写');
  } else if (idText === null) {
    fail('idNumber', idCell, '请填写公民身份号码');
  } else {
    const id = normalizeIdNumber(toHalfWidth(idText).replace(/\s+/g, ''));
    const problem = findIdNumberProblem(id);
    if (problem) {
      fail('idNumber', idCell, ID_NUMBER_PROBLEM_MESSAGES[problem]);
    } else {
      idNumber = id;
      const first = firstRowOfId.get(id);
      if (first === undefined) firstRowOfId.set(id, rowNumber);
      else fail('idNumber', idCell, `与第${String(first)}行的公民身份号码重复`);
    }
  }
  const idBirthDate = idNumber ? parseIdBirthDate(idNumber) : null;
  const idGender = idNumber ? parseIdGender(idNumber) : null;

  // 性别
  const genderCell = get('gender');
  const genderText = textOf(genderCell.value);
  let gender: Gender | null = idGender;
  if (genderText !== null) {
    const given = GENDER_BY_TEXT.get(toHalfWidth(genderText).replace(/\s+/g, '').toUpperCase());
    if (!given) fail('gender', genderCell, `性别“${genderText}”无法识别，应填写“男”或“女”`);
    else if (idGender && given !== idGender) {
      fail(
        'gender',
        genderCell,
        `性别“${genderText}”与公民身份号码不符（按公民身份号码应为“${GENDER_LABELS[idGender]}”）`,
      );
    } else gender = given;
  }

  // 民族
  const ethnicityRead = text('ethnicity');
  const ethnicity = ethnicityRead.text === null ? null : ethnicityOf(ethnicityRead.text);

  // 出生日期 / 出生年月
  const birthCell = get('birthDate');
  let birthDate: string | null = idBirthDate;
  if (!isBlank(birthCell.value)) {
    const read = readDate(birthCell.value);
    const monthOnly = yearMonthOf(birthCell.value);
    if (
      birthCell.column?.key === '出生年月' &&
      idBirthDate &&
      (read.ok ? read.iso : monthOnly)?.slice(0, 7) === idBirthDate.slice(0, 7)
    ) {
      birthDate = idBirthDate; // 出生年月 carries no day: the ID number has it
    } else if (read.ok) {
      birthDate = read.iso;
    } else if (monthOnly && idBirthDate && monthOnly === idBirthDate.slice(0, 7)) {
      birthDate = idBirthDate;
    } else {
      fail('birthDate', birthCell, dateMessage(read.shown));
    }
  }

  // 学历
  const educationCell = get('education');
  const educationText = textOf(educationCell.value);
  let education: EducationLevel | null = null;
  if (educationText !== null) {
    education = educationOf(educationText);
    if (!education) {
      fail(
        'education',
        educationCell,
        `${labelOf('education', educationCell)}“${educationText}”无法识别，可填写：${EDUCATION_CHOICES.join('、')}`,
      );
    }
  }

  // 人员类别 / 党员状态 / 政治面貌
  const statusCell = get('status');
  const statusText = textOf(statusCell.value);
  let status: PersonStatus = 'non_party';
  if (statusText !== null) {
    const mapped = STATUS_BY_TEXT.get(statusText.replace(/\s+/g, ''));
    if (mapped) status = mapped;
    else
      fail(
        'status',
        statusCell,
        `${labelOf('status', statusCell)}“${statusText}”无法识别，可填写：${STATUS_CHOICES.join('、')}`,
      );
  }

  // 入党日期、转正日期
  const joined = date('joinedOn');
  const confirmed = date('confirmedOn');
  if (joined.iso && confirmed.iso && confirmed.iso < joined.iso) {
    fail(
      'confirmedOn',
      confirmed.at,
      `${labelOf('confirmedOn', confirmed.at)}（${confirmed.iso}）早于${labelOf('joinedOn', joined.at)}（${joined.iso}）`,
    );
  }

  const branchName = text('branchName').text;
  const cellName = text('cellName').text;
  const departmentName = text('departmentName').text;
  const position = text('position').text;

  // 联系电话
  const phoneCell = get('phone');
  const phoneText = textOf(phoneCell.value);
  let phone: string | null = null;
  if (phoneText !== null) {
    const normalized = normalizePhone(toHalfWidth(phoneText));
    if (isValidPhone(normalized)) phone = normalized;
    else
      fail('phone', phoneCell, `${labelOf('phone', phoneCell)}“${phoneText}”不正确，应为11位手机号或带区号的固定电话`);
  }

  // 是否离退休
  const retiredCell = get('retired');
  let retired = false;
  if (typeof retiredCell.value === 'boolean') {
    retired = retiredCell.value;
  } else {
    const retiredText = textOf(retiredCell.value);
    if (retiredText !== null) {
      const mapped = RETIRED_BY_TEXT.get(toHalfWidth(retiredText).replace(/\s+/g, '').toUpperCase());
      if (mapped === undefined)
        fail('retired', retiredCell, `${labelOf('retired', retiredCell)}“${retiredText}”无法识别，应填写“是”或“否”`);
      else retired = mapped;
    }
  }

  if (failed || idNumber === null) return null;
  return {
    row: rowNumber,
    name,
    gender,
    ethnicity,
    birthDate,
    idNumber,
    education,
    status,
    joinedOn: joined.iso,
    confirmedOn: confirmed.iso,
    branchName,
    cellName,
    departmentName,
    position,
    phone,
    retired,
  };
}

/** "1990.03", "1990-3", "1990年3月" → "1990-03" (a 出生年月 without a day). */
function yearMonthOf(value: Scalar): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$/.exec(toHalfWidth(value.trim()));
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1] ?? ''}-${String(month).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

const THIN = { style: 'thin', color: { argb: 'FF999999' } } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DCDB' } };
const TEXT_FORMAT = '@';
/** Columns kept as text so Excel, WPS and LibreOffice never turn them into numbers or dates. */
const TEXT_FIELDS: ReadonlySet<Field> = new Set<Field>(['birthDate', 'idNumber', 'joinedOn', 'confirmedOn', 'phone']);

function statusLabel(status: PersonStatus): string {
  return status === 'non_party' ? NON_PARTY_LABEL : MEMBERSHIP_STATUS_LABELS[status];
}

/** "YYYY-MM-DD HH:mm" in Beijing time, where every court works. */
function formatShanghai(date: Date): string {
  const iso = new Date(date.getTime() + 8 * 3_600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function newWorkbook(created: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '旗帜';
  workbook.created = created;
  workbook.modified = created;
  return workbook;
}

function addRosterSheet(workbook: ExcelJS.Workbook, frozenRows: number): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: frozenRows }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = FIELDS.map((field) => ({
    key: field,
    width: COLUMN_WIDTHS[field],
    ...(TEXT_FIELDS.has(field) ? { style: { numFmt: TEXT_FORMAT } } : {}),
  }));
  return sheet;
}

function writeTitle(sheet: ExcelJS.Worksheet, rowNumber: number, title: string): void {
  const row = sheet.getRow(rowNumber);
  row.height = 30;
  sheet.mergeCells(rowNumber, 1, rowNumber, FIELDS.length);
  const cell = row.getCell(1);
  cell.value = escapeFormulaCell(title);
  cell.font = { bold: true, size: 16 };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
}

function writeHeaderRow(sheet: ExcelJS.Worksheet, rowNumber: number, headers: readonly string[]): void {
  const row = sheet.getRow(rowNumber);
  row.height = 22;
  headers.forEach((header, i) => {
    const cell = row.getCell(i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

/** The cells of one person in column order; text already escaped. */
function exportCells(person: RosterExportRow, seq: number, full: boolean): (string | number | null)[] {
  const text = (value: string | null): string | null => (value ? escapeFormulaCell(value) : null);
  const date = (value: string | null): string | null => (value ? value.slice(0, 10) : null);
  return [
    seq,
    text(person.name),
    person.gender ? GENDER_LABELS[person.gender] : null,
    text(person.ethnicity),
    date(person.birthDate),
    text(full ? person.idNumber : maskIdNumber(person.idNumber)),
    person.education ? EDUCATION_LABELS[person.education] : null,
    statusLabel(person.status),
    date(person.joinedOn),
    date(person.confirmedOn),
    text(person.branchName),
    text(person.cellName),
    text(person.departmentName),
    text(person.position),
    text(full ? person.phone : maskPhone(person.phone)),
    person.retired ? '是' : '否',
  ];
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

const EXPORT_HEADERS: readonly string[] = FIELDS.map((field) => HEADER_NAMES[field][0] ?? field);

export async function buildRosterWorkbook(
  rows: RosterExportRow[],
  opts: { title: string; full: boolean; generatedAt: Date },
): Promise<Buffer> {
  const workbook = newWorkbook(opts.generatedAt);
  const sheet = addRosterSheet(workbook, 3);
  writeTitle(sheet, 1, opts.title);

  sheet.mergeCells(2, 1, 2, FIELDS.length);
  const note = sheet.getCell(2, 1);
  note.value = `导出时间：${formatShanghai(opts.generatedAt)}（${opts.full ? '含完整号码，请妥善保管' : '身份证号、手机号已脱敏'}）`;
  note.alignment = { horizontal: 'left', vertical: 'middle' };
  note.font = { size: 10, color: { argb: opts.full ? 'FFC00000' : 'FF595959' } };

  writeHeaderRow(sheet, 3, EXPORT_HEADERS);
  const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle' };
  const left: Partial<ExcelJS.Alignment> = { vertical: 'middle' };
  const centered = new Set<Field>([
    'seq',
    'gender',
    'ethnicity',
    'birthDate',
    'joinedOn',
    'confirmedOn',
    'status',
    'retired',
  ]);
  rows.forEach((person, i) => {
    const row = sheet.getRow(4 + i);
    exportCells(person, i + 1, opts.full).forEach((value, c) => {
      const field = FIELDS[c];
      const cell = row.getCell(c + 1);
      if (value !== null) cell.value = value;
      cell.border = BORDER;
      cell.alignment = field && centered.has(field) ? center : left;
      if (field && TEXT_FIELDS.has(field)) cell.numFmt = TEXT_FORMAT;
    });
  });
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + rows.length, column: FIELDS.length } };
  return toBuffer(workbook);
}

/** The template's header names: the export's, with the two required columns marked. */
const TEMPLATE_HEADERS: readonly string[] = FIELDS.map((field) => {
  const header = HEADER_NAMES[field][0] ?? field;
  return field === 'name' || field === 'idNumber' ? `${header}（必填）` : header;
});

/** Rows below the header that get the dropdowns. */
const TEMPLATE_INPUT_ROWS = 2_000;

/**
 * exceljs keeps a sheet's validations keyed by address and accepts a range (written as one
 * `sqref`), but types only the per-cell property; validating cell by cell makes it write
 * overlapping ranges, which Excel reports as a damaged file.
 */
function dataValidationsOf(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;
}

function exampleIdNumber(): string {
  const first17 = '14102619900101123';
  return first17 + computeIdCheckChar(first17);
}

export async function buildRosterTemplate(): Promise<Buffer> {
  const workbook = newWorkbook(new Date());
  const sheet = addRosterSheet(workbook, 2);
  writeTitle(sheet, 1, '党员花名册导入模板');
  writeHeaderRow(sheet, 2, TEMPLATE_HEADERS);

  const example: Record<Field, string> = {
    seq: '示例',
    name: '张三',
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1990-01-01',
    idNumber: exampleIdNumber(),
    education: EDUCATION_LABELS.bachelor,
    status: MEMBERSHIP_STATUS_LABELS.full,
    joinedOn: '2015-07-01',
    confirmedOn: '2016-07-01',
    branchName: '机关第一党支部',
    cellName: '第一党小组',
    departmentName: '立案庭',
    position: '四级法官',
    phone: '13800000000',
    retired: '否',
  };
  const exampleRow = sheet.getRow(3);
  FIELDS.forEach((field, i) => {
    const cell = exampleRow.getCell(i + 1);
    cell.value = example[field];
    cell.font = { italic: true, color: { argb: 'FF808080' } };
    if (TEXT_FIELDS.has(field)) cell.numFmt = TEXT_FORMAT;
  });

  const lists: Partial<Record<Field, { values: string[]; strict: boolean }>> = {
    gender: { values: Object.values(GENDER_LABELS), strict: true },
    education: { values: EDUCATION_CHOICES, strict: false },
    status: { values: STATUS_CHOICES, strict: true },
    retired: { values: ['是', '否'], strict: true },
  };
  FIELDS.forEach((field, i) => {
    const list = lists[field];
    if (!list) return;
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: list.strict ? 'stop' : 'warning',
      errorTitle: '请从下拉列表中选择',
      error: `可填写：${list.values.join('、')}`,
    };
    const column = sheet.getColumn(i + 1).letter;
    dataValidationsOf(sheet).add(`${column}3:${column}${String(2 + TEMPLATE_INPUT_ROWS)}`, validation);
  });

  const help = workbook.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  const lines = [
    '填写说明',
    '1. 请在“党员花名册”工作表中从第3行起逐人填写，一人一行；“示例”行导入时会被跳过。',
    '2. 姓名、公民身份号码为必填项；公民身份号码请以文本格式填写18位号码，末位X大小写均可。',
    '3. 性别、出生日期可不填，导入时按公民身份号码自动补全。',
    '4. 日期可写作 2019-07-01、2019.7.1 或 2019年7月1日。',
    `5. 人员类别可填写：${STATUS_CHOICES.join('、')}；不填视为群众。`,
    `6. 学历可填写：${EDUCATION_CHOICES.join('、')}。`,
    '7. 是否离退休填写“是”或“否”，不填视为在职。',
    '8. 所在党支部、所在党小组、工作部门请与系统中的名称一致。',
    '9. 一次最多导入20000行；列的顺序可以调整，多余的列会被忽略。',
  ];
  lines.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  return toBuffer(workbook);
}
