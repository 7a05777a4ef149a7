import { and, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { courtInstant, type AuditQuery } from '@qizhi/domain';
import { auditLog } from '../../db/schema/index.ts';
import { containsPattern, type Db } from '../../platform/db.ts';

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Days are the court's calendar days: `from`/`to` bound the audit time at the court's midnights. */
export async function findAuditPage(db: Db, tenantId: string, q: AuditQuery) {
  const conditions: (SQL | undefined)[] = [eq(auditLog.tenantId, tenantId)];
  if (q.action) conditions.push(ilike(auditLog.action, containsPattern(q.action)));
  if (q.actor) conditions.push(ilike(auditLog.actorName, containsPattern(q.actor)));
  if (q.entity) conditions.push(eq(auditLog.entity, q.entity));
  if (q.from) conditions.push(gte(auditLog.at, courtInstant(q.from)));
  if (q.to) conditions.push(lt(auditLog.at, courtInstant(nextDay(q.to))));
  return db
    .select({ entry: auditLog, total: sql<number>`(count(*) over ())::int` })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
}
