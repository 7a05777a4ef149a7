import { and, asc, desc, eq, gte, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { MeetingStatus, MeetingType } from '@qizhi/domain';
import {
  files,
  meetingAttendees,
  meetingExemptions,
  meetingFiles,
  meetings,
  meetingTasks,
  meetingVotes,
  orgUnits,
  people,
} from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type AttendeeRow = typeof meetingAttendees.$inferSelect;

export interface MeetingFilter {
  /** Organisations to list (`undefined`: the whole court). */
  orgUnitIds?: string[] | undefined;
  type?: MeetingType | undefined;
  status?: MeetingStatus | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Leave cancelled meetings out (the ledger). */
  excludeCancelled?: boolean;
}

const hostName = sql<
  string | null
>`(select p.name from ${people} p where p.tenant_id = "meetings"."tenant_id" and p.id = "meetings"."host_person_id")`;
const recorderName = sql<
  string | null
>`(select p.name from ${people} p where p.tenant_id = "meetings"."tenant_id" and p.id = "meetings"."recorder_person_id")`;
export const listColumns = {
  meeting: meetings,
  orgUnitName: orgUnits.name,
  hostName,
  recorderName,
};

/** Rows of the listed organisations; `undefined` lists the whole court, an empty list nothing. */
export function withinUnits(column: AnyPgColumn, orgUnitIds: string[] | undefined): SQL | undefined {
  if (!orgUnitIds) return undefined;
  return orgUnitIds.length ? inArray(column, orgUnitIds) : sql`false`;
}

/** One person's row on one meeting's list. */
export function attendeeOf(tenantId: string, meetingId: string, personId: string): SQL | undefined {
  return and(
    eq(meetingAttendees.tenantId, tenantId),
    eq(meetingAttendees.meetingId, meetingId),
    eq(meetingAttendees.personId, personId),
  );
}

function meetingConditions(tenantId: string, filter: MeetingFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [eq(meetings.tenantId, tenantId), withinUnits(meetings.orgUnitId, filter.orgUnitIds)];
  if (filter.type) c.push(eq(meetings.type, filter.type));
  if (filter.status) c.push(eq(meetings.status, filter.status));
  if (filter.from) c.push(gte(meetings.startsAt, filter.from));
  if (filter.to) c.push(lt(meetings.startsAt, filter.to));
  if (filter.excludeCancelled) c.push(ne(meetings.status, 'cancelled'));
  return and(...c);
}

function joined(db: Db) {
  return db
    .select({ ...listColumns, total: sql<number>`(count(*) over ())::int` })
    .from(meetings)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, meetings.tenantId), eq(orgUnits.id, meetings.orgUnitId)));
}

export async function findMeetingPage(
  db: Db,
  tenantId: string,
  filter: MeetingFilter,
  page: { page: number; pageSize: number },
) {
  const where = meetingConditions(tenantId, filter);
  const rows = await joined(db)
    .where(where)
    .orderBy(desc(meetings.startsAt), asc(meetings.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  if (rows.length === 0 && page.page > 1) {
    const [c] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(meetings)
      .where(where);
    return { rows, total: c?.n ?? 0 };
  }
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findMeetingsForLedger(db: Db, tenantId: string, filter: MeetingFilter) {
  return db
    .select(listColumns)
    .from(meetings)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, meetings.tenantId), eq(orgUnits.id, meetings.orgUnitId)))
    .where(meetingConditions(tenantId, filter))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
}

export async function findMeetingById(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select(listColumns)
    .from(meetings)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, meetings.tenantId), eq(orgUnits.id, meetings.orgUnitId)))
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)));
  return row;
}

/** What deciding a person's vote needs of them (entitlementOf). */
const voterColumns = {
  id: people.id,
  status: people.status,
  joinedOn: people.joinedOn,
  confirmedOn: people.confirmedOn,
  orgUnitId: people.orgUnitId,
  retired: people.retired,
  probationFrom: people.probationFrom,
  probationTo: people.probationTo,
  suspendedFrom: people.suspendedFrom,
  suspendedTo: people.suspendedTo,
};

/** Every exemption (免于参加) of these people, with when it was granted. */
export async function findExemptionsOf(db: Db, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: meetingExemptions.personId,
      reason: meetingExemptions.reason,
      startsOn: meetingExemptions.startsOn,
      endsOn: meetingExemptions.endsOn,
      createdAt: meetingExemptions.createdAt,
    })
    .from(meetingExemptions)
    .where(and(eq(meetingExemptions.tenantId, tenantId), inArray(meetingExemptions.personId, personIds)));
}

