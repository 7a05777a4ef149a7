import {
  collectSubtreeIds,
  MEETING_STATUS_LABELS,
  MEETING_TYPE_LABELS,
  formatCourtDateTime,
  periodRange,
  type Ledger,
  type LedgerEntry,
} from '@qizhi/domain';
import { notFound } from '../../../platform/errors.ts';
import { covers } from '../../../platform/policy.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { countMeetings, shownCounts } from '../entitlement.ts';
import * as repo from '../meetings.repo.ts';
import { minutesToPlainText } from '../minutes-html.ts';

/**
 * 台账: the year's meetings of an organisation and the organisations below it (a branch's book
 * holds its cells' meetings too), oldest first; cancelled meetings are left out.
 */
export async function buildLedger(ctx: RequestContext, orgUnitId: string, year: number): Promise<Ledger> {
  const tenantId = ctx.tenantId;
  const units = await repo.findOrgUnits(ctx.db, tenantId);
  const org = units.find((u) => u.id === orgUnitId);
  const scope = await ctx.scopeOf('meetings.read');
  if (!org || !covers(scope, org.id)) throw notFound('党组织');
  const orgUnitIds = collectSubtreeIds(units, org.id).filter((id) => covers(scope, id));
  const { from, to } = periodRange(String(year));
  const rows = await repo.findMeetingsForLedger(ctx.db, tenantId, { orgUnitIds, from, to, excludeCancelled: true });
  const counts = await countMeetings(
    ctx.db,
    tenantId,
    rows.map((r) => r.meeting),
  );
  const entries: LedgerEntry[] = rows.map((r) => {
    const m = r.meeting;
    const count = counts.get(m.id);
    // Absent among those counted in 应到 (guests and exempted members are not missing).
    const missing = (count?.joined ?? []).filter(
      (a, i) => count?.tally.rows[i]?.counts === true && a.attendee.state !== 'present',
    );
    const shown = shownCounts(m, count);
    return {
      id: m.id,
      type: m.type,
      orgUnitName: r.orgUnitName,
      startsAt: m.startsAt.toISOString(),
      place: m.place,
      hostName: r.hostName,
      recorderName: r.recorderName,
      expected: shown.expected,
      attended: shown.attended,
      absentees: missing.map((a) => ({
        name: a.name,
        state: a.attendee.state === 'present' ? 'pending' : a.attendee.state,
        reason: a.attendee.reason,
      })),
      topic: m.topic,
      minutes: m.minutes ? minutesToPlainText(m.minutes) : '',
      resolutions: m.resolutions,
      status: m.status,
    };
  });
  return { orgUnitName: org.name, year, entries };
}

const ABSENCE_LABEL = { leave: '请假', absent: '缺席', pending: '未登记' } as const;

export function absenteesText(entry: LedgerEntry): string {
  return entry.absentees
    .map((a) => `${a.name}（${ABSENCE_LABEL[a.state]}${a.reason ? `：${a.reason}` : ''}）`)
    .join('、');
}

const XLSX_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '会议类型', width: 12 },
  { header: '党组织', width: 18 },
  { header: '时间', width: 17 },
  { header: '地点', width: 14 },
  { header: '主持人', width: 9 },
  { header: '记录人', width: 9 },
  { header: '应到', width: 6 },
  { header: '实到', width: 6 },
  { header: '缺席人员及原因', width: 26 },
  { header: '会议主题', width: 26 },
  { header: '会议记录', width: 60 },
  { header: '决议', width: 30 },
  { header: '状态', width: 8 },
];

/** exceljs takes a quarter of a second to load; only the export needs it. */
async function loadExcel() {
  return (await import('exceljs')).default;
}

export async function ledgerWorkbook(ledger: Ledger): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '旗帜党建工作平台';
  const sheet = workbook.addWorksheet(`${String(ledger.year)}年会议台账`, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = XLSX_COLUMNS.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, XLSX_COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = `${ledger.orgUnitName}${String(ledger.year)}年“三会一课”及组织生活会议记录台账`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  const header = sheet.getRow(2);
  header.values = XLSX_COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ledger.entries.forEach((e, i) => {
    const row = sheet.addRow([
      i + 1,
      MEETING_TYPE_LABELS[e.type],
      e.orgUnitName,
      formatCourtDateTime(e.startsAt),
      e.place,
      e.hostName ?? '',
      e.recorderName ?? '',
      e.expected,
      e.attended,
      absenteesText(e),
      e.topic,
      e.minutes,
      e.resolutions.map((r, n) => `${String(n + 1)}. ${r}`).join('\n'),
      MEETING_STATUS_LABELS[e.status],
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  });
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
  sheet.pageSetup.printTitlesRow = '2:2';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
