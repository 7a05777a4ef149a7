import { sql } from 'drizzle-orm';
import { check, customType, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { open, seal } from '../../platform/field-crypto.ts';

/**
 * A text column holding a personal value encrypted at rest (platform/field-crypto.ts): Drizzle seals
 * what it writes and opens what it reads, so services see the plain value. `context` names the column
 * and is bound into the ciphertext. Compare such a column only through its blind index: `eq(column, x)`
 * would compare against a fresh ciphertext and never match. Reads that bypass Drizzle's decoding
 * (prepared reads, raw SQL) open the value themselves.
 */
export function sealedText(name: string, context: string) {
  return customType<{ data: string; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => seal(value, context),
    fromDriver: (value) => open(value, context),
  })(name);
}

/** An integer (e.g. 党费基数 in fen) encrypted at rest as its decimal text. */
export function sealedInteger(name: string, context: string) {
  return customType<{ data: number; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => seal(String(value), context),
    fromDriver: (value) => Number(open(value, context)),
  })(name);
}

/** The fingerprint of the key that sealed the data and the algorithm (one row; migration 0029). */
export const fieldEncryption = pgTable(
  'field_encryption',
  {
    id: smallint('id').primaryKey().default(1),
    keyCheck: text('key_check').notNull(),
    algorithm: text('algorithm').$type<'aes' | 'sm'>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('field_encryption_one_row', sql`${t.id} = 1`),
    check('field_encryption_algorithm_check', sql`${t.algorithm} in ('aes', 'sm')`),
  ],
);
