/** The 年报 as .xlsx: one sheet per table, rows the organisations, columns the figures (exceljs, as the roster). */
import type ExcelJS from 'exceljs';
import type { AnnualStatsReport } from '@qizhi/domain';

const THIN = { style: 'thin', color: { argb: 'FF999999' } } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DCDB' } };

/** Names a user typed (organisations) never run as formulas in Excel or WPS. */
function safe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export async function buildAnnualWorkbook(report: AnnualStatsReport): Promise<Buffer> {
  const ExcelJSModule = (await import('exceljs')).default;
  const workbook = new ExcelJSModule.Workbook();
  workbook.creator = '旗帜';
  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(table.title.split(' ')[0] ?? table.key, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const width = table.columns.length + 1;
    sheet.mergeCells(1, 1, 1, width);
    const title = sheet.getCell(1, 1);
    title.value = safe(`${report.courtName} ${report.orgUnitName} ${String(report.year)}年党内统计年报 ${table.title}`);
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.getRow(1).height = 28;
    sheet.mergeCells(2, 1, 2, width);
    sheet.getCell(2, 1).value = `统计时点：${report.asOf}（增减为当年1月1日至12月31日），单位：人`;
    sheet.getCell(2, 1).font = { size: 10, color: { argb: 'FF595959' } };
    const header = sheet.getRow(3);
    ['党组织', ...table.columns.map((c) => c.label)].forEach((label, i) => {
      const cell = header.getCell(i + 1);
      cell.value = label;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    header.height = 36;
    report.rows.forEach((row, r) => {
      const line = sheet.getRow(4 + r);
      const name = line.getCell(1);
      name.value = safe(row.name);
      name.border = BORDER;
      if (row.kind === 'total') name.font = { bold: true };
      (table.counts[r] ?? []).forEach((count, c) => {
        const cell = line.getCell(c + 2);
        cell.value = count;
        cell.border = BORDER;
        cell.alignment = { horizontal: 'center' };
        if (row.kind === 'total') cell.font = { bold: true };
      });
    });
    sheet.getColumn(1).width = 28;
    for (let c = 2; c <= width; c++) sheet.getColumn(c).width = 12;
    sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 3 }];
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
