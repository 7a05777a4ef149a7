import type { AuditPage, AuditQuery } from '@qizhi/domain';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/request-context.ts';
import { findAuditPage } from './audit.repo.ts';

export async function listAuditEntries(ctx: RequestContext, q: AuditQuery): Promise<z.infer<typeof AuditPage>> {
  const rows = await findAuditPage(ctx.db, ctx.tenantId, q);
  return {
    items: rows.map(({ entry }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actorUserId: entry.actorUserId,
      actorName: entry.actorName,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      summary: entry.summary,
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: entry.ip,
    })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
