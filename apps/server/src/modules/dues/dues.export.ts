/** 党费上缴表: a month's sheet as the .xlsx a branch hands to the level above with the money. */
import type ExcelJS from 'exceljs';
import { ARREARS_LEVEL_LABELS, DUES_CHANNEL_LABELS, parseYuanToFen, formatFen, type DuesSheet } from '@qizhi/domain';

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '姓名', width: 10 },
  { header: '所在组织', width: 18 },
  { header: '应交（元）', width: 11 },
  { header: '实交（元）', width: 11 },
  { header: '自愿多交（元）', width: 13 },
  { header: '缴纳日期', width: 12 },
  { header: '缴纳方式', width: 10 },
  { header: '收缴人', width: 10 },
  { header: '连续欠缴（月）', width: 13 },
  { header: '提示', width: 30 },
];

export async function remittanceWorkbook(sheet: DuesSheet): Promise<Buffer> {
  // exceljs is large; loaded when a spreadsheet is first asked for.
  const workbook = new (await import('exceljs')).default.Workbook();
  workbook.creator = '旗帜党建工作平台';
  const [year, month] = sheet.month.split('-');
  const ws = workbook.addWorksheet(`${year!}年${String(Number(month))}月党费`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${sheet.orgUnitName}党费收缴上缴表（${year!}年${String(Number(month))}月）`;
  title.font = { bold: true, size: 15 };
  title.alignment = { horizontal: 'center' };
  const header = ws.getRow(2);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  sheet.items.forEach((item, i) => {
    ws.addRow([
      i + 1,
      item.name,
      item.orgUnitName ?? '',
      Number(item.due),
      Number(item.paid),
      Number(item.extra),
      item.paidOn ?? '',
      item.channel ? DUES_CHANNEL_LABELS[item.channel] : '',
      item.collectedBy ?? '',
      item.arrearsMonths,
      ARREARS_LEVEL_LABELS[item.arrearsLevel],
    ]);
  });
  const remit = (parseYuanToFen(sheet.totals.paid) ?? 0) + (parseYuanToFen(sheet.totals.extra) ?? 0);
  ws.addRow(['', '合计', '', Number(sheet.totals.due), Number(sheet.totals.paid), Number(sheet.totals.extra)]).font = {
    bold: true,
  };
  ws.addRow([]);
  ws.addRow(['', `上缴金额：${formatFen(remit)}元（实交${sheet.totals.paid}元，自愿多交${sheet.totals.extra}元）`]);
  ws.addRow(['', '收缴人：', '', '', '支部书记：', '', '', '上缴日期：']);
  for (let r = 2; r <= sheet.items.length + 3; r++)
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
    });
  for (const col of [4, 5, 6]) ws.getColumn(col).numFmt = '0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
