import {
  and,
  asc,
  desc,
  eq,
  type AnyColumn,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  AGE_BAND_RANGES,
  addYears,
  type AgeBand,
  type MembersQuery,
  type PersonStatus,
  type RosterStanding,
} from '@qizhi/domain';
import { departments, orgUnits, people, users } from '../../db/schema/index.ts';
import { containsPattern, type Db } from '../../platform/db.ts';
import { selectPrepared } from '../../platform/prepared-reads.ts';
import { unitsOf, type Scope } from '../../platform/policy.ts';
import { idNumberIndex, openNullable } from '../../platform/field-crypto.ts';

// Writes live beside, in people-writes.repo.ts; the module reads both through this file.
export * from './people-writes.repo.ts';

export type PersonRow = typeof people.$inferSelect;
/** What a roster edit or an import writes; leaving is its own act (`recordLeaving`), never an edit's. */
export type PersonValues = Omit<
  typeof people.$inferInsert,
  'tenantId' | 'id' | 'createdAt' | 'updatedAt' | 'leftOn' | 'leftReason' | 'leftNote'
>;
export type LeavingValues = Required<Pick<typeof people.$inferInsert, 'leftOn' | 'leftReason' | 'leftNote'>>;

export interface RosterFilter {
  /** 在册 unless asked otherwise: those who left stay on record but out of the current roster. */
  standing?: RosterStanding | undefined;
  q?: string | undefined;
  status?: MembersQuery['status'];
  retired?: boolean | undefined;
  orgUnitIds?: string[] | undefined;
  departmentId?: string | undefined;
  ageBand?: AgeBand | undefined;
}

/**
 * The roster's conditions, each in the shape its index answers: a whole ID number by the unique
 * index, status by the rank people_roster_idx leads with, LIKE rather than ILIKE where case cannot
 * matter.
 */
export function rosterConditions(tenantId: string, scope: Scope, filter: RosterFilter, today: string): SQL | undefined {
  // `left_on is null` is the predicate of people_roster_idx, so the current roster still reads from it.
  const conditions: (SQL | undefined)[] = [
    eq(people.tenantId, tenantId),
    filter.standing === 'left' ? isNotNull(people.leftOn) : isNull(people.leftOn),
  ];
  const units = unitsOf(scope);
  // An empty list matches nobody: `= any('{}')` is false.
  if (units) conditions.push(sql`${people.orgUnitId} = any(${sql.param(units)}::uuid[])`);
  if (filter.q && /^\d{17}[\dXx]$/.test(filter.q)) {
    // A whole ID number names one person: its blind index (the number is encrypted) is unique, so
    // the index answers at once, no scan of names. Part of a number finds nobody: it cannot be
    // searched without decrypting every row, and a fragment of someone's ID number is no way to find them.
    conditions.push(eq(people.idNumberIndex, idNumberIndex(tenantId, filter.q)));
  } else if (filter.q) {
    // Without letters that have case (Chinese names, digits), LIKE means the same as ILIKE and
    // costs half as much per row.
    const pattern = containsPattern(filter.q);
    const cased = filter.q.toLowerCase() !== filter.q.toUpperCase();
    conditions.push(
      cased
        ? or(ilike(people.name, pattern), ilike(people.position, pattern))
        : or(like(people.name, pattern), like(people.position, pattern)),
    );
  }
  // By rank, which people_roster_idx leads with; the rank is the status, kept by the database.
  if (filter.status) conditions.push(eq(people.statusRank, STATUS_RANK[filter.status]));
  if (filter.retired !== undefined) conditions.push(eq(people.retired, filter.retired));
  if (filter.orgUnitIds) conditions.push(sql`${people.orgUnitId} = any(${sql.param(filter.orgUnitIds)}::uuid[])`);
  if (filter.departmentId) conditions.push(eq(people.departmentId, filter.departmentId));
  if (filter.ageBand) {
    // Birth dates in an age band on `today`: after (today − upper), on or before (today − lower).
    const [lower, upper] = AGE_BAND_RANGES[filter.ageBand];
    conditions.push(gt(people.birthDate, addYears(today, -upper)), lte(people.birthDate, addYears(today, -lower)));
  }
  return and(...conditions);
}

