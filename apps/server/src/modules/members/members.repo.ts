import { and, asc, desc, eq, gt, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { AGE_BAND_RANGES, addYears, type AgeBand, type MembersQuery } from '@qizhi/domain';
import { departments, orgUnits, people, users } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';
import type { Scope } from '../../platform/scope.ts';

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

/** Birth dates that fall in an age band on `today`: born after (today − upper) and on or before (today − lower). */
function ageBandCondition(band: AgeBand, today: string): SQL | undefined {
  const [lower, upper] = AGE_BAND_RANGES[band];
  return and(gt(people.birthDate, addYears(today, -upper)), lte(people.birthDate, addYears(today, -lower)));
}

export function memberConditions(tenantId: string, scope: Scope, filter: MemberFilter, today: string): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(people.tenantId, tenantId)];
  if (!scope.all) {
    conditions.push(scope.orgUnitIds.length > 0 ? inArray(people.orgUnitId, scope.orgUnitIds) : sql`false`);
  }
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(
      or(ilike(people.name, pattern), eq(people.idNumber, filter.q.toUpperCase()), ilike(people.position, pattern)),
    );
  }
  if (filter.status) conditions.push(eq(people.status, filter.status));
  if (filter.retired !== undefined) conditions.push(eq(people.retired, filter.retired));
  if (filter.orgUnitIds)
    conditions.push(filter.orgUnitIds.length > 0 ? inArray(people.orgUnitId, filter.orgUnitIds) : sql`false`);
  if (filter.departmentId) conditions.push(eq(people.departmentId, filter.departmentId));
  if (filter.ageBand) conditions.push(ageBandCondition(filter.ageBand, today));
  return and(...conditions);
}

const STATUS_ORDER = sql`case ${people.status} when 'full' then 1 when 'probationary' then 2 when 'candidate' then 3 when 'activist' then 4 when 'applicant' then 5 else 6 end`;

function orderBy(sort: MembersQuery['sort'], order: MembersQuery['order']): SQL[] {
  const dir = order === 'desc' ? desc : asc;
  const tail = [asc(people.name), asc(people.id)];
  switch (sort) {
    case 'birthDate':
      return [dir(people.birthDate), ...tail];
    case 'joinedOn':
      return [dir(people.joinedOn), ...tail];
    case 'status':
      return [order === 'desc' ? sql`${STATUS_ORDER} desc` : STATUS_ORDER, ...tail];
    case 'department':
      return [dir(departments.sortOrder), ...tail];
    case 'name':
      return [dir(sql`${people.name} collate "C"`), asc(people.id)];
    case undefined:
      return [STATUS_ORDER, asc(people.retired), ...tail];
  }
}

const listColumns = {
  person: people,
  orgUnitName: orgUnits.name,
  departmentName: departments.name,
};

function joined(db: Db) {
  return db
    .select({ ...listColumns, total: sql<number>`(count(*) over ())::int` })
    .from(people)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, people.tenantId), eq(orgUnits.id, people.orgUnitId)))
    .leftJoin(departments, and(eq(departments.tenantId, people.tenantId), eq(departments.id, people.departmentId)));
}

/** One page and the total in one round trip (a window count), which matters on a busy PGlite. */
export async function findMemberPage(
  db: Db,
  where: SQL | undefined,
  page: { page: number; pageSize: number; sort?: MembersQuery['sort']; order?: MembersQuery['order'] },
) {
  const rows = await joined(db)
    .where(where)
    .orderBy(...orderBy(page.sort, page.order))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  if (rows.length === 0 && page.page > 1) {
    // Past the last page the window count is gone with the rows; count separately.
    const [c] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(where);
    return { rows, total: c?.n ?? 0 };
  }
  return { rows, total: rows[0]?.total ?? 0 };
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
  const [row] = await db
    .insert(people)
    .values({ ...values, tenantId })
    .returning();
  return row!;
}

export async function insertPeople(db: Db, tenantId: string, values: PersonValues[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) {
    await db.insert(people).values(values.slice(i, i + 500).map((v) => ({ ...v, tenantId })));
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
