/** Writes of what happens at and after a meeting: attendance, votes, follow-up tasks, attachments. */
import { and, eq } from 'drizzle-orm';
import { files, meetingAttendees, meetingFiles, meetingTasks, meetingVotes } from '../../../db/schema/index.ts';
import type { Db } from '../../../platform/db.ts';
import { attendeeOf } from '../meetings.repo.ts';

type AttendeeValues = Partial<Omit<typeof meetingAttendees.$inferInsert, 'tenantId' | 'meetingId' | 'personId'>>;

export async function updateAttendee(
  tx: Db,
  tenantId: string,
  meetingId: string,
  personId: string,
  values: AttendeeValues,
): Promise<void> {
  await tx
    .update(meetingAttendees)
    .set(values)
    .where(attendeeOf(tenantId, meetingId, personId));
}

export async function insertAttendee(tx: Db, values: typeof meetingAttendees.$inferInsert): Promise<void> {
  await tx.insert(meetingAttendees).values(values);
}

export async function insertVote(tx: Db, values: typeof meetingVotes.$inferInsert): Promise<void> {
  await tx.insert(meetingVotes).values(values);
}

export async function insertTask(tx: Db, values: typeof meetingTasks.$inferInsert): Promise<string> {
  const [task] = await tx.insert(meetingTasks).values(values).returning({ id: meetingTasks.id });
  return task!.id;
}

export async function findTask(db: Db, tenantId: string, meetingId: string, taskId: string) {
  const [row] = await db
    .select()
    .from(meetingTasks)
    .where(
      and(eq(meetingTasks.tenantId, tenantId), eq(meetingTasks.meetingId, meetingId), eq(meetingTasks.id, taskId)),
    );
  return row;
}

export async function markTaskDone(tx: Db, tenantId: string, taskId: string): Promise<void> {
  await tx
    .update(meetingTasks)
    .set({ doneAt: new Date() })
    .where(and(eq(meetingTasks.tenantId, tenantId), eq(meetingTasks.id, taskId)));
}

/** An uploaded file of the court, to attach. */
export async function findFile(db: Db, tenantId: string, fileId: string) {
  const [file] = await db
    .select({ id: files.id, name: files.name, mime: files.mime })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), eq(files.id, fileId)));
  return file;
}

export async function attachFile(tx: Db, values: typeof meetingFiles.$inferInsert): Promise<void> {
  await tx.insert(meetingFiles).values(values).onConflictDoNothing();
}

/** Answers how many attachments went (0: the file was not attached). */
export async function detachFile(tx: Db, tenantId: string, meetingId: string, fileId: string): Promise<number> {
  const gone = await tx
    .delete(meetingFiles)
    .where(
      and(eq(meetingFiles.tenantId, tenantId), eq(meetingFiles.meetingId, meetingId), eq(meetingFiles.fileId, fileId)),
    )
    .returning({ fileId: meetingFiles.fileId });
  return gone.length;
}

/** The meetings a file is attached to (photos and attachments). */
export async function findMeetingsHoldingFile(db: Db, tenantId: string, fileId: string): Promise<string[]> {
  const rows = await db
    .select({ meetingId: meetingFiles.meetingId })
    .from(meetingFiles)
    .where(and(eq(meetingFiles.tenantId, tenantId), eq(meetingFiles.fileId, fileId)));
  return rows.map((r) => r.meetingId);
}
