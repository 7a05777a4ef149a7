/** The year's learning ledger (学习台账) as .xlsx: per organisation (one line a person) and per person. */
import {
  ATTENDANCE_STATE_LABELS,
  formatCourtDateTime,
  STUDY_KIND_LABELS,
  STUDY_ROLE_LABELS,
  type PersonStudyLedger,
  type StudyHoursResponse,
} from '@qizhi/domain';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number;

/** exceljs takes a quarter of a second to load; only the export needs it. */
async function sheetWorkbook(title: string, columns: { header: string; width: number }[], rows: Cell[][]) {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '旗帜党建工作平台';
  const sheet = workbook.addWorksheet('学习台账', {
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const head = sheet.getCell(1, 1);
  head.value = title;
  head.font = { bold: true, size: 16 };
  head.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  const header = sheet.getRow(2);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const r of rows) sheet.addRow(r).alignment = { vertical: 'top', wrapText: true };
  for (let r = 2; r <= sheet.rowCount; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function hoursWorkbook(hours: StudyHoursResponse): Promise<Buffer> {
  return sheetWorkbook(
    `${String(hours.year)}年学习教育学时台账`,
    [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '党组织', width: 18 },
      { header: '类别', width: 14 },
      { header: '应修学时', width: 10 },
      { header: '已修学时', width: 10 },
      { header: '进度应修', width: 10 },
      { header: '完成情况', width: 12 },
    ],
    hours.items.map((i, n) => [
      n + 1,
      i.name,
      i.orgUnitName ?? '',
      STUDY_ROLE_LABELS[i.role],
      i.required,
      i.earned,
      i.pace,
      i.required === 0 ? '—' : i.earned >= i.required ? '已达标' : i.behind ? '落后于进度' : '按进度',
    ]),
  );
}

export async function personWorkbook(one: PersonStudyLedger): Promise<Buffer> {
  const rows: Cell[][] = one.sessions.map((s, n) => [
    n + 1,
    formatCourtDateTime(s.startsAt),
    STUDY_KIND_LABELS[s.kind],
    s.title,
    ATTENDANCE_STATE_LABELS[s.state],
    s.reason ?? '',
    s.state === 'present' ? s.hours : 0,
  ]);
  rows.push(['', '', '', `合计（应修${String(one.required)}学时）`, '', '', one.earned]);
  return sheetWorkbook(
    `${one.name}${String(one.year)}年学习台账`,
    [
      { header: '序号', width: 6 },
      { header: '时间', width: 17 },
      { header: '类型', width: 20 },
      { header: '学习内容', width: 30 },
      { header: '出席', width: 8 },
      { header: '请假原因', width: 18 },
      { header: '学时', width: 8 },
    ],
    rows,
  );
}
