/** Reading a roster workbook as offices really have it: see roster-columns.ts for the columns. */
import type ExcelJS from 'exceljs';
import type { ImportError } from '@qizhi/domain';
import { AppError } from '../../platform/errors.ts';
import {
  type ImportedPerson,
  type ParsedRoster,
  MAX_IMPORT_ROWS,
  HEADER_SEARCH_ROWS,
  type Field,
  FIELD_BY_HEADER,
  headerDisplay,
  headerKey,
  type Scalar,
  scalarOf,
  isBlank,
  textOf,
  loadExcelJS,
  type RosterPlacement,
} from './roster-columns.ts';
import { parseRecord, type Column, type DataRow, type SortableError } from './roster-record.ts';

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
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer, {
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
  const rows: ImportedPerson[] = [];
  const rejected: RosterPlacement[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const data of dataRows) {
    const record = parseRecord(data, columnsOf, firstRowOfId, errors, rejected);
    if (record) rows.push(record);
  }
  errors.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    rows,
    errors: errors.map(({ row, column, message }) => ({ row, column, message })),
    rejected,
    columns: scan.all,
  };
}
