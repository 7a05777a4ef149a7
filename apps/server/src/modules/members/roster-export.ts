/** Writing the roster and the import template as .xlsx that Excel, WPS and LibreOffice open. */
import type ExcelJS from 'exceljs';
import {
  AGE_BAND_LABELS,
  ageBandOf,
  completedYears,
  courtToday,
  computeIdCheckChar,
  EDUCATION_LABELS,
  formatCourtDateTime,
  GENDER_LABELS,
  maskIdNumber,
  maskPhone,
  MEMBERSHIP_STATUS_LABELS,
  NON_PARTY_LABEL,
  PARTY_STANDING_LABELS,
  WORK_POST_LABELS,
  type PersonRecord,
  type PersonStatus,
} from '@qizhi/domain';
import {
  SHEET_NAME,
  Field,
  FIELDS,
  HEADER_NAMES,
  COLUMN_WIDTHS,
  escapeFormulaCell,
  STATUS_CHOICES,
  EDUCATION_CHOICES,
  PARTY_STANDING_CHOICES,
  WORK_POST_CHOICES,
  loadExcelJS,
} from './roster-columns.ts';

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

const THIN = { style: 'thin', color: { argb: 'FF999999' } } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DCDB' } };
const TEXT_FORMAT = '@';
/** Columns kept as text so Excel, WPS and LibreOffice never turn them into numbers or dates. */
const TEXT_FIELDS: ReadonlySet<Field> = new Set<Field>([
  'birthDate',
  'idNumber',
  'joinedOn',
  'confirmedOn',
  'phone',
  'transferredInOn',
  'appliedOn',
  'activistOn',
  'candidateOn',
]);

function statusLabel(status: PersonStatus): string {
  return status === 'non_party' ? NON_PARTY_LABEL : MEMBERSHIP_STATUS_LABELS[status];
}

async function newWorkbook(created: Date): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJS()).Workbook();
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

function ageBandLabel(birthDate: string | null, today: string): string | null {
  return birthDate ? AGE_BAND_LABELS[ageBandOf(completedYears(birthDate, today))] : null;
}

