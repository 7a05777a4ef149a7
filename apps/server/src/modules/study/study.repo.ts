import { and, asc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  files,
  goals,
  orgUnits,
  people,
  studyAttendance,
  studyProgrammes,
  studySessionFiles,
  studySessions,
  tenants,
  workCalendarDays,
} from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type StudySessionRow = typeof studySessions.$inferSelect;
export type StudyProgrammeRow = typeof studyProgrammes.$inferSelect;
export type StudyAttendanceRow = typeof studyAttendance.$inferSelect;

/** The organisation tree with who sits on each committee (a court has tens of units). */
export async function findOrgUnits(db: Db, tenantId: string) {
  return db
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      name: orgUnits.name,
      secretaryPersonId: orgUnits.secretaryPersonId,
      committee: orgUnits.committee,
    })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId));
}

/** Serving staff: on the roster, not retired — those the court's study is for. */
export async function findServingStaff(db: Db, tenantId: string) {
  return db
    .select({ id: people.id, name: people.name, status: people.status, orgUnitId: people.orgUnitId })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.retired, false), isNull(people.leftOn)))
    .orderBy(sql`${people.name} collate "C"`, people.id);
}

export async function findPeopleByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name, orgUnitId: people.orgUnitId, retired: people.retired })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
}

export async function findCalendarDays(db: Db, tenantId: string, from: string, to: string) {
  return db
    .select({ day: workCalendarDays.day, kind: workCalendarDays.kind, name: workCalendarDays.name })
    .from(workCalendarDays)
    .where(and(eq(workCalendarDays.tenantId, tenantId), gte(workCalendarDays.day, from), lt(workCalendarDays.day, to)))
    .orderBy(asc(workCalendarDays.day));
}

export async function replaceCalendarYear(
  db: Db,
  tenantId: string,
  year: number,
  days: { day: string; kind: 'holiday' | 'workday'; name: string }[],
) {
  await db
    .delete(workCalendarDays)
    .where(
      and(
        eq(workCalendarDays.tenantId, tenantId),
        gte(workCalendarDays.day, `${String(year)}-01-01`),
        lt(workCalendarDays.day, `${String(year + 1)}-01-01`),
      ),
    );
  if (days.length > 0) await db.insert(workCalendarDays).values(days.map((d) => ({ tenantId, ...d })));
}

export async function insertProgramme(db: Db, values: typeof studyProgrammes.$inferInsert): Promise<StudyProgrammeRow> {
  const [row] = await db.insert(studyProgrammes).values(values).returning();
  return row!;
}

export async function findProgrammes(db: Db, tenantId: string) {
  return db
    .select({
      programme: studyProgrammes,
      sessions: sql<number>`(select count(*)::int from ${studySessions} s where s.tenant_id = ${studyProgrammes.tenantId} and s.programme_id = ${studyProgrammes.id})`,
    })
    .from(studyProgrammes)
    .where(eq(studyProgrammes.tenantId, tenantId))
    .orderBy(asc(studyProgrammes.createdAt));
}

export async function insertSessions(
  db: Db,
  values: (typeof studySessions.$inferInsert)[],
): Promise<StudySessionRow[]> {
  const out: StudySessionRow[] = [];
  // In slices, so a year of morning sessions stays within the statement's parameter limit.
  for (let i = 0; i < values.length; i += 200) {
    out.push(
      ...(await db
        .insert(studySessions)
        .values(values.slice(i, i + 200))
        .returning()),
    );
  }
  return out;
}

/** Sessions starting in [from, to), oldest first; `orgUnitIds` undefined: any organisation. */
export async function findSessions(
  db: Db,
  tenantId: string,
  q: { from: Date; to: Date; visibleOrgUnitIds?: string[] | undefined; orgUnitId?: string | undefined; kind?: string },
) {
  const visible: SQL | undefined = q.visibleOrgUnitIds
    ? or(
        isNull(studySessions.orgUnitId),
        q.visibleOrgUnitIds.length > 0 ? inArray(studySessions.orgUnitId, q.visibleOrgUnitIds) : undefined,
      )
    : undefined;
  return db
    .select({ session: studySessions, orgUnitName: orgUnits.name })
    .from(studySessions)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, studySessions.tenantId), eq(orgUnits.id, studySessions.orgUnitId)))
    .where(
      and(
        eq(studySessions.tenantId, tenantId),
        gte(studySessions.startsAt, q.from),
        lt(studySessions.startsAt, q.to),
        visible,
        q.orgUnitId ? eq(studySessions.orgUnitId, q.orgUnitId) : undefined,
        q.kind ? eq(studySessions.kind, q.kind as StudySessionRow['kind']) : undefined,
      ),
    )
    .orderBy(asc(studySessions.startsAt), asc(studySessions.id))
    .limit(2000);
}

export async function findSession(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ session: studySessions, orgUnitName: orgUnits.name })
    .from(studySessions)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, studySessions.tenantId), eq(orgUnits.id, studySessions.orgUnitId)))
    .where(and(eq(studySessions.tenantId, tenantId), eq(studySessions.id, id)));
  return row;
}

export async function updateSession(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof studySessions.$inferInsert>,
) {
  await db
    .update(studySessions)
    .set(values)
    .where(and(eq(studySessions.tenantId, tenantId), eq(studySessions.id, id)));
  // The ledger reads hours from the attendance rows: they follow the session's.
  if (values.hours !== undefined) {
    await db
      .update(studyAttendance)
      .set({ hours: values.hours })
      .where(and(eq(studyAttendance.tenantId, tenantId), eq(studyAttendance.sessionId, id)));
  }
}

export async function findFilesByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), inArray(files.id, ids)));
}

