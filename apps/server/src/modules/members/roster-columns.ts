/**
 * 党员花名册 Excel: reads the rosters courts already keep (title rows, synonyms for the column
 * names, dates typed every which way) and writes the roster and the import template.
 *
 * Pure functions over buffers: no database, no request. The service decides what to do with the
 * rows and errors this returns.
 */
import type ExcelJS from 'exceljs';
import {
  EDUCATION_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  NON_PARTY_LABEL,
  PARTY_STANDING_LABELS,
  parseLooseDate,
  WORK_POST_LABELS,
  type EducationLevel,
  type Gender,
  type ImportError,
  type PersonRecord,
  type PersonStatus,
} from '@qizhi/domain';

/** A person read from a roster file: with the row it came from, and always an ID number. */
export type ImportedPerson = PersonRecord & {
  /** 1-based Excel row number of this record. */
  row: number;
  idNumber: string;
};

/** Where a row that could not be read says its person belongs, so those names are checked too. */
export interface RosterPlacement {
  row: number;
  branchName: string | null;
  cellName: string | null;
  departmentName: string | null;
}

export interface ParsedRoster {
  rows: ImportedPerson[];
  errors: ImportError[];
  /** The rows refused for their own errors, with their 党支部, 党小组 and 部门 as written. */
  rejected?: RosterPlacement[];
  /** Header texts found, in sheet order. */
  columns: string[];
}

export const MAX_IMPORT_ROWS = 20_000;
export const HEADER_SEARCH_ROWS = 10;
export const SHEET_NAME = '党员花名册';

// ---------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------

export type Field =
  | 'seq'
  | 'name'
  | 'gender'
  | 'idNumber'
  | 'ethnicity'
  | 'birthDate'
  | 'education'
  | 'status'
  | 'branchName'
  | 'joinedOn'
  | 'confirmedOn'
  | 'workPost'
  | 'phone'
  | 'nativePlace'
  | 'partyStanding'
  | 'sponsors'
  | 'transferredInOn'
  | 'appliedOn'
  | 'activistOn'
  | 'candidateOn'
  | 'cellName'
  | 'departmentName'
  | 'position'
  | 'retired';

/**
 * Export order, and the first name of each field is the header the export and the template write:
 * the 全国党员管理信息系统's columns and names first (序号 … 确定发展对象日期), so a file moves between
 * the two without retyping, then Qizhi's own (党小组, 部门, 职务, 离退休). The other names are what
 * offices' rosters and the previous version's export (which wrote 序号 姓名 性别 民族 出生日期
 * 公民身份号码 学历 人员类别 入党日期 转正日期 所在党支部 所在党小组 工作部门 职务 联系电话 是否离退休)
 * call them; columns are found by name, never by position.
 */
export const FIELDS: readonly Field[] = [
  'seq',
  'name',
  'gender',
  'idNumber',
  'ethnicity',
  'birthDate',
  'education',
  'status',
  'branchName',
  'joinedOn',
  'confirmedOn',
  'workPost',
  'phone',
  'nativePlace',
  'partyStanding',
  'sponsors',
  'transferredInOn',
  'appliedOn',
  'activistOn',
  'candidateOn',
  'cellName',
  'departmentName',
  'position',
  'retired',
];

export const HEADER_NAMES: Record<Field, readonly string[]> = {
  seq: ['序号'],
  name: ['姓名'],
  gender: ['性别'],
  idNumber: ['公民身份号码', '身份证号', '身份证号码', '公民身份证号码', '公民身份证号', '身份证'],
  ethnicity: ['民族'],
  birthDate: ['出生日期', '出生年月'],
  education: ['学历', '文化程度', '最高学历'],
  status: ['人员类别', '党员类别', '党员状态', '政治面貌'],
  branchName: ['所在党支部', '党支部'],
  joinedOn: ['入党日期', '入党时间'],
  confirmedOn: ['转正日期', '转为正式党员日期', '转正时间'],
  workPost: ['工作岗位', '职业', '岗位类别'],
  phone: ['联系电话', '手机号码', '手机', '手机号', '电话'],
  nativePlace: ['籍贯'],
  partyStanding: ['党籍状态'],
  sponsors: ['入党介绍人', '介绍人'],
  transferredInOn: ['组织关系转入日期', '组织关系转入时间', '转入日期', '转入党组织日期'],
  appliedOn: ['申请入党日期', '申请入党时间', '递交入党申请书日期'],
  activistOn: [
    '确定积极分子日期',
    '确定为入党积极分子日期',
    '列为入党积极分子日期',
    '确定入党积极分子日期',
    '确定积极分子时间',
  ],
  candidateOn: ['确定发展对象日期', '确定为发展对象日期', '列为发展对象日期', '确定发展对象时间'],
  cellName: ['所在党小组', '党小组'],
  departmentName: ['工作部门', '部门', '所在部门'],
  position: ['职务', '职务（职级）'],
  retired: ['是否离退休', '离退休'],
};