/** Names sort by code point on every database (PGlite and servers set up with other locales alike). */
const NAME_ORDER = sql`${people.name} collate "C"`;
const STATUS_RANK: Record<PersonStatus, number> = {
  full: 1,
  probationary: 2,
  candidate: 3,
  activist: 4,
  applicant: 5,
  non_party: 6,
};

interface SortKey {
  key: SQL;
  descending: boolean;
}

/** The roster's sort keys, in order; the last two (name by code point, id) make every order total. */
function sortKeysOf(sort: MembersQuery['sort'], order: MembersQuery['order']): SortKey[] {
  const descending = order === 'desc';
  const by = (key: SQL | AnyColumn, down = descending): SortKey => ({ key: sql`${key}`, descending: down });
  const tail = [by(NAME_ORDER, false), by(people.id, false)];
  switch (sort) {
    case 'birthDate':
      return [by(people.birthDate), ...tail];
    case 'joinedOn':
      return [by(people.joinedOn), ...tail];
    case 'status':
      return [by(people.statusRank), ...tail];
    case 'department':
      return [
        by(
          sql`(select d.sort_order from ${departments} d where d.tenant_id = "people"."tenant_id" and d.id = "people"."department_id")`,
        ),
        ...tail,
      ];
    case 'name':
      return [by(NAME_ORDER), by(people.id)];
    case undefined:
      // Matches people_roster_idx, so the default page is read in order from the index.
      return [by(people.statusRank, false), by(people.retired, false), ...tail];
  }
}

function orderBy(sort: MembersQuery['sort'], order: MembersQuery['order']): SQL[] {
  return sortKeysOf(sort, order).map((k) => (k.descending ? desc(k.key) : asc(k.key)));
}

const listColumns = {
  person: people,
  orgUnitName: orgUnits.name,
  departmentName: departments.name,
};

/** The roster list's columns from `people`: only what the page shows. */
const PAGE_COLUMNS = {
  id: people.id,
  name: people.name,
  gender: people.gender,
  birthDate: people.birthDate,
  status: people.status,
  retired: people.retired,
  orgUnitId: people.orgUnitId,
  departmentId: people.departmentId,
  position: people.position,
  joinedOn: people.joinedOn,
  idNumber: people.idNumber,
  phone: people.phone,
  leftOn: people.leftOn,
  leftReason: people.leftReason,
};
export type PersonPageRow = Pick<PersonRow, keyof typeof PAGE_COLUMNS> & {
  orgUnitName: string | null;
  departmentName: string | null;
};

export interface PageRequest {
  page: number;
  pageSize: number;
  sort?: MembersQuery['sort'];
  order?: MembersQuery['order'];
}

/**
 * One page and the total, read from the database each time, in one statement. The page is cut
 * from `people` alone — in the default order straight from people_roster_idx, which carries every
 * column the page shows — with the total counted once beside it; only the page's rows then look up
 * their organisation and department names. The statement is prepared (`selectPrepared`). Joining the names before
 * LIMIT/OFFSET (as before) joined and sorted every matching person to keep twenty. A page past the
 * end has no row to carry the total, so it is counted apart.
 */
