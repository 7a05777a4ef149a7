import {
  complaintDeadlines,
  courtInstant,
  courtYear,
  type ServicePledge,
  type ServicePledgeRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as inquiriesRepo from './inquiries.repo.ts';
import * as repo from './pledges.repo.ts';
import * as visitsRepo from './visits.repo.ts';
import { clockCalendar } from './visits.service.ts';

type Measured = NonNullable<ServicePledge['measured']>;

/**
 * This year's figures behind the pledges that have records: the visits needing handling that were
 * accepted or handled, against the complaint clocks on the court's calendar, and the first inquiries
 * counted in the database.
 */
async function measuresOf(db: Db, tenantId: string, year: number): Promise<Record<string, Measured>> {
  const y = String(year);
  const [visits, inquiries, calendar] = await Promise.all([
    visitsRepo.findClockInputsBetween(db, tenantId, `${y}-01-01`, `${String(year + 1)}-01-01`),
    inquiriesRepo.countAnsweredOnce(
      db,
      tenantId,
      courtInstant(`${y}-01-01`),
      courtInstant(`${String(year + 1)}-01-01`),
    ),
    clockCalendar(db, tenantId, year),
  ]);
  const rate = (hit: number, count: number): Measured => ({ rate: count === 0 ? null : hit / count, count, year });
  let accepted = 0;
  let acceptedOnTime = 0;
  let handled = 0;
  let handledOnTime = 0;
  for (const visit of visits) {
    const due = complaintDeadlines(calendar, visit);
    if (visit.acceptedOn) {
      accepted++;
      if (visit.acceptedOn <= due.acceptBy) acceptedOnTime++;
    }
    if (visit.handledOn) {
      handled++;
      if (visit.handledOn <= due.handleBy) handledOnTime++;
    }
  }
  return {
    inquiry_answered_once: rate(inquiries.answered, inquiries.total),
    visit_accepted_on_time: rate(acceptedOnTime, accepted),
    visit_handled_on_time: rate(handledOnTime, handled),
  };
}

export async function listPledgesOf(db: Db, tenantId: string, publishedOnly: boolean): Promise<ServicePledge[]> {
  const rows = await repo.findPledges(db, tenantId, publishedOnly);
  const measures = rows.some((r) => r.measure) ? await measuresOf(db, tenantId, courtYear()) : {};
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    timeLimit: r.timeLimit,
    description: r.description,
    measure: r.measure,
    measured: r.measure ? (measures[r.measure] ?? null) : null,
    sortOrder: r.sortOrder,
    published: r.published,
  }));
}

export async function listPledges(ctx: RequestContext) {
  return { items: await listPledgesOf(ctx.db, ctx.tenantId, false) };
}

export async function createPledge(ctx: RequestContext, input: ServicePledgeRequest): Promise<ServicePledge> {
  const { db, actor } = ctx;
  const id = await db.transaction(async (tx) => {
    const [row] = await repo.insertPledges(tx, [{ tenantId: actor.tenantId, ...input }]);
    await writeAudit(tx, actor, {
      action: 'service_pledge.create',
      entity: 'service_pledge',
      entityId: row!.id,
      summary: `新增服务承诺：${input.title}（${input.timeLimit}）`,
    });
    return row!.id;
  });
  return (await listPledgesOf(db, actor.tenantId, false)).find((p) => p.id === id)!;
}

export async function updatePledge(
  ctx: RequestContext,
  id: string,
  input: ServicePledgeRequest,
): Promise<ServicePledge> {
  const { db, actor } = ctx;
  const row = await repo.findPledge(db, actor.tenantId, id);
  if (!row) throw notFound('服务承诺');
  await db.transaction(async (tx) => {
    await repo.updatePledge(tx, actor.tenantId, id, input);
    await writeAudit(tx, actor, {
      action: 'service_pledge.update',
      entity: 'service_pledge',
      entityId: id,
      summary: `修改服务承诺：${input.title}`,
    });
  });
  return (await listPledgesOf(db, actor.tenantId, false)).find((p) => p.id === id)!;
}

export async function deletePledge(ctx: RequestContext, id: string): Promise<void> {
  const { db, actor } = ctx;
  const row = await repo.findPledge(db, actor.tenantId, id);
  if (!row) throw notFound('服务承诺');
  await db.transaction(async (tx) => {
    await repo.deletePledge(tx, actor.tenantId, id);
    await writeAudit(tx, actor, {
      action: 'service_pledge.delete',
      entity: 'service_pledge',
      entityId: id,
      summary: `删除服务承诺：${row.title}`,
    });
  });
}
