/** The versions a closed meeting's record had before each correction. */
import { and, asc, eq } from 'drizzle-orm';
import { meetingRevisions, meetingVotes } from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';

export async function insertRevision(tx: Db, values: typeof meetingRevisions.$inferInsert): Promise<void> {
  await tx.insert(meetingRevisions).values(values);
}

export async function findRevisions(db: Db, tenantId: string, meetingId: string) {
  return db
    .select()
    .from(meetingRevisions)
    .where(and(eq(meetingRevisions.tenantId, tenantId), eq(meetingRevisions.meetingId, meetingId)))
    .orderBy(asc(meetingRevisions.revision));
}

export async function findVote(db: Db, tenantId: string, meetingId: string, voteId: string) {
  const [row] = await db
    .select()
    .from(meetingVotes)
    .where(
      and(eq(meetingVotes.tenantId, tenantId), eq(meetingVotes.meetingId, meetingId), eq(meetingVotes.id, voteId)),
    );
  return row;
}

/** A vote corrected (only through `correctVote`, with its revision row). */
export async function updateVote(
  tx: Db,
  tenantId: string,
  voteId: string,
  values: Pick<
    typeof meetingVotes.$inferInsert,
    'subject' | 'yes' | 'no' | 'abstain' | 'yesNeeded' | 'adopted' | 'divisor'
  >,
): Promise<void> {
  await tx
    .update(meetingVotes)
    .set(values)
    .where(and(eq(meetingVotes.tenantId, tenantId), eq(meetingVotes.id, voteId)));
}
