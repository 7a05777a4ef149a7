import { and, eq } from 'drizzle-orm';
import { studySessionFiles } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

/** The study sessions a file is material of. */
export async function findSessionsHoldingFile(db: Db, tenantId: string, fileId: string): Promise<string[]> {
  const rows = await db
    .select({ sessionId: studySessionFiles.sessionId })
    .from(studySessionFiles)
    .where(and(eq(studySessionFiles.tenantId, tenantId), eq(studySessionFiles.fileId, fileId)));
  return rows.map((r) => r.sessionId);
}
