import { and, eq } from 'drizzle-orm';
import { rules, ruleVersions } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

/** Whether a rule carries the file now or carried it in one of its versions. */
export async function ruleHoldsFile(db: Db, tenantId: string, fileId: string): Promise<boolean> {
  const [current] = await db
    .select({ id: rules.id })
    .from(rules)
    .where(and(eq(rules.tenantId, tenantId), eq(rules.fileId, fileId)))
    .limit(1);
  if (current) return true;
  const [past] = await db
    .select({ id: ruleVersions.ruleId })
    .from(ruleVersions)
    .where(and(eq(ruleVersions.tenantId, tenantId), eq(ruleVersions.fileId, fileId)))
    .limit(1);
  return past !== undefined;
}
