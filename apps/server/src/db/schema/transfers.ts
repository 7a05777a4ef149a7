import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TransferDirection } from '@qizhi/domain';
import { orgUnits } from './org.ts';
import { people } from './people.ts';
import { tenants } from './tenants.ts';

/**
 * 组织关系转接 (migration 0023): one row per letter, out (to a 党组织 of the court or outside it) or
 * in; together they are a person's history of moves between organisations.
 */
export const transfers = pgTable(
  'transfers',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    direction: text('direction').$type<TransferDirection>().notNull(),
    personId: uuid('person_id').notNull(),
    fromOrgUnitId: uuid('from_org_unit_id'),
    /** The sending organisation's name: the court's 党组织 as it was named then, or typed for a transfer in. */
    fromName: text('from_name').notNull(),
    toOrgUnitId: uuid('to_org_unit_id'),
    toName: text('to_name').notNull(),
    letterNo: text('letter_no').notNull(),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until'),
    /** 党费交至 'YYYY-MM' when the letter was issued. */
    duesPaidUpTo: text('dues_paid_up_to'),
    arrearsMonths: smallint('arrears_months').notNull().default(0),
    receivedOn: date('received_on'),
    receiptOn: date('receipt_on'),
    note: text('note'),
    receiptNote: text('receipt_note'),
    recordedByName: text('recorded_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'transfers_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [people.tenantId, people.id],
    }),
    foreignKey({
      name: 'transfers_from_org_unit_fk',
      columns: [t.tenantId, t.fromOrgUnitId],
      foreignColumns: [orgUnits.tenantId, orgUnits.id],
    }),
    foreignKey({
      name: 'transfers_to_org_unit_fk',
      columns: [t.tenantId, t.toOrgUnitId],
      foreignColumns: [orgUnits.tenantId, orgUnits.id],
    }),
    uniqueIndex('transfers_letter_no_idx')
      .on(t.tenantId, t.letterNo)
      .where(sql`${t.direction} = 'out'`),
    index('transfers_person_idx').on(t.tenantId, t.personId, t.issuedOn),
    index('transfers_issued_idx').on(t.tenantId, t.issuedOn),
    index('transfers_open_receipts_idx')
      .on(t.tenantId, t.validUntil)
      .where(sql`${t.direction} = 'out' AND ${t.receiptOn} IS NULL`),
    check('transfers_direction_check', sql`${t.direction} IN ('out', 'in')`),
    check('transfers_receipt_check', sql`${t.receiptOn} IS NULL OR ${t.receiptOn} >= ${t.issuedOn}`),
  ],
);
