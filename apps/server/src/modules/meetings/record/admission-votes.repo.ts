/**
 * For member development (发展党员, steps 15 and 23): the recorded admission and confirmation votes
 * of 支部党员大会 meetings, found by id or by the organisations and the court day the meeting began.
 * Who may read them is the caller's decision (a development officer for the person's branch).
 */
import { and, eq, gte, inArray, lt, ne, type SQL } from 'drizzle-orm';
import { meetings, meetingVotes } from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';

export interface MembershipVote {
  id: string;
  meetingId: string;
  orgUnitId: string;
  meetingType: string;
  meetingStatus: string;
  startsAt: Date;
  kind: string;
  subject: string;
  yes: number;
  entitled: number;
  adopted: boolean;
}

export async function findMembershipVotes(
  db: Db,
  tenantId: string,
  q: { voteId?: string; kind: 'admission' | 'confirmation'; orgUnitIds?: string[]; from?: Date; to?: Date },
): Promise<MembershipVote[]> {
  const conditions: (SQL | undefined)[] = [
    eq(meetingVotes.tenantId, tenantId),
    q.voteId ? eq(meetingVotes.id, q.voteId) : eq(meetingVotes.kind, q.kind),
    ne(meetings.status, 'cancelled'),
    q.orgUnitIds ? inArray(meetings.orgUnitId, q.orgUnitIds) : undefined,
    q.from ? gte(meetings.startsAt, q.from) : undefined,
    q.to ? lt(meetings.startsAt, q.to) : undefined,
  ];
  return db
    .select({
      id: meetingVotes.id,
      meetingId: meetings.id,
      orgUnitId: meetings.orgUnitId,
      meetingType: meetings.type,
      meetingStatus: meetings.status,
      startsAt: meetings.startsAt,
      kind: meetingVotes.kind,
      subject: meetingVotes.subject,
      yes: meetingVotes.yes,
      entitled: meetingVotes.entitled,
      adopted: meetingVotes.adopted,
    })
    .from(meetingVotes)
    .innerJoin(meetings, and(eq(meetings.tenantId, meetingVotes.tenantId), eq(meetings.id, meetingVotes.meetingId)))
    .where(and(...conditions))
    .orderBy(meetingVotes.createdAt);
}
