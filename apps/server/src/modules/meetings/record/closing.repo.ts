/** The versions a closed meeting's record had before each correction. */
import { and, asc, eq } from 'drizzle-orm';
import { meetingRevisions } from '../../../db/schema/index.ts';
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
