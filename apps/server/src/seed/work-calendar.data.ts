/**
 * 工作日历: statutory holidays (放假) and adjusted working days (调休上班) by year, as the State
 * Council's General Office publishes them each autumn for the next year. Every court starts with
 * these tables and keeps them itself (学习平台 → 工作日历, PUT /api/study/calendar/:year).
 *
 * 2025 (the demo court's visits of last year need its rest days): 国办发明电〔2024〕12号.
 * 2026: 《国务院办公厅关于2026年部分节假日安排的通知》(国办发明电〔2025〕7号) as the project knows it —
 *   check it against the published notice before relying on it.
 * 2027: AN ASSUMPTION, not yet published when this table was written. It follows the lunar dates of
 *   2027 (春节 6 February, 清明 5 April, 端午 9 June, 中秋 15 September) and the pattern of recent
 *   years (9 days at 春节, 5 at 劳动节, 7 at 国庆, makeup working days on weekends next to them).
 *   Replace it with the official notice (usually out in November 2026) in 工作日历.
 */
import type { CalendarDay } from '@qizhi/domain';

function span(from: string, to: string, name: string): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    out.push({ day: d.toISOString().slice(0, 10), kind: 'holiday', name });
  return out;
}
const work = (day: string, name: string): CalendarDay => ({ day, kind: 'workday', name });

/** 《国务院办公厅关于2025年部分节假日安排的通知》(国办发明电〔2024〕12号). */
export const WORK_CALENDAR_2025: CalendarDay[] = [
  span('2025-01-01', '2025-01-01', '元旦')[0]!,
  work('2025-01-26', '春节'),
  ...span('2025-01-28', '2025-02-04', '春节'),
  work('2025-02-08', '春节'),
  ...span('2025-04-04', '2025-04-06', '清明节'),
  work('2025-04-27', '劳动节'),
  ...span('2025-05-01', '2025-05-05', '劳动节'),
  ...span('2025-05-31', '2025-06-02', '端午节'),
  work('2025-09-28', '国庆节'),
  ...span('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  work('2025-10-11', '国庆节'),
];

export const WORK_CALENDAR_2026: CalendarDay[] = [
  ...span('2026-01-01', '2026-01-03', '元旦'),
  work('2026-01-04', '元旦'),
  work('2026-02-14', '春节'),
  ...span('2026-02-15', '2026-02-23', '春节'),
  work('2026-02-28', '春节'),
  ...span('2026-04-04', '2026-04-06', '清明节'),
  ...span('2026-05-01', '2026-05-05', '劳动节'),
  work('2026-05-09', '劳动节'),
  ...span('2026-06-19', '2026-06-21', '端午节'),
  work('2026-09-20', '国庆节'),
  ...span('2026-09-25', '2026-09-27', '中秋节'),
  ...span('2026-10-01', '2026-10-07', '国庆节'),
  work('2026-10-10', '国庆节'),
];

/** Assumed — see the note above; to be replaced by the official 2027 arrangement. */
export const WORK_CALENDAR_2027_ASSUMED: CalendarDay[] = [
  ...span('2027-01-01', '2027-01-03', '元旦'),
  ...span('2027-02-05', '2027-02-13', '春节'),
  work('2027-02-14', '春节'),
  work('2027-02-20', '春节'),
  ...span('2027-04-03', '2027-04-05', '清明节'),
  work('2027-04-25', '劳动节'),
  ...span('2027-05-01', '2027-05-05', '劳动节'),
  work('2027-05-08', '劳动节'),
  span('2027-06-09', '2027-06-09', '端午节')[0]!,
  span('2027-09-15', '2027-09-15', '中秋节')[0]!,
  work('2027-09-26', '国庆节'),
  ...span('2027-10-01', '2027-10-07', '国庆节'),
  work('2027-10-09', '国庆节'),
];

export const OFFICIAL_WORK_CALENDARS: readonly CalendarDay[] = [
  ...WORK_CALENDAR_2025,
  ...WORK_CALENDAR_2026,
  ...WORK_CALENDAR_2027_ASSUMED,
];
