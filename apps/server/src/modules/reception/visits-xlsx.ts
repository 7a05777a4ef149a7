import { VISIT_CATEGORY_LABELS, type VisitStatsResponse } from '@qizhi/domain';

/** exceljs takes a quarter of a second to load; only the export needs it. */
async function loadExcel() {
  return (await import('exceljs')).default;
}

/** 来访统计 .xlsx: months (visitors, handled, on time) and categories — figures only, no visitor. */
export async function visitStatsWorkbook(stats: VisitStatsResponse, courtName: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '旗帜党建工作平台';
  const months = workbook.addWorksheet('月度统计');
  months.columns = [{ width: 10 }, { width: 12 }, { width: 12 }, { width: 12 }];
  months.addRow([`${courtName}${String(stats.year)}年领导接访统计（共${String(stats.total)}人次）`]).font = {
    bold: true,
  };
  months.addRow(['月份', '来访人次', '办结', '按期办结']).font = { bold: true };
  for (const m of stats.months) months.addRow([`${String(m.month)}月`, m.visitors, m.handled, m.onTime]);
  months.addRow([
    '合计',
    stats.total,
    stats.months.reduce((n, m) => n + m.handled, 0),
    stats.months.reduce((n, m) => n + m.onTime, 0),
  ]).font = { bold: true };
  const categories = workbook.addWorksheet('来访类别');
  categories.columns = [{ width: 14 }, { width: 12 }];
  categories.addRow(['类别', '人次']).font = { bold: true };
  for (const c of stats.categories) categories.addRow([VISIT_CATEGORY_LABELS[c.category], c.count]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
