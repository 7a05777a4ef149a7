/**
 * Receipts past the letter's validity, for the court's channels (the notifications worker asks
 * hourly): once per letter, the day after its last valid day or later (rules.md: the sending unit
 * remains responsible until the receipt slip returns).
 */
import { chineseDate, courtToday, receiptStatusOf } from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import * as repo from './transfers.repo.ts';

export interface TransferReminder {
  source: 'transfer.receipt_overdue';
  key: string;
  title: string;
  body: string;
  link: string;
  personIds: string[];
}

export async function transferReminders(db: Db, tenantId: string, now = new Date()): Promise<TransferReminder[]> {
  const today = courtToday(now);
  const open = await repo.findTransfers(db, tenantId, { openReceipts: true });
  return open
    .filter((t) => receiptStatusOf({ ...t, today }) === 'overdue')
    .map((t) => ({
      source: 'transfer.receipt_overdue' as const,
      key: `transfer.receipt_overdue:${t.id}`,
      title: `介绍信逾期未回执：${t.personName}`,
      body: `${t.personName}的组织关系介绍信${t.letterNo}（转至${t.toName}）已于${chineseDate(t.validUntil!)}到期，回执尚未返回，请及时催办`,
      link: '/transfers?status=overdue',
      personIds: [],
    }));
}