export async function findSessionFiles(db: Db, tenantId: string, sessionId: string) {
  return db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size })
    .from(studySessionFiles)
    .innerJoin(files, and(eq(files.tenantId, studySessionFiles.tenantId), eq(files.id, studySessionFiles.fileId)))
    .where(and(eq(studySessionFiles.tenantId, tenantId), eq(studySessionFiles.sessionId, sessionId)))
    .orderBy(asc(files.name));
}

export async function replaceSessionFiles(db: Db, tenantId: string, sessionId: string, fileIds: string[]) {
  await db
    .delete(studySessionFiles)
    .where(and(eq(studySessionFiles.tenantId, tenantId), eq(studySessionFiles.sessionId, sessionId)));
  if (fileIds.length > 0)
    await db.insert(studySessionFiles).values(fileIds.map((fileId) => ({ tenantId, sessionId, fileId })));
}

export async function findAttendance(db: Db, tenantId: string, sessionId: string) {
  return db
    .select()
    .from(studyAttendance)
    .where(and(eq(studyAttendance.tenantId, tenantId), eq(studyAttendance.sessionId, sessionId)));
}

export async function upsertAttendance(db: Db, values: typeof studyAttendance.$inferInsert) {
  const { tenantId: _t, sessionId: _s, personId: _p, ...changes } = values;
  await db
    .insert(studyAttendance)
    .values(values)
    .onConflictDoUpdate({
      target: [studyAttendance.tenantId, studyAttendance.sessionId, studyAttendance.personId],
      set: { ...changes, updatedAt: new Date() },
    });
}

/**
 * 已修学时 per person: the hours of the sessions they attended in [from, to), cancelled sessions
 * left out. One range of the (tenant, starts_at) index: a court's year is ≈20,000 rows.
 */
export async function sumEarnedHours(db: Db, tenantId: string, from: Date, to: Date, personId?: string) {
  return db
    .select({ personId: studyAttendance.personId, earned: sql<number>`sum(${studyAttendance.hours})::float8` })
    .from(studyAttendance)
    .where(
      and(
        eq(studyAttendance.tenantId, tenantId),
        gte(studyAttendance.startsAt, from),
        lt(studyAttendance.startsAt, to),
        eq(studyAttendance.state, 'present'),
        personId ? eq(studyAttendance.personId, personId) : undefined,
        // Uncorrelated, so it is run once and hashed: a correlated anti-join, without statistics (PGlite
        // is never ANALYZEd), walked every session for each of a year's 20,000 rows (2 s).
        sql`${studyAttendance.sessionId} not in (select s.id from ${studySessions} s where s.tenant_id = ${tenantId} and s.cancelled_at is not null)`,
      ),
    )
    .groupBy(studyAttendance.personId);
}

/** A person's recorded attendance in [from, to), oldest first, with the session. */
export async function findPersonAttendance(db: Db, tenantId: string, personId: string, from: Date, to: Date) {
  return db
    .select({
      id: studySessions.id,
      title: studySessions.title,
      kind: studySessions.kind,
      startsAt: studySessions.startsAt,
      hours: studySessions.hours,
      cancelledAt: studySessions.cancelledAt,
      state: studyAttendance.state,
      reason: studyAttendance.reason,
    })
    .from(studyAttendance)
    .innerJoin(
      studySessions,
      and(eq(studySessions.tenantId, studyAttendance.tenantId), eq(studySessions.id, studyAttendance.sessionId)),
    )
    .where(
      and(
        eq(studyAttendance.tenantId, tenantId),
        eq(studyAttendance.personId, personId),
        gte(studyAttendance.startsAt, from),
        lt(studyAttendance.startsAt, to),
      ),
    )
    .orderBy(asc(studyAttendance.startsAt));
}

/** The court's own study-hour requirements, where it set any (tenant settings). */
export async function findStudySettings(db: Db, tenantId: string) {
  const [row] = await db.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.settings.studyHoursRequired;
}

/**
 * Goals whose indicator is study hours (progress_source 'study_hours') take the ledger's figure as
 * their accepted value: one statement for the year's goals of the listed owners (all when omitted),
 * run in the transaction that changed the attendance, so no member reports what the ledger holds.
 */
export async function syncLedgerGoals(
  db: Db,
  tenantId: string,
  year: number,
  from: Date,
  to: Date,
  personIds?: string[],
) {
  if (personIds && personIds.length === 0) return;
  const earned = sql`coalesce((select sum(a.hours) from ${studyAttendance} a
      where a.tenant_id = ${goals.tenantId} and a.person_id = ${goals.ownerPersonId} and a.state = 'present'
        and a.starts_at >= ${from} and a.starts_at < ${to}
        and a.session_id not in (select s.id from ${studySessions} s where s.tenant_id = ${tenantId} and s.cancelled_at is not null)), 0)`;
  await db
    .update(goals)
    .set({ acceptedValue: earned, acceptedAt: new Date() })
    .where(
      and(
        eq(goals.tenantId, tenantId),
        eq(goals.year, year),
        eq(goals.progressSource, 'study_hours'),
        personIds ? inArray(goals.ownerPersonId, personIds) : undefined,
      ),
    );
}

/** Members' goals counted in 学时 read their progress from the ledger (the demo's "年度学习教育不少于32学时"). */
export async function markStudyHourGoals(db: Db, tenantId: string, year: number) {
  await db
    .update(goals)
    .set({ progressSource: 'study_hours' })
    .where(
      and(
        eq(goals.tenantId, tenantId),
        eq(goals.year, year),
        eq(goals.ownerKind, 'person'),
        eq(goals.indicatorKind, 'count'),
        eq(goals.unit, '学时'),
      ),
    );
}
