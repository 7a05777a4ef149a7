import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { meetings, meetingVotes, orgUnits } from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';

/**
 * Held meetings that decided something — written resolutions or a vote — with what they decided:
 * what the openness portal shows from its source (the meeting), not typed again. `ids` narrows to
 * those meetings; without it, the court's latest 200.
 */
export async function findResolvedMeetings(db: Db, tenantId: string, ids?: readonly string[]) {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select({
      id: meetings.id,
      type: meetings.type,
      topic: meetings.topic,
      startsAt: meetings.startsAt,
      orgUnitName: orgUnits.name,
      resolutions: meetings.resolutions,
    })
    .from(meetings)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, meetings.tenantId), eq(orgUnits.id, meetings.orgUnitId)))
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        inArray(meetings.status, ['held', 'closed']),
        ids ? inArray(meetings.id, [...ids]) : undefined,
        or(
          sql`jsonb_array_length(${meetings.resolutions}) > 0`,
          sql`exists (select 1 from ${meetingVotes} where ${meetingVotes.tenantId} = ${meetings.tenantId} and ${meetingVotes.meetingId} = ${meetings.id})`,
        ),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(200);
  if (rows.length === 0) return [];
  const votes = await db
    .select({
      meetingId: meetingVotes.meetingId,
      kind: meetingVotes.kind,
      subject: meetingVotes.subject,
      entitled: meetingVotes.entitled,
      present: meetingVotes.present,
      yes: meetingVotes.yes,
      no: meetingVotes.no,
      abstain: meetingVotes.abstain,
      adopted: meetingVotes.adopted,
    })
    .from(meetingVotes)
    .where(
      and(
        eq(meetingVotes.tenantId, tenantId),
        inArray(
          meetingVotes.meetingId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(meetingVotes.createdAt));
  return rows.map((r) => ({ ...r, votes: votes.filter((v) => v.meetingId === r.id) }));
}
export type ResolvedMeeting = Awaited<ReturnType<typeof findResolvedMeetings>>[number];
