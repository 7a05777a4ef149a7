import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import {
  DEFAULT_COURT_TIME_ZONE,
  HELD_STATUSES,
  MEETING_TYPE_RULES,
  MEETING_TYPES,
  type HeldCount,
  type MeetingFrequency,
  type MeetingType,
  type OrgKind,
} from '@qizhi/domain';
import {
  meetingAttendees,
  meetingExemptions,
  meetingFrequencySettings,
  meetings,
  orgUnits,
  people,
} from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';
import { withinUnits } from '../meetings.repo.ts';

/** The court's time zone as an SQL literal (a constant of the code, never input). */
const COURT_ZONE = sql.raw(`'${DEFAULT_COURT_TIME_ZONE}'`);

/** The court's month of `starts_at`, computed in SQL so grouping happens in the database. */
export const courtMonth = sql<string>`to_char(${meetings.startsAt} at time zone ${COURT_ZONE}, 'YYYY-MM')`;

/** Held meetings per organisation, type and month (grouped by the first three). */
export const heldByMonthColumns = {
  orgUnitId: meetings.orgUnitId,
  type: meetings.type,
  month: courtMonth,
  held: sql<number>`count(*)::int`,
};

/** The organisation tree as the compliance rules read it. */
export const complianceOrgColumns = {
  id: orgUnits.id,
  parentId: orgUnits.parentId,
  kind: orgUnits.kind,
  name: orgUnits.name,
  sortOrder: orgUnits.sortOrder,
  secretaryPersonId: orgUnits.secretaryPersonId,
  committee: orgUnits.committee,
};

/**
 * Held meetings per organisation, type and court month in `[from, to)`. One GROUP BY over the
 * index (tenant_id, org_unit_id, starts_at); the domain rolls months up into quarters and years.
 */
export async function countHeldByMonth(
  db: Db,
  tenantId: string,
  orgUnitIds: string[] | undefined,
  from: Date,
  to: Date,
): Promise<HeldCount[]> {
  if (orgUnitIds && orgUnitIds.length === 0) return [];
  return db
    .select(heldByMonthColumns)
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        orgUnitIds ? inArray(meetings.orgUnitId, orgUnitIds) : undefined,
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
        inArray(meetings.status, [...HELD_STATUSES]),
      ),
    )
    .groupBy(meetings.orgUnitId, meetings.type, courtMonth);
}

/** The court month number (1–12) of `starts_at`; within one year's range it names the month. */
const courtMonthNumber = sql.raw(`extract(month from m.starts_at at time zone '${DEFAULT_COURT_TIME_ZONE}')::int`);

export interface ComplianceInputs {
  orgs: {
    id: string;
    parentId: string | null;
    kind: OrgKind;
    name: string;
    sortOrder: number;
    secretaryPersonId: string | null;
    committee: { personId: string }[];
  }[];
  overrides: { orgUnitId: string; type: MeetingType; frequency: MeetingFrequency }[];
  held: { orgUnitId: string; type: MeetingType; month: number; held: number }[];
}

/**
 * Everything the board needs in one round trip — the organisation tree, the court's overrides and
 * held meetings per organisation, type and court month of `[from, to)` (one year) — because on
 * PGlite each query costs a turn of its single connection.
 */
export async function findComplianceInputs(
  db: Db,
  tenantId: string,
  orgUnitIds: string[] | undefined,
  from: Date,
  to: Date,
): Promise<ComplianceInputs> {
  const orgFilter = orgUnitIds
    ? sql`and m.org_unit_id in (${sql.join(orgUnitIds.length ? orgUnitIds.map((id) => sql`${id}::uuid`) : [sql`null`], sql`, `)})`
    : sql``;
  type Row = { [K in keyof ComplianceInputs]: ComplianceInputs[K] | string };
  // Both drivers answer `execute` with `{ rows }`; the generic database type does not say so.
  const result = (await db.execute<Row>(sql`
    select
      (select coalesce(json_agg(json_build_object('id', o.id, 'parentId', o.parent_id, 'kind', o.kind, 'name', o.name,
          'sortOrder', o.sort_order, 'secretaryPersonId', o.secretary_person_id, 'committee', o.committee) order by o.sort_order, o.name), '[]')
        from ${orgUnits} o where o.tenant_id = ${tenantId}) as orgs,
      (select coalesce(json_agg(json_build_object('orgUnitId', s.org_unit_id, 'type', s.type, 'frequency', s.frequency)), '[]')
        from ${meetingFrequencySettings} s where s.tenant_id = ${tenantId}) as overrides,
      (select coalesce(json_agg(json_build_object('orgUnitId', h.org_unit_id, 'type', h.type, 'month', h.month, 'held', h.held)), '[]')
        from (select m.org_unit_id, m.type, ${courtMonthNumber} as month, count(*)::int as held
          from ${meetings} m
          where m.tenant_id = ${tenantId} ${orgFilter}
            and m.starts_at >= ${from.toISOString()}::timestamptz and m.starts_at < ${to.toISOString()}::timestamptz
            and m.status in ('held', 'closed')
          group by 1, 2, 3) h) as held
  `)) as { rows: Row[] };
  const row = result.rows[0]!;
  // node-postgres parses json columns; PGlite too — but a driver handing back text is parsed here.
  const parse = <K extends keyof ComplianceInputs>(k: K): ComplianceInputs[K] => {
    const v = row[k];
    return (typeof v === 'string' ? JSON.parse(v) : v) as ComplianceInputs[K];
  };
  return { orgs: parse('orgs'), overrides: parse('overrides'), held: parse('held') };
}

