import { sql, type SQL } from 'drizzle-orm';
import { fieldEncryption, tenants } from '../db/schema/index.ts';
import type { Db } from './db.ts';
import {
  idNumberIndex,
  isSealed,
  isSealedWith,
  open,
  seal,
  useFieldKeys,
  type FieldAlgorithm,
  type FieldKeys,
} from './field-crypto.ts';

/** The start refuses a key that is not the one the data was sealed with: nothing would open. */
export class FieldKeyMismatchError extends Error {
  constructor() {
    super(
      '个人信息加密密钥与数据库不符：数据库中的身份证号、电话等是用另一把密钥加密的，用当前密钥无法解密。' +
        '请恢复原来的服务器密钥（数据目录 keys/two-factor.key，或环境变量 QIZHI_TWO_FACTOR_KEY）后再启动；' +
        '不要删除数据库或另建密钥，否则这些数据将无法找回。',
    );
    this.name = 'FieldKeyMismatchError';
  }
}

interface SealedTable {
  table: string;
  /** Columns sealed in place, each with the context bound into its ciphertext. */
  columns: { column: string; context: string }[];
  /** An integer column emptied into a sealed one (dues_bases.base_fen → base_sealed). */
  moved?: { from: string; to: string; context: string };
  /** The blind index kept beside a sealed column. */
  index?: { of: string; column: string };
}

/** Every column migration 0029 encrypts. */
export const SEALED_TABLES: SealedTable[] = [
  {
    table: 'people',
    columns: [
      { column: 'id_number', context: 'people.id_number' },
      { column: 'phone', context: 'people.phone' },
    ],
    index: { of: 'id_number', column: 'id_number_bidx' },
  },
  {
    table: 'dues_bases',
    columns: [],
    moved: { from: 'base_fen', to: 'base_sealed', context: 'dues_bases.base' },
  },
  {
    table: 'reception_visits',
    columns: [
      { column: 'visitor_name', context: 'reception_visits.visitor_name' },
      { column: 'visitor_phone', context: 'reception_visits.visitor_phone' },
      { column: 'visitor_id_number', context: 'reception_visits.visitor_id_number' },
    ],
  },
  {
    table: 'inquiries',
    columns: [
      { column: 'asker_name', context: 'inquiries.asker_name' },
      { column: 'asker_phone', context: 'inquiries.asker_phone' },
    ],
  },
];

const PREFIX_PATTERN: Record<FieldAlgorithm, string> = { aes: '~a1:%', sm: '~s1:%' };
const INDEX_PATTERN: Record<FieldAlgorithm, string> = { aes: 'a.%', sm: 's.%' };
const BATCH = 400;

const id = (name: string) => sql.identifier(name);

/**
 * Run at every start right after the migrations, before anything is served: checks the key against
 * the database's fingerprint (FieldKeyMismatchError), then seals whatever is not yet sealed under the
 * current algorithm — rows from before migration 0029, rows written by a script without the blind
 * index, everything after a change of QIZHI_CRYPTO — court by court, in one transaction, so a crash
 * leaves all or nothing converted. Idempotent: a second run finds nothing to do. Returns the rows changed.
 */
export async function prepareFieldEncryption(db: Db, keys: FieldKeys): Promise<number> {
  const changed = await db.transaction(async (tx) => {
    // Two servers starting against one PostgreSQL: the second waits and then finds nothing to do.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('qizhi field encryption'))`);
    const [state] = await tx.select().from(fieldEncryption);
    if (state && state.keyCheck !== keys.check) throw new FieldKeyMismatchError();
    const courts = await tx.select({ id: tenants.id }).from(tenants);
    let changed = 0;
    for (const court of courts) {
      // Bound to the court as every request is, so row-level security (migration 0028) lets the
      // server's role see and change this court's rows; where it does not apply this changes nothing.
      await tx.execute(sql`select set_config('qizhi.tenant_id', ${court.id}, true)`);
      if (!state) await refuseForeignCiphertext(tx, court.id, keys);
      for (const table of SEALED_TABLES) changed += await sealTable(tx, court.id, table, keys);
    }
    await tx.execute(sql`select set_config('qizhi.tenant_id', '', true)`);
    if (!state) {
      await tx.insert(fieldEncryption).values({ id: 1, keyCheck: keys.check, algorithm: keys.algorithm });
    } else if (state.algorithm !== keys.algorithm) {
      await tx.update(fieldEncryption).set({ algorithm: keys.algorithm, updatedAt: new Date() });
    }
    return changed;
  });
  // Only a key the database accepted seals what the server writes from now on.
  useFieldKeys(keys);
  return changed;
}

