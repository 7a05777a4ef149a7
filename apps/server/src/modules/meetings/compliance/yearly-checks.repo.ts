/**
 * What the board's yearly checks read (issue 9): annual meetings by the year they cover, the 党组
 * secretary's lectures, the 民主生活会's report dates, held 谈心谈话 and the members they pair.
 */
import { and, asc, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { ANNUAL_ITEMS, HELD_STATUSES, type MeetingType } from '@qizhi/domain';
import { meetingAttendees, meetings, people } from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';
import { withinUnits } from '../meetings.repo.ts';

const ANNUAL_TYPES = ANNUAL_ITEMS.filter((t): t is MeetingType => t !== 'democratic_evaluation');
const held = inArray(meetings.status, [...HELD_STATUSES]);

/** Held annual meetings per organisation and type, counted under the year they cover. */
export async function countAnnualHeld(db: Db, tenantId: string, orgUnitIds: string[] | undefined, year: number) {
  return db
    .select({
      orgUnitId: meetings.orgUnitId,
      type: meetings.type,
      coveredYear: sql<number>`${meetings.coveredYear}`,
      held: sql<number>`count(*)::int`,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        eq(meetings.coveredYear, year),
        inArray(meetings.type, ANNUAL_TYPES),
        withinUnits(meetings.orgUnitId, orgUnitIds),
        held,
      ),
    )
    .groupBy(meetings.orgUnitId, meetings.type, meetings.coveredYear);
}

/** Held 党课 in `[from, to)` hosted (given) by one of these people, anywhere in the court. */
export async function countLecturesBy(db: Db, tenantId: string, hostIds: string[], from: Date, to: Date) {
  if (hostIds.length === 0) return [];
  return db
    .select({ hostPersonId: sql<string>`${meetings.hostPersonId}`, held: sql<number>`count(*)::int` })
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        eq(meetings.type, 'lecture'),
        inArray(meetings.hostPersonId, hostIds),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
        held,
      ),
    )
    .groupBy(meetings.hostPersonId);
}

/** The 民主生活会 planned or held for a covered year (not cancelled), with their report dates. */
export async function findDemocraticLifeMeetings(db: Db, tenantId: string, orgUnitIds: string[], year: number) {
  if (orgUnitIds.length === 0) return [];
  return db
    .select({ orgUnitId: meetings.orgUnitId, startsAt: meetings.startsAt, reportedOn: meetings.reportedOn })
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        eq(meetings.type, 'democratic_life'),
        eq(meetings.coveredYear, year),
        inArray(meetings.orgUnitId, orgUnitIds),
        ne(meetings.status, 'cancelled'),
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

/** Held 谈心谈话 in `[from, to)`: who talked (the host) and who was present. */
export async function findHeldTalks(db: Db, tenantId: string, from: Date, to: Date) {
  return db
    .select({
      meetingId: meetings.id,
      hostPersonId: meetings.hostPersonId,
      personId: meetingAttendees.personId,
    })
    .from(meetings)
    .innerJoin(
      meetingAttendees,
      and(eq(meetingAttendees.tenantId, meetings.tenantId), eq(meetingAttendees.meetingId, meetings.id)),
    )
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        eq(meetings.type, 'talk'),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
        eq(meetingAttendees.state, 'present'),
        held,
      ),
    );
}

/** Party members (full and probationary) on the roster, with their organisation, for committees and pairs. */
export async function findPartyMembers(db: Db, tenantId: string) {
  return db
    .select({ id: people.id, name: people.name, orgUnitId: people.orgUnitId, status: people.status })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.status, ['full', 'probationary']), isNull(people.leftOn)));
}