export async function findOrgsForCompliance(db: Db, tenantId: string) {
  return db
    .select(complianceOrgColumns)
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
}

export async function findFrequencySettings(db: Db, tenantId: string) {
  return db.select().from(meetingFrequencySettings).where(eq(meetingFrequencySettings.tenantId, tenantId));
}

export async function findExemptions(db: Db, tenantId: string, orgUnitIds: string[] | undefined) {
  return db
    .select({ exemption: meetingExemptions, personName: people.name, orgUnitId: people.orgUnitId })
    .from(meetingExemptions)
    .innerJoin(people, and(eq(people.tenantId, meetingExemptions.tenantId), eq(people.id, meetingExemptions.personId)))
    .where(and(eq(meetingExemptions.tenantId, tenantId), withinUnits(people.orgUnitId, orgUnitIds)))
    .orderBy(asc(meetingExemptions.startsOn));
}

const ORG_LIFE_TYPES = MEETING_TYPES.filter((t: MeetingType) => MEETING_TYPE_RULES[t].organisationalLife);

/**
 * Per member and court month since `from`: did they attend any meeting of organisational life,
 * were they on approved leave, were they absent without it (exempted members never are). Only held or closed meetings count.
 */
export async function findParticipationByMonth(db: Db, tenantId: string, orgUnitIds: string[] | undefined, from: Date) {
  return db
    .select({
      personId: meetingAttendees.personId,
      name: people.name,
      orgUnitId: people.orgUnitId,
      month: courtMonth,
      attended: sql<boolean>`bool_or(${meetingAttendees.state} = 'present')`,
      excused: sql<boolean>`bool_or(${meetingAttendees.state} = 'leave' and ${meetingAttendees.leaveApproved})`,
      // Leave asked for but never approved is absence (rules.md); a member exempted on the day never is.
      absent: sql<boolean>`bool_or(
        (${meetingAttendees.state} = 'absent' or (${meetingAttendees.state} = 'leave' and not ${meetingAttendees.leaveApproved}))
        and not exists (select 1 from ${meetingExemptions} e
          where e.tenant_id = ${meetingAttendees.tenantId} and e.person_id = ${meetingAttendees.personId}
            and e.created_at < ${meetings.startsAt}
            and e.starts_on <= (${meetings.startsAt} at time zone ${COURT_ZONE})::date
            and (e.ends_on is null or e.ends_on >= (${meetings.startsAt} at time zone ${COURT_ZONE})::date)))`,
    })
    .from(meetingAttendees)
    .innerJoin(
      meetings,
      and(eq(meetings.tenantId, meetingAttendees.tenantId), eq(meetings.id, meetingAttendees.meetingId)),
    )
    .innerJoin(people, and(eq(people.tenantId, meetingAttendees.tenantId), eq(people.id, meetingAttendees.personId)))
    .where(
      and(
        eq(meetingAttendees.tenantId, tenantId),
        gte(meetings.startsAt, from),
        inArray(meetings.status, [...HELD_STATUSES]),
        inArray(meetings.type, ORG_LIFE_TYPES),
        inArray(people.status, ['full', 'probationary']),
        isNull(people.leftOn),
        withinUnits(people.orgUnitId, orgUnitIds),
      ),
    )
    .groupBy(meetingAttendees.personId, people.name, people.orgUnitId, courtMonth);
}

/** A court's own frequency for one organisation and type; `null` restores the default. */
export async function setFrequency(
  tx: Db,
  tenantId: string,
  orgUnitId: string,
  type: MeetingType,
  frequency: MeetingFrequency | null,
): Promise<void> {
  await tx
    .delete(meetingFrequencySettings)
    .where(
      and(
        eq(meetingFrequencySettings.tenantId, tenantId),
        eq(meetingFrequencySettings.orgUnitId, orgUnitId),
        eq(meetingFrequencySettings.type, type),
      ),
    );
  if (frequency) await tx.insert(meetingFrequencySettings).values({ tenantId, orgUnitId, type, frequency });
}

/** A person of the court, with the organisation an exemption would be recorded for. */
export async function findPerson(db: Db, tenantId: string, id: string) {
  const [person] = await db
    .select({ id: people.id, name: people.name, orgUnitId: people.orgUnitId })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
  return person;
}

export async function insertExemption(tx: Db, values: typeof meetingExemptions.$inferInsert): Promise<string> {
  const [row] = await tx.insert(meetingExemptions).values(values).returning({ id: meetingExemptions.id });
  return row!.id;
}

export async function deleteExemption(tx: Db, tenantId: string, id: string): Promise<void> {
  await tx.delete(meetingExemptions).where(and(eq(meetingExemptions.tenantId, tenantId), eq(meetingExemptions.id, id)));
}