/**
 * Without a fingerprint yet (the first start after 0029, or data sealed by a seed), a sealed value
 * that does not open under this key means another key sealed it.
 */
async function refuseForeignCiphertext(tx: Db, tenantId: string, keys: FieldKeys): Promise<void> {
  const rows = await selectRows<{ v: string }>(
    tx,
    sql`select id_number as v from people where tenant_id = ${tenantId}
      and (id_number like ${PREFIX_PATTERN.aes} or id_number like ${PREFIX_PATTERN.sm}) limit 1`,
  );
  const sample = rows[0]?.v;
  if (!sample) return;
  try {
    open(sample, 'people.id_number', keys);
  } catch {
    throw new FieldKeyMismatchError();
  }
}

async function selectRows<Row extends Record<string, unknown>>(tx: Db, query: SQL): Promise<Row[]> {
  return ((await tx.execute<Row>(query)) as { rows: Row[] }).rows;
}

async function sealTable(tx: Db, tenantId: string, spec: SealedTable, keys: FieldKeys): Promise<number> {
  const pattern = PREFIX_PATTERN[keys.algorithm];
  const stale: SQL[] = spec.columns.map(
    ({ column }) => sql`(${id(column)} is not null and ${id(column)} not like ${pattern})`,
  );
  if (spec.index) {
    stale.push(
      sql`(${id(spec.index.of)} is not null and (${id(spec.index.column)} is null or ${id(spec.index.column)} not like ${INDEX_PATTERN[keys.algorithm]}))`,
    );
  }
  if (spec.moved) {
    stale.push(
      sql`(${id(spec.moved.from)} is not null or (${id(spec.moved.to)} is not null and ${id(spec.moved.to)} not like ${pattern}))`,
    );
  }
  const read: string[] = [
    ...spec.columns.map((c) => c.column),
    ...(spec.moved ? [spec.moved.from, spec.moved.to] : []),
  ];
  const rows = await selectRows<Record<string, string | number | null>>(
    tx,
    sql`select id, ${sql.join(
      read.map((c) => id(c)),
      sql`, `,
    )} from ${id(spec.table)} where tenant_id = ${tenantId} and (${sql.join(stale, sql` or `)})`,
  );
  if (rows.length === 0) return 0;
  const resealed = (value: string, context: string) =>
    isSealedWith(value, keys.algorithm) ? value : seal(open(value, context, keys), context, keys);
  const written = [
    ...spec.columns.map((c) => c.column),
    ...(spec.index ? [spec.index.column] : []),
    ...(spec.moved ? [spec.moved.to] : []),
  ];
  const updates = rows.map((row) => {
    const values: Record<string, string | null> = {};
    for (const { column, context } of spec.columns) {
      const value = row[column];
      values[column] = value === null || value === undefined ? null : resealed(String(value), context);
    }
    if (spec.index) {
      const plain = row[spec.index.of];
      values[spec.index.column] =
        plain === null || plain === undefined
          ? null
          : idNumberIndex(tenantId, open(String(plain), `${spec.table}.${spec.index.of}`, keys), keys);
    }
    if (spec.moved) {
      const sealedValue = row[spec.moved.to];
      const legacy = row[spec.moved.from];
      values[spec.moved.to] =
        sealedValue !== null && sealedValue !== undefined && isSealed(String(sealedValue))
          ? resealed(String(sealedValue), spec.moved.context)
          : legacy === null || legacy === undefined
            ? null
            : seal(String(legacy), spec.moved.context, keys);
    }
    return { id: String(row.id), values };
  });
  for (let i = 0; i < updates.length; i += BATCH) {
    const batch = updates.slice(i, i + BATCH);
    const tuples = batch.map(
      (u) =>
        sql`(${u.id}::uuid, ${sql.join(
          written.map((c) => sql`${u.values[c] ?? null}::text`),
          sql`, `,
        )})`,
    );
    const sets = [
      ...written.map((c) => sql`${id(c)} = v.${id(c)}`),
      ...(spec.moved ? [sql`${id(spec.moved.from)} = null`] : []),
    ];
    await tx.execute(sql`update ${id(spec.table)} set ${sql.join(sets, sql`, `)}
      from (values ${sql.join(tuples, sql`, `)}) as v(id, ${sql.join(
        written.map((c) => id(c)),
        sql`, `,
      )})
      where ${id(spec.table)}.tenant_id = ${tenantId} and ${id(spec.table)}.id = v.id`);
  }
  return rows.length;
}
