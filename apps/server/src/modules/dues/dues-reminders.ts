/**
 * Arrears reminders for the court's channels (the notifications worker asks hourly): members 3, 5 or
 * 6+ months behind this month, once per member, month and level.
 */
import {
  addMonthsToMonth,
  ARREARS_LEVEL_LABELS,
  arrearsLevelOf,
  courtToday,
  DEFAULT_DUES_ROUNDING,
} from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import { arrearsAt, ARREARS_LOOKBACK_MONTHS, memberFromOf, rowsFor } from './dues-months.ts';
import * as repo from './dues.repo.ts';

export interface DuesReminder {
  source: 'dues.arrears';
  key: string;
  title: string;
  body: string;
  link: string;
  personIds: string[];
}

export async function arrearsReminders(db: Db, tenantId: string, now = new Date()): Promise<DuesReminder[]> {
  const month = courtToday(now).slice(0, 7);
  const units = await repo.findOrgUnits(db, tenantId);
  const payers = await repo.findDuesPayers(
    db,
    tenantId,
    units.map((u) => u.id),
  );
  const ids = payers.map((p) => p.id);
  const from = addMonthsToMonth(month, -ARREARS_LOOKBACK_MONTHS);
  const [bases, reductions, payments, rounding] = await Promise.all([
    repo.findBases(db, tenantId, ids),
    repo.findReductions(db, tenantId, ids),
    repo.findPayments(db, tenantId, ids, { from, to: month }),
    repo.readRounding(db, tenantId),
  ]);
  const all = { bases, reductions, payments };
  return payers.flatMap((p) => {
    const months = arrearsAt(memberFromOf(p), rowsFor(p.id, all), month, rounding ?? DEFAULT_DUES_ROUNDING);
    const level = arrearsLevelOf(months);
    if (level === 'none') return [];
    return [
      {
        source: 'dues.arrears' as const,
        key: `dues.arrears:${p.id}:${month}:${level}`,
        title: `党费欠缴提醒：${p.name}`,
        body: `${p.name}已连续${String(months)}个月未交党费（${ARREARS_LEVEL_LABELS[level]}）`,
        link: '/dues',
        personIds: [p.id],
      },
    ];
  });
}