export async function findRosterPage(
  db: Db,
  where: SQL | undefined,
  page: PageRequest,
): Promise<{ rows: PersonPageRow[]; total: number }> {
  const keys = sortKeysOf(page.sort, page.order);
  // The sort keys ride along as sort_0, sort_1 … so the page keeps its order outside the cut.
  const keyFields = Object.fromEntries(keys.map((k, i) => [`sort_${String(i)}`, k.key.as(`sort_${String(i)}`)]));
  const cut = db
    .select({
      ...PAGE_COLUMNS,
      ...keyFields,
      tenantId: people.tenantId,
    })
    .from(people)
    .where(where)
    .orderBy(...keys.map((k) => (k.descending ? desc(k.key) : asc(k.key))))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .as('page_rows');
  const fields = {
    ...pick(cut, Object.keys(PAGE_COLUMNS) as (keyof typeof PAGE_COLUMNS)[]),
    orgUnitName: sql<string | null>`(select o.name from ${orgUnits} o
        where o.tenant_id = ${cutColumn('tenant_id')} and o.id = ${cutColumn('org_unit_id')})`,
    departmentName: sql<string | null>`(select d.name from ${departments} d
        where d.tenant_id = ${cutColumn('tenant_id')} and d.id = ${cutColumn('department_id')})`,
    // Counted once beside the page (an InitPlan over the narrow index), not by a window over the
    // page's wide rows: 22 % less work on PGlite, and on PostgreSQL the deep pages stop paying twice.
    total: sql<number>`(select count(*) from ${people} where ${where ?? sql`true`})`,
  };
  const query = db
    .select(fields)
    .from(cut)
    .orderBy(
      ...keys.map((k, i) => {
        const key = cutColumn(`sort_${String(i)}`);
        return k.descending ? desc(key) : asc(key);
      }),
    );
  // The one read on every roster view: prepared, so the database plans it once (issue 8's target).
  const found = await selectPrepared(db, query, Object.keys(fields) as (keyof typeof fields)[]);
  // The prepared read returns the columns as stored: the encrypted numbers are opened here (a value
  // Drizzle already opened, on the unprepared path, passes through unchanged).
  const rows = found.map(({ total: _t, ...row }) => ({
    ...row,
    idNumber: openNullable(row.idNumber, 'people.id_number'),
    phone: openNullable(row.phone, 'people.phone'),
  }));
  if (found[0]) return { rows, total: Number(found[0].total) };
  if (page.page === 1) return { rows, total: 0 };
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

/**
 * A column of the page's cut, always qualified: with one source in FROM, Drizzle writes columns
 * unqualified, and inside the name look-ups an unqualified "tenant_id" would be the looked-up table's own.
 */
function cutColumn(name: string): SQL {
  return sql`${sql.identifier('page_rows')}.${sql.identifier(name)}`;
}

function pick<T extends object, K extends keyof T>(source: T, names: K[]): Pick<T, K> {
  return Object.fromEntries(names.map((n) => [n, source[n]])) as Pick<T, K>;
}

export async function findPeopleForExport(db: Db, where: SQL | undefined) {
  return db
    .select(listColumns)
    .from(people)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, people.tenantId), eq(orgUnits.id, people.orgUnitId)))
    .leftJoin(departments, and(eq(departments.tenantId, people.tenantId), eq(departments.id, people.departmentId)))
    .where(where)
    .orderBy(...orderBy(undefined, undefined));
}

export async function findPersonById(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({
      ...listColumns,
      hasAccount: sql<boolean>`exists (select 1 from ${users} u where u.tenant_id = "people"."tenant_id" and u.person_id = "people"."id")`,
    })
    .from(people)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, people.tenantId), eq(orgUnits.id, people.orgUnitId)))
    .leftJoin(departments, and(eq(departments.tenantId, people.tenantId), eq(departments.id, people.departmentId)))
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
  return row;
}

export async function findPeopleByIdNumbers(db: Db, tenantId: string, idNumbers: string[]): Promise<PersonRow[]> {
  if (idNumbers.length === 0) return [];
  const found: PersonRow[] = [];
  // Chunked so a 20,000-row import stays well under the bind-parameter limit.
  for (let i = 0; i < idNumbers.length; i += 5_000) {
    found.push(
      ...(await db
        .select()
        .from(people)
        .where(
          and(
            eq(people.tenantId, tenantId),
            inArray(
              people.idNumberIndex,
              idNumbers.slice(i, i + 5_000).map((n) => idNumberIndex(tenantId, n)),
            ),
          ),
        )),
    );
  }
  return found;
}

/** The rows statistics are computed from: small per person, so a court of 10,000 stays cheap. */
export async function findStatsRows(db: Db, where: SQL | undefined) {
  return db
    .select({
      status: people.status,
      gender: people.gender,
      ethnicity: people.ethnicity,
      education: people.education,
      birthDate: people.birthDate,
      joinedOn: people.joinedOn,
      retired: people.retired,
      orgUnitId: people.orgUnitId,
      departmentKind: departments.kind,
    })
    .from(people)
    .leftJoin(departments, and(eq(departments.tenantId, people.tenantId), eq(departments.id, people.departmentId)))
    .where(where);
}

/** Fresh statistics after a large import, so the roster's plans stay right (PGlite has no autovacuum). */
export async function analyzePeople(db: Db): Promise<void> {
  await db.execute(sql`analyze people`);
}
