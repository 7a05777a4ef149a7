import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  ilike,
  inArray,
  like,
  lte,
  or,
  sql,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import { AGE_BAND_RANGES, addYears, type AgeBand, type MembersQuery, type PersonStatus } from '@qizhi/domain';
import { departments, orgUnits, people, users } from '../../db/schema/index.ts';
import type { Database, Db } from '../../platform/db.ts';
import { bindStatement, statementOf, type PreparedStatement } from '../../platform/prepared-reads.ts';
import type { Scope } from '../../platform/policy.ts';
import { forgetRoster, orderedIds } from './roster-cache.ts';

export type PersonRow = typeof people.$inferSelect;
export type PersonValues = Omit<typeof people.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'updatedAt'>;

export interface MemberFilter {
  q?: string | undefined;
  status?: MembersQuery['status'];
  retired?: boolean | undefined;
  orgUnitIds?: string[] | undefined;
  departmentId?: string | undefined;
  ageBand?: AgeBand | undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One value a roster condition compares with, under a name that says which condition it is. A
 * list of bindings is the whole filter: its names decide the statement's shape (see rosterShape),
 * its values fill the statement's parameters.
 */
export type MemberBinding =
  | { name: 'tenant' | 'idNumber' | 'pattern' | 'casedPattern' | 'department' | 'bornAfter' | 'bornBy'; value: string }
  | { name: 'scopeUnits' | 'orgUnits'; value: string[] }
  | { name: 'statusRank'; value: number }
  | { name: 'retired'; value: boolean };

export function memberBindings(tenantId: string, scope: Scope, filter: MemberFilter, today: string): MemberBinding[] {
  const bindings: MemberBinding[] = [{ name: 'tenant', value: tenantId }];
  // An empty list matches nobody: `= any('{}')` is false, with no separate shape for it.
  if (!scope.all) bindings.push({ name: 'scopeUnits', value: scope.orgUnitIds });
  if (filter.q && /^\d{17}[\dXx]$/.test(filter.q)) {
    // A whole ID number names one person: the unique index answers at once, no scan of names.
    bindings.push({ name: 'idNumber', value: filter.q.toUpperCase() });
  } else if (filter.q) {
    // Without letters that have case (Chinese names, digits), LIKE means the same as ILIKE and
    // costs half as much per row.
    const cased = filter.q.toLowerCase() !== filter.q.toUpperCase();
    bindings.push({ name: cased ? 'casedPattern' : 'pattern', value: `%${escapeLike(filter.q)}%` });
  }
  // By rank, which people_roster_idx leads with; the rank is the status, kept by the database.
  if (filter.status) bindings.push({ name: 'statusRank', value: STATUS_RANK[filter.status] });
  if (filter.retired !== undefined) bindings.push({ name: 'retired', value: filter.retired });
  if (filter.orgUnitIds) bindings.push({ name: 'orgUnits', value: filter.orgUnitIds });
  if (filter.departmentId) bindings.push({ name: 'department', value: filter.departmentId });
  if (filter.ageBand) {
    // Birth dates in an age band on `today`: after (today − upper), on or before (today − lower).
    const [lower, upper] = AGE_BAND_RANGES[filter.ageBand];
    bindings.push({ name: 'bornAfter', value: addYears(today, -upper) });
    bindings.push({ name: 'bornBy', value: addYears(today, -lower) });
  }
  return bindings;
}

/** The condition of one binding, comparing with `value` — a bound parameter or a placeholder. */
function conditionOf(name: MemberBinding['name'], value: SQLWrapper): SQL | undefined {
  switch (name) {
    case 'tenant':
      return eq(people.tenantId, value);
    case 'scopeUnits':
    case 'orgUnits':
      return sql`${people.orgUnitId} = any(${value}::uuid[])`;
    case 'idNumber':
      return eq(people.idNumber, value);
    case 'pattern':
      return or(like(people.name, value), like(people.position, value));
    case 'casedPattern':
      return or(ilike(people.name, value), ilike(people.position, value));
    case 'statusRank':
      return eq(people.statusRank, value);
    case 'retired':
      return eq(people.retired, value);
    case 'department':
      return eq(people.departmentId, value);
    case 'bornAfter':
      return gt(people.birthDate, value);
    case 'bornBy':
      return lte(people.birthDate, value);
  }
}

/** The conditions of a roster shape, each comparing with a placeholder named after its binding. */
function placeholderConditions(names: MemberBinding['name'][]): SQL | undefined {
  return and(...names.map((name) => conditionOf(name, sql.placeholder(name))));
}

export function memberConditions(tenantId: string, scope: Scope, filter: MemberFilter, today: string): SQL | undefined {
  return and(...memberBindings(tenantId, scope, filter, today).map((b) => conditionOf(b.name, sql.param(b.value))));
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

function orderBy(sort: MembersQuery['sort'], order: MembersQuery['order']): SQL[] {
  const dir = order === 'desc' ? desc : asc;
  const tail = [asc(NAME_ORDER), asc(people.id)];
  switch (sort) {
    case 'birthDate':
      return [dir(people.birthDate), ...tail];
    case 'joinedOn':
      return [dir(people.joinedOn), ...tail];
    case 'status':
      return [dir(people.statusRank), ...tail];
    case 'department':
      return [
        dir(
          sql`(select d.sort_order from ${departments} d where d.tenant_id = "people"."tenant_id" and d.id = "people"."department_id")`,
        ),
        ...tail,
      ];
    case 'name':
      return [dir(NAME_ORDER), dir(people.id)];
    case undefined:
      // Matches people_roster_idx, so the default page is read in order from the index.
      return [asc(people.statusRank), asc(people.retired), ...tail];
  }
}

const listColumns = {
  person: people,
  orgUnitName: orgUnits.name,
  departmentName: departments.name,
};

/** The roster list's columns, in the order the page statement returns them. */
const PAGE_FIELDS = {
  id: people.id,
  name: people.name,
  gender: people.gender,
  birthDate: people.birthDate,
  status: people.status,
  retired: people.retired,
  orgUnitId: people.orgUnitId,
  orgUnitName: orgUnits.name,
  departmentId: people.departmentId,
  departmentName: departments.name,
  position: people.position,
  joinedOn: people.joinedOn,
  idNumber: people.idNumber,
  phone: people.phone,
};
const PAGE_FIELD_NAMES = Object.keys(PAGE_FIELDS) as (keyof typeof PAGE_FIELDS)[];
export type MemberPageRow = Pick<PersonRow, Exclude<keyof typeof PAGE_FIELDS, 'orgUnitName' | 'departmentName'>> & {
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
 * The ids a roster shape matches, in order — which conditions (the bindings' names), sort and
 * order — with a placeholder for every value, as one comma-separated text: a single value to
 * decode rather than thousands of rows. PGlite (PostgreSQL 18) feeds an ordered aggregate straight
 * from people_roster_idx; PostgreSQL before 16 would sort inside the aggregate (35 ms at 10,000),
 * so there the rows are numbered in order first and the aggregate sorts the numbers (10–20 ms).
 */
function rosterIdsStatement(
  db: Db,
  kind: Database['kind'],
  names: MemberBinding['name'][],
  order: Omit<PageRequest, 'page' | 'pageSize'>,
): PreparedStatement {
  const ordering = sql.join(orderBy(order.sort, order.order), sql`, `);
  const where = placeholderConditions(names);
  if (kind === 'pglite') {
    return statementOf(
      db
        .select({ ids: sql<string>`coalesce(string_agg(${people.id}::text, ',' order by ${ordering}), '')` })
        .from(people)
        .where(where)
        .toSQL(),
    );
  }
  const numbered = db
    .select({ id: people.id, n: sql<number>`row_number() over (order by ${ordering})`.as('n') })
    .from(people)
    .where(where)
    .as('numbered');
  return statementOf(
    db
      .select({ ids: sql<string>`coalesce(string_agg(${numbered.id}::text, ',' order by ${numbered.n}), '')` })
      .from(numbered)
      .toSQL(),
  );
}

/**
 * The page's rows as one JSON array of arrays: a single value to decode instead of 14 fields of 20
 * rows, which on PGlite is most of the statement's cost.
 */
function pageRowsStatement(db: Db): PreparedStatement {
  const columns = sql.join(
    PAGE_FIELD_NAMES.map((f) => PAGE_FIELDS[f]),
    sql`, `,
  );
  return statementOf(
    db
      .select({ rows: sql`coalesce(json_agg(json_build_array(${columns})), '[]')` })
      .from(people)
      .leftJoin(orgUnits, and(eq(orgUnits.tenantId, people.tenantId), eq(orgUnits.id, people.orgUnitId)))
      .leftJoin(departments, and(eq(departments.tenantId, people.tenantId), eq(departments.id, people.departmentId)))
      .where(
        and(eq(people.tenantId, sql.placeholder('tenant')), sql`${people.id} = any(${sql.placeholder('ids')}::uuid[])`),
      )
      .toSQL(),
  );
}

/**
 * Without kept orderings (the database's announcements cannot be heard), a page walks the index up
 * to its offset and the total is counted, each time: still two cheap statements, not a list.
 */
function directPageStatements(db: Db, names: MemberBinding['name'][], order: Omit<PageRequest, 'page' | 'pageSize'>) {
  const where = placeholderConditions(names);
  return {
    ids: statementOf(
      db
        .select({ id: people.id })
        .from(people)
        .where(where)
        .orderBy(...orderBy(order.sort, order.order))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
        .toSQL(),
    ),
    count: statementOf(
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(people)
        .where(where)
        .toSQL(),
    ),
  };
}

/**
 * Built statements by shape. Every condition binds a value under its own name, so the names in
 * order, with the sort and order, determine the text; a court's roster has a few dozen shapes.
 */
const statementCache = new Map<string, unknown>();
function cachedStatement<T>(key: string, build: () => T): T {
  if (!statementCache.has(key)) statementCache.set(key, build());
  return statementCache.get(key) as T;
}

/** The page's ids and the total: from the kept ordering when it can be trusted (roster-cache.ts). */
async function pageIdsOf(
  database: Database,
  bindings: MemberBinding[],
  page: PageRequest,
): Promise<{ pageIds: string[]; total: number }> {
  const names = bindings.map((b) => b.name);
  const shape = `${names.join(',')}|${page.sort ?? ''}|${page.order ?? ''}`;
  const values: Record<string, unknown> = Object.fromEntries(bindings.map((b) => [b.name, b.value]));
  const offset = (page.page - 1) * page.pageSize;
  if (!database.changes.live) {
    const direct = cachedStatement(`direct|${shape}`, () => directPageStatements(database.db, names, page));
    values.limit = page.pageSize;
    values.offset = offset;
    const [ids, [[total]]] = await Promise.all([
      database.readPrepared(direct.ids.text, bindStatement(direct.ids, values)),
      database.readPrepared(direct.count.text, bindStatement(direct.count, values)) as Promise<[[number]]>,
    ]);
    return { pageIds: ids.map((row) => row[0] as string), total };
  }
  const statement = cachedStatement(`${database.kind}|${shape}`, () =>
    rosterIdsStatement(database.db, database.kind, names, page),
  );
  const tenantId = values.tenant as string;
  const ids = await orderedIds(database, tenantId, JSON.stringify([shape, bindings.map((b) => b.value)]), async () => {
    const [[joined]] = (await database.readPrepared(statement.text, bindStatement(statement, values))) as [[string]];
    return joined ? joined.split(',') : [];
  });
  return { pageIds: ids.slice(offset, offset + page.pageSize), total: ids.length };
}

/** One page and the total; the page's rows are always read fresh, by primary key. */
export async function findMemberPage(
  database: Database,
  bindings: MemberBinding[],
  page: PageRequest,
): Promise<{ rows: MemberPageRow[]; total: number }> {
  const { pageIds, total } = await pageIdsOf(database, bindings, page);
  if (pageIds.length === 0) return { rows: [], total };
  const statement = cachedStatement('rows', () => pageRowsStatement(database.db));
  const tenant = bindings.find((b) => b.name === 'tenant')?.value;
  const [result] = await database.readPrepared(statement.text, bindStatement(statement, { tenant, ids: pageIds }));
  const found = (result?.[0] ?? []) as unknown[][];
  const position = new Map(pageIds.map((id, i) => [id, i]));
  const rows = found
    .map((row) => Object.fromEntries(PAGE_FIELD_NAMES.map((f, i) => [f, row[i]])) as MemberPageRow)
    .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  return { rows, total };
}

export async function findMembersForExport(db: Db, where: SQL | undefined) {
  return db
    .select(listColumns)
    .from(people)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, people.tenantId), eq(orgUnits.id, people.orgUnitId)))
    .leftJoin(departments, and(eq(departments.tenantId, people.tenantId), eq(departments.id, people.departmentId)))
    .where(where)
    .orderBy(...orderBy(undefined, undefined));
}

export async function findMemberById(db: Db, tenantId: string, id: string) {
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
        .where(and(eq(people.tenantId, tenantId), inArray(people.idNumber, idNumbers.slice(i, i + 5_000))))),
    );
  }
  return found;
}

