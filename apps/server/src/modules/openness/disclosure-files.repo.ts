import { and, eq, sql } from 'drizzle-orm';
import { disclosures } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

/** The statuses of the disclosures listing a file among their attachments. */
export async function findDisclosuresHoldingFile(db: Db, tenantId: string, fileId: string) {
  return db
    .select({ status: disclosures.status })
    .from(disclosures)
    .where(
      and(
        eq(disclosures.tenantId, tenantId),
        sql`${disclosures.attachmentFileIds} @> ${JSON.stringify([fileId])}::jsonb`,
      ),
    );
}