export async function findAttendees(db: Db, tenantId: string, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ attendee: meetingAttendees, name: people.name, orgUnitName: orgUnits.name, person: voterColumns })
    .from(meetingAttendees)
    .innerJoin(people, and(eq(people.tenantId, meetingAttendees.tenantId), eq(people.id, meetingAttendees.personId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, people.tenantId), eq(orgUnits.id, people.orgUnitId)))
    .where(and(eq(meetingAttendees.tenantId, tenantId), inArray(meetingAttendees.meetingId, meetingIds)))
    .orderBy(asc(orgUnits.sortOrder), asc(people.retired), asc(people.name));
}

/** The attendances of meetings as the attendance rule reads them: no names, no order. */
export async function findAttendanceStates(db: Db, tenantId: string, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({
      meetingId: meetingAttendees.meetingId,
      personId: meetingAttendees.personId,
      state: meetingAttendees.state,
      leaveApproved: meetingAttendees.leaveApproved,
    })
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.tenantId, tenantId), inArray(meetingAttendees.meetingId, meetingIds)));
}

/** People as the attendance rule reads them (status, organisation, discipline periods). */
export async function findVoters(db: Db, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select(voterColumns)
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)));
}

export async function findAttendee(db: Db, tenantId: string, meetingId: string, personId: string) {
  const [row] = await db
    .select()
    .from(meetingAttendees)
    .where(attendeeOf(tenantId, meetingId, personId));
  return row;
}

export async function findVotes(db: Db, tenantId: string, meetingId: string) {
  return db
    .select()
    .from(meetingVotes)
    .where(and(eq(meetingVotes.tenantId, tenantId), eq(meetingVotes.meetingId, meetingId)))
    .orderBy(asc(meetingVotes.createdAt));
}

export async function findTasks(db: Db, tenantId: string, meetingId: string) {
  return db
    .select({ task: meetingTasks, ownerName: people.name })
    .from(meetingTasks)
    .innerJoin(people, and(eq(people.tenantId, meetingTasks.tenantId), eq(people.id, meetingTasks.ownerPersonId)))
    .where(and(eq(meetingTasks.tenantId, tenantId), eq(meetingTasks.meetingId, meetingId)))
    .orderBy(asc(meetingTasks.dueOn), asc(meetingTasks.createdAt));
}

export async function findMeetingFiles(db: Db, tenantId: string, meetingId: string) {
  return db
    .select({
      fileId: meetingFiles.fileId,
      kind: meetingFiles.kind,
      name: files.name,
      mime: files.mime,
      size: files.size,
    })
    .from(meetingFiles)
    .innerJoin(files, and(eq(files.tenantId, meetingFiles.tenantId), eq(files.id, meetingFiles.fileId)))
    .where(and(eq(meetingFiles.tenantId, tenantId), eq(meetingFiles.meetingId, meetingId)))
    .orderBy(asc(meetingFiles.createdAt));
}

export async function findPeopleByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, status: people.status, retired: people.retired, name: people.name })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
}

/** Meetings a person attends, hosts or records, between two instants (for the feed and "my meetings"). */
export async function findMeetingsOfPerson(db: Db, tenantId: string, personId: string, from: Date, to: Date) {
  return db
    .select({
      ...listColumns,
      myState: meetingAttendees.state,
      noticeReadAt: meetingAttendees.noticeReadAt,
    })
    .from(meetings)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, meetings.tenantId), eq(orgUnits.id, meetings.orgUnitId)))
    .leftJoin(
      meetingAttendees,
      and(
        eq(meetingAttendees.tenantId, meetings.tenantId),
        eq(meetingAttendees.meetingId, meetings.id),
        eq(meetingAttendees.personId, personId),
      ),
    )
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
        or(
          sql`${meetingAttendees.personId} is not null`,
          eq(meetings.hostPersonId, personId),
          eq(meetings.recorderPersonId, personId),
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(500);
}

export type LoadedRow = NonNullable<Awaited<ReturnType<typeof findMeetingById>>>;

/** The court's organisation tree, with what planning a meeting needs of each organisation. */
export async function findOrgUnits(db: Db, tenantId: string) {
  return db
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      name: orgUnits.name,
      kind: orgUnits.kind,
      secretaryPersonId: orgUnits.secretaryPersonId,
      committee: orgUnits.committee,
    })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
}
export type OrgUnitOfMeeting = Awaited<ReturnType<typeof findOrgUnits>>[number];

/** Changes a meeting's own fields (plan, status, minutes); `updatedAt` moves with every change. */
export async function updateMeeting(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof meetings.$inferInsert>,
): Promise<void> {
  await db
    .update(meetings)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)));
}