export async function insertPerson(db: Db, tenantId: string, values: PersonValues): Promise<PersonRow> {
  forgetRoster(tenantId);
  const [row] = await db
    .insert(people)
    .values({ ...values, tenantId })
    .returning();
  return row!;
}

export async function insertPeople(db: Db, tenantId: string, values: PersonValues[]): Promise<void> {
  forgetRoster(tenantId);
  for (let i = 0; i < values.length; i += 500) {
    await db.insert(people).values(values.slice(i, i + 500).map((v) => ({ ...v, tenantId })));
  }
}

/** The fields of a person that a write may set: everything but keys, timestamps and the rank. */
export function personValuesOf(row: PersonRow): PersonValues {
  const { tenantId: _t, id: _i, createdAt: _c, updatedAt: _u, statusRank: _r, ...values } = row;
  return values;
}

const UPDATE_BATCH = 400;
const COLUMN_TYPES: Record<keyof PersonValues, string> = {
  name: 'text',
  gender: 'text',
  ethnicity: 'text',
  birthDate: 'date',
  idNumber: 'text',
  phone: 'text',
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
  notes: 'text',
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
  forgetRoster(tenantId);
  const fields = Object.keys(COLUMN_TYPES) as (keyof PersonValues)[];
  const columnOf = (f: keyof PersonValues) => getTableColumns(people)[f].name;
  for (let i = 0; i < updates.length; i += UPDATE_BATCH) {
    const rows = updates.slice(i, i + UPDATE_BATCH).map(
      (u) =>
        sql`(${u.id}::uuid, ${sql.join(
          fields.map((f) => sql`${u.values[f] ?? null}::${sql.raw(COLUMN_TYPES[f])}`),
          sql`, `,
        )})`,
    );
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
  forgetRoster(tenantId);
  const [row] = await db
    .update(people)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)))
    .returning();
  return row;
}

export async function countPeopleInOrgUnits(db: Db, tenantId: string, orgUnitIds: string[]): Promise<number> {
  if (orgUnitIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.orgUnitId, orgUnitIds)));
  return row?.n ?? 0;
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
