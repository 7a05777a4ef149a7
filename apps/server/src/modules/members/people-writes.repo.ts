import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { people } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';
import { idNumberIndexNullable, sealNullable } from '../../platform/field-crypto.ts';
import type { LeavingValues, PersonRow, PersonValues } from './members.repo.ts';

/**
 * The ID number's blind index follows the number on every write (platform/field-crypto.ts): the
 * unique index and the look-ups by number use it, the number itself is encrypted.
 */
function indexed<V extends Partial<PersonValues>>(tenantId: string, values: V): V {
  if (values.idNumber === undefined) return values;
  return { ...values, idNumberIndex: idNumberIndexNullable(tenantId, values.idNumber) };
}

/** The roster's writes: one person, an import's batch, and leaving. */
export async function insertPerson(db: Db, tenantId: string, values: PersonValues): Promise<PersonRow> {
  const [row] = await db
    .insert(people)
    .values({ ...indexed(tenantId, values), tenantId })
    .returning();
  return row!;
}

export async function insertPeople(db: Db, tenantId: string, values: PersonValues[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) {
    await db.insert(people).values(values.slice(i, i + 500).map((v) => ({ ...indexed(tenantId, v), tenantId })));
  }
}

/** The fields of a person that a write may set: everything but keys, timestamps and the rank. */
export function personValuesOf(row: PersonRow): PersonValues {
  const {
    tenantId: _t,
    id: _i,
    createdAt: _c,
    updatedAt: _u,
    statusRank: _r,
    leftOn: _lo,
    leftReason: _lr,
    leftNote: _ln,
    ...values
  } = row;
  return values;
}

/** Marks the person as left (the caller checked they were on the roster); answers whether a row changed. */
export async function updateLeaving(db: Db, tenantId: string, id: string, values: LeavingValues): Promise<boolean> {
  const rows = await db
    .update(people)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id), isNull(people.leftOn)))
    .returning({ id: people.id });
  return rows.length > 0;
}

const UPDATE_BATCH = 400;
const COLUMN_TYPES: Record<keyof PersonValues, string> = {
  name: 'text',
  gender: 'text',
  ethnicity: 'text',
  birthDate: 'date',
  idNumber: 'text',
  idNumberIndex: 'text',
  phone: 'text',
  email: 'text',
  education: 'text',
  status: 'text',
  joinedOn: 'date',
  confirmedOn: 'date',
  orgUnitId: 'uuid',
  departmentId: 'uuid',
  position: 'text',
  partyPosts: 'text',
  retired: 'boolean',
  retiredOn: 'date',
  probationFrom: 'date',
  probationTo: 'date',
  suspendedFrom: 'date',
  suspendedTo: 'date',
  notes: 'text',
  nativePlace: 'text',
  workPost: 'text',
  partyStanding: 'text',
  sponsors: 'text',
  transferredInOn: 'date',
  appliedOn: 'date',
  activistOn: 'date',
  candidateOn: 'date',
};

/**
 * Many people updated in a few statements (`UPDATE … FROM (VALUES …)`): an import that changes
 * 10,000 people would otherwise send 10,000 statements through PGlite's single connection.
 */
export async function updatePeople(
  db: Db,
  tenantId: string,
  updates: { id: string; values: PersonValues }[],
): Promise<void> {
  const fields = Object.keys(COLUMN_TYPES) as (keyof PersonValues)[];
  const columnOf = (f: keyof PersonValues) => getTableColumns(people)[f].name;
  // Raw SQL passes values as they are: the encrypted columns are sealed here, as Drizzle would.
  const driverValue = (values: PersonValues, f: keyof PersonValues) =>
    f === 'idNumber'
      ? sealNullable(values.idNumber, 'people.id_number')
      : f === 'phone'
        ? sealNullable(values.phone, 'people.phone')
        : (values[f] ?? null);
  for (let i = 0; i < updates.length; i += UPDATE_BATCH) {
    const rows = updates.slice(i, i + UPDATE_BATCH).map((u) => {
      const values = indexed(tenantId, u.values);
      return sql`(${u.id}::uuid, ${sql.join(
        fields.map((f) => sql`${driverValue(values, f)}::${sql.raw(COLUMN_TYPES[f])}`),
        sql`, `,
      )})`;
    });
    await db.execute(sql`
      update ${people} set ${sql.join(
        fields.map((f) => sql.raw(`"${columnOf(f)}" = v."${columnOf(f)}"`)),
        sql`, `,
      )}, updated_at = now()
      from (values ${sql.join(rows, sql`, `)}) as v(id, ${sql.raw(fields.map((f) => `"${columnOf(f)}"`).join(', '))})
      where ${people.tenantId} = ${tenantId} and ${people.id} = v.id`);
  }
}

export async function updatePerson(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<PersonValues>,
): Promise<PersonRow | undefined> {
  const [row] = await db
    .update(people)
    .set({ ...indexed(tenantId, values), updatedAt: new Date() })
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)))
    .returning();
  return row;
}

/**
 * A person moved to another 党组织 (a transfer within the court or in), with the day their
 * organisation relation arrived (组织关系转入日期) for a transfer in; answers whether they were on the roster.
 */
export async function moveToOrgUnit(
  db: Db,
  tenantId: string,
  id: string,
  orgUnitId: string,
  transferredInOn?: string,
): Promise<boolean> {
  const rows = await db
    .update(people)
    .set({ orgUnitId, ...(transferredInOn ? { transferredInOn } : {}), updatedAt: new Date() })
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id), isNull(people.leftOn)))
    .returning({ id: people.id });
  return rows.length > 0;
}
