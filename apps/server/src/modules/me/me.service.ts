import { courtInstant, courtYear, type MyAssessments, type MyAttendance } from '@qizhi/domain';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './me.repo.ts';

/**
 * 我的出席: a year of the signed-in person's meetings with what was recorded of them — their own
 * reason and whether the leave was approved. An account with no roster person has none.
 */
export async function myAttendance(ctx: RequestContext, year = courtYear()): Promise<MyAttendance> {
  const summary = { present: 0, leave: 0, absent: 0, pending: 0 };
  if (!ctx.personId) return { year, items: [], summary };
  const from = courtInstant(`${String(year)}-01-01`);
  const to = courtInstant(`${String(year + 1)}-01-01`);
  const rows = await repo.findMyAttendance(ctx.db, ctx.tenantId, ctx.personId, from, to);
  for (const r of rows) if (!r.exempt) summary[r.state] += 1;
  return {
    year,
    items: rows.map((r) => ({
      id: r.id,
      type: r.type,
      topic: r.topic,
      startsAt: r.startsAt.toISOString(),
      place: r.place,
      orgUnitName: r.orgUnitName,
      status: r.status,
      myState: r.state,
      reason: r.reason,
      leaveApproved: r.leaveApproved,
      exempt: r.exempt,
      noticeReadAt: r.noticeReadAt?.toISOString() ?? null,
    })),
    summary,
  };
}

export async function myAssessments(ctx: RequestContext): Promise<MyAssessments> {
  if (!ctx.personId) return { items: [] };
  return { items: await repo.findMyAssessments(ctx.db, ctx.tenantId, ctx.personId) };
}
