import ExcelJS from 'exceljs';
import { computeIdCheckChar } from '@qizhi/domain';

export const IMPORT_HEADERS = ['姓名', '性别', '公民身份号码', '人员类别', '所在党支部', '所在党小组'] as const;

/** A valid 公民身份号码 (GB 11643 check character) of 安泽县 for a birth date like 19900307. */
export function validIdNumber(birth: string, sequence: string): string {
  const first17 = `141026${birth}${sequence}`;
  return first17 + computeIdCheckChar(first17);
}

/** The same number with a wrong last character. */
export function withWrongCheckChar(id: string): string {
  const wrong = '0123456789X'.split('').find((c) => c !== id[17]) ?? '0';
  return id.slice(0, 17) + wrong;
}

/** A roster as offices keep them: a merged title row, then the header row, then people. */
export async function makeRosterXlsx(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员花名册');
  sheet.getCell(1, 1).value = '机关党支部党员花名册';
  sheet.mergeCells(1, 1, 1, IMPORT_HEADERS.length);
  IMPORT_HEADERS.forEach((header, c) => {
    sheet.getCell(2, c + 1).value = header;
  });
  rows.forEach((values, r) => {
    values.forEach((value, c) => {
      sheet.getCell(3 + r, c + 1).value = value;
    });
  });
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}

/** Every row of the first sheet as cell texts (1-based rows, as Excel numbers them). */
export async function readXlsxRows(buffer: Buffer): Promise<Map<number, string[]>> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer interface; a Node Buffer is what it reads at run time.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('导出的文件没有工作表');
  const rows = new Map<number, string[]>();
  sheet.eachRow((row, n) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      texts[c - 1] = cell.text;
    });
    rows.set(n, texts);
  });
  return rows;
}