/** The cells of one person in column order; text already escaped. */
function exportCells(person: PersonRecord, seq: number, full: boolean, today: string): (string | number | null)[] {
  const text = (value: string | null | undefined): string | null => (value ? escapeFormulaCell(value) : null);
  const date = (value: string | null | undefined): string | null => (value ? value.slice(0, 10) : null);
  const member = person.status === 'full' || person.status === 'probationary';
  const cells: Record<Field, string | number | null> = {
    seq,
    name: text(person.name),
    gender: GENDER_LABELS[person.gender],
    idNumber: text(full ? person.idNumber : maskIdNumber(person.idNumber)),
    ethnicity: text(person.ethnicity),
    // Masked: the age band, not the birth date, which would let the masked ID number be rebuilt.
    birthDate: full ? date(person.birthDate) : ageBandLabel(person.birthDate, today),
    education: person.education ? EDUCATION_LABELS[person.education] : null,
    status: statusLabel(person.status),
    branchName: text(person.branchName),
    joinedOn: date(person.joinedOn),
    confirmedOn: date(person.confirmedOn),
    workPost: person.workPost ? WORK_POST_LABELS[person.workPost] : null,
    phone: text(full ? person.phone : maskPhone(person.phone)),
    nativePlace: text(person.nativePlace),
    // A member's 党籍状态 is 正常 unless recorded otherwise; non-members have none.
    partyStanding: member ? PARTY_STANDING_LABELS[person.partyStanding ?? 'normal'] : null,
    sponsors: text(person.sponsors),
    transferredInOn: date(person.transferredInOn),
    appliedOn: date(person.appliedOn),
    activistOn: date(person.activistOn),
    candidateOn: date(person.candidateOn),
    cellName: text(person.cellName),
    departmentName: text(person.departmentName),
    position: text(person.position),
    retired: person.retired ? '是' : '否',
  };
  return FIELDS.map((field) => cells[field]);
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

const EXPORT_HEADERS: readonly string[] = FIELDS.map((field) => HEADER_NAMES[field][0] ?? field);

export async function buildRosterWorkbook(
  rows: PersonRecord[],
  opts: { title: string; full: boolean; generatedAt: Date },
): Promise<Buffer> {
  const workbook = await newWorkbook(opts.generatedAt);
  const sheet = addRosterSheet(workbook, 3);
  writeTitle(sheet, 1, opts.title);

  sheet.mergeCells(2, 1, 2, FIELDS.length);
  const note = sheet.getCell(2, 1);
  note.value = `导出时间：${formatCourtDateTime(opts.generatedAt)}（${opts.full ? '含完整号码，请妥善保管' : '身份证号、手机号已脱敏'}）`;
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
    'partyStanding',
    'transferredInOn',
    'appliedOn',
    'activistOn',
    'candidateOn',
  ]);
  rows.forEach((person, i) => {
    const row = sheet.getRow(4 + i);
    exportCells(person, i + 1, opts.full, courtToday(opts.generatedAt)).forEach((value, c) => {
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

/** The court's own names, for the template's example row and its drop-down lists. */
export interface TemplateNames {
  /** Branches with their cells, in the court's order. */
  branches: { name: string; cells: string[] }[];
  departments: string[];
}

const NAMES_SHEET = '可选名称';

/**
 * The court's names on a hidden sheet, one column each, and a list validation pointing at each
 * column (a range, not an inline list: a court's names run past Excel's 255-character limit).
 */
function addNameLists(
  workbook: ExcelJS.Workbook,
  names: TemplateNames,
): Partial<Record<Field, { formula: string; error: string }>> {
  const sheet = workbook.addWorksheet(NAMES_SHEET, { state: 'hidden' });
  const columns: [Field, string, string[]][] = [
    ['branchName', '所在党支部', names.branches.map((b) => b.name)],
    ['cellName', '所在党小组', [...new Set(names.branches.flatMap((b) => b.cells))]],
    ['departmentName', '工作部门', names.departments],
  ];
  const found: Partial<Record<Field, { formula: string; error: string }>> = {};
  columns.forEach(([field, header, values], i) => {
    if (values.length === 0) return;
    const column = sheet.getColumn(i + 1);
    column.values = [header, ...values];
    found[field] = {
      formula: `'${NAMES_SHEET}'!$${column.letter}$2:$${column.letter}$${String(values.length + 1)}`,
      error: `请从下拉列表中选择本院的${header.replace('所在', '')}名称`,
    };
  });
  return found;
}

export async function buildRosterTemplate(names?: TemplateNames): Promise<Buffer> {
  const workbook = await newWorkbook(new Date());
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
    branchName: names?.branches[0]?.name ?? '机关第一党支部',
    cellName: names?.branches[0]?.cells[0] ?? '第一党小组',
    departmentName: names?.departments[0] ?? '立案庭',
    position: '四级法官',
    phone: '13800000000',
    retired: '否',
    workPost: WORK_POST_LABELS.civil_servant,
    nativePlace: '山西临汾',
    partyStanding: PARTY_STANDING_LABELS.normal,
    sponsors: '李四、王五',
    transferredInOn: '2018-03-01',
    appliedOn: '2013-09-01',
    activistOn: '2013-12-01',
    candidateOn: '2014-12-01',
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
    workPost: { values: WORK_POST_CHOICES, strict: false },
    partyStanding: { values: PARTY_STANDING_CHOICES, strict: true },
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
    '10. 列名与全国党员管理信息系统一致（序号至确定发展对象日期），从该系统导出的花名册可直接导入；旧版本导出的花名册同样可以导入。',
    `11. 工作岗位可填写：${WORK_POST_CHOICES.join('、')}（也可填写公务员、专业技术人员、工勤技能人员、退休等，导入时自动归类）。`,
    `12. 党籍状态可填写：${PARTY_STANDING_CHOICES.join('、')}，只有党员填写；不填视为正常。`,
    '13. 在本系统登记发展过程的人员，申请入党、确定积极分子、确定发展对象日期和入党介绍人以发展党员纪实为准。',
  ];
  lines.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  if (names) {
    for (const [field, list] of Object.entries(addNameLists(workbook, names))) {
      const column = sheet.getColumn(FIELDS.indexOf(field as Field) + 1).letter;
      dataValidationsOf(sheet).add(`${column}3:${column}${String(2 + TEMPLATE_INPUT_ROWS)}`, {
        type: 'list',
        allowBlank: true,
        formulae: [list.formula],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '请从下拉列表中选择',
        error: list.error,
      });
    }
  }
  return toBuffer(workbook);
}
