import { and, eq } from 'drizzle-orm';
import { dutyReports, people } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

/** The duty reports carrying a file, with their reporter and the reporter's organisation. */
export async function findDutyReportsHoldingFile(db: Db, tenantId: string, fileId: string) {
  return db
    .select({ personId: dutyReports.personId, orgUnitId: people.orgUnitId })
    .from(dutyReports)
    .innerJoin(people, and(eq(people.tenantId, dutyReports.tenantId), eq(people.id, dutyReports.personId)))
    .where(and(eq(dutyReports.tenantId, tenantId), eq(dutyReports.fileId, fileId)));
}