export const COLUMN_WIDTHS: Record<Field, number> = {
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
  workPost: 24,
  nativePlace: 14,
  partyStanding: 10,
  sponsors: 16,
  transferredInOn: 14,
  appliedOn: 14,
  activistOn: 14,
  candidateOn: 14,
};

export const MAX_LENGTHS: Partial<Record<Field, number>> = {
  name: 30,
  ethnicity: 20,
  branchName: 60,
  cellName: 60,
  departmentName: 60,
  position: 40,
  nativePlace: 60,
  sponsors: 60,
};

export const FIELD_BY_HEADER = new Map<string, Field>(
  FIELDS.flatMap((field) => HEADER_NAMES[field].map((header) => [headerKey(header), field] as const)),
);

/** What a header cell says, for messages: whitespace (a padded "姓  名", a wrapped line) removed. */
export function headerDisplay(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The header as matched: no whitespace, either kind of brackets, no "*" or "（必填）" marks. */
export function headerKey(text: string): string {
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

export type Scalar = string | number | boolean | Date | null;

/** The value a cell shows: rich text joined, a hyperlink's text, a formula's cached result. */
export function scalarOf(value: unknown): Scalar {
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

export function isTextRun(part: unknown): part is { text: string } {
  return typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string';
}

export function isBlank(value: Scalar): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** Escapes text Excel, WPS or LibreOffice would otherwise run as a formula (CSV/formula injection). */
export function escapeFormulaCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Undoes {@link escapeFormulaCell}: one leading apostrophe before = + - @ (or tab/CR) goes. */
export function unescapeFormulaCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Full-width letters, digits and signs (typed with a Chinese input method) to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function isoOfUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The text a cell shows, trimmed and unescaped; null when empty. */
export function textOf(value: Scalar): string | null {
  if (value === null) return null;
  let text: string;
  if (typeof value === 'string') text = unescapeFormulaCell(value.trim()).trim();
  else if (typeof value === 'number') text = String(value);
  else if (typeof value === 'boolean') text = value ? '是' : '否';
  else text = Number.isNaN(value.getTime()) ? '' : isoOfUtc(value);
  return text === '' ? null : text;
}

export const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
export const DAY_MS = 86_400_000;

export type DateRead = { ok: true; iso: string | null } | { ok: false; shown: string };

/**
 * A date cell: an Excel date (a calendar day in UTC, as exceljs gives it), a serial number
 * without a date format, 20190701 typed as a number, or text in any form parseLooseDate reads.
 */
export function readDate(value: Scalar): DateRead {
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

export function dateMessage(shown: string): string {
  return `日期“${shown}”不存在或格式无法识别（可写作 2019-07-01、2019.7.1 或 2019年7月1日）`;
}

// ---------------------------------------------------------------------------------------------
// Value vocabularies
// ---------------------------------------------------------------------------------------------

export const STATUS_BY_TEXT = new Map<string, PersonStatus>([
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
export const STATUS_CHOICES = [...Object.values(MEMBERSHIP_STATUS_LABELS).reverse(), NON_PARTY_LABEL];

export const EDUCATION_CHOICES = Object.values(EDUCATION_LABELS);
export const WORK_POST_CHOICES = Object.values(WORK_POST_LABELS);
export const PARTY_STANDING_CHOICES = Object.values(PARTY_STANDING_LABELS);

/** 学历 as offices write it: 硕士研究生, 大学本科, 在职大专, 中专, 初中及以下 … */
export function educationOf(text: string): EducationLevel | null {
  const t = text.replace(/\s+/g, '');
  if (/研究生|硕士|博士/.test(t)) return 'postgraduate';
  if (/本科|大学$/.test(t)) return 'bachelor';
  if (/大专|专科/.test(t) && !/中等专科/.test(t)) return 'college';
  if (/中专|高中|中技|技校|职高|中等专|中师/.test(t)) return 'secondary';
  if (/初中|小学|以下|文盲/.test(t)) return 'primary';
  return null;
}

export const GENDER_BY_TEXT = new Map<string, Gender>([
  ['男', 'male'],
  ['男性', 'male'],
  ['M', 'male'],
  ['MALE', 'male'],
  ['女', 'female'],
  ['女性', 'female'],
  ['F', 'female'],
  ['FEMALE', 'female'],
]);

export const RETIRED_BY_TEXT = new Map<string, boolean>([
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
export const ETHNIC_GROUPS = new Set(
  (
    '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
    '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 ' +
    '塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
  ).split(' '),
);

export function ethnicityOf(text: string): string {
  const t = text.replace(/\s+/g, '');
  return ETHNIC_GROUPS.has(t) ? `${t}族` : t;
}

/** Names padded to line up ("张  三") lose the padding; other names keep single spaces. */
export function nameOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return /^[\u3400-\u9fff·•．. ]+$/.test(t) ? t.replace(/ /g, '') : t;
}

export function charCount(text: string): number {
  return [...text].length;
}

/** exceljs costs a quarter of a second to load; only imports and exports need it, not the start. */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
