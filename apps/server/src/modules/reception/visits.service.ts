import {
  clockState,
  complaintDeadlines,
  courtToday,
  courtYear,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  VISIT_CATEGORIES,
  VISIT_CATEGORY_LABELS,
  type CreateVisitRequest,
  type UpdateVisitProgressRequest,
  type Visit,
  type VisitsResponse,
  type VisitStatsResponse,
  type WorkCalendar,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { courtWorkCalendar } from '../study/index.ts';
import * as repo from './visits.repo.ts';

/** The court's working calendar for a year's visits and the clocks running on past its end. */
export function clockCalendar(db: Db, tenantId: string, year: number): Promise<WorkCalendar> {
  return courtWorkCalendar(db, tenantId, year, year + 1);
}

/** The two clocks of a visit that needs handling; a visit answered on the spot has none. */
export function visitClocks(calendar: WorkCalendar, v: repo.VisitRow, today: string): Visit['clocks'] {
  if (!v.needsHandling) return null;
  const due = complaintDeadlines(calendar, v);
  return {
    accept: { due: due.acceptBy, state: clockState(due.acceptBy, v.acceptedOn, today) },
    handle: { due: due.handleBy, state: clockState(due.handleBy, v.handledOn, today) },
  };
}

/** Staff see the visitor's numbers masked: the purpose (handling the matter) needs the matter, not them. */
function toVisit(
  { visit: v, departmentName, leaderName }: repo.JoinedVisit,
  today: string,
  calendar: WorkCalendar,
): Visit {
  return {
    id: v.id,
    receivedOn: v.receivedOn,
    visitorName: v.visitorName,
    visitorPhone: maskPhone(v.visitorPhone),
    visitorIdNumber: maskIdNumber(v.visitorIdNumber),
    matter: v.matter,
    category: v.category,
    caseNumber: v.caseNumber,
    answer: v.answer,
    needsHandling: v.needsHandling,
    handlingDepartmentId: v.handlingDepartmentId,
    handlingDepartmentName: departmentName,
    receivedByName: leaderName,
    acceptedOn: v.acceptedOn,
    extended: v.extended,
    handledOn: v.handledOn,
    feedback: v.feedback,
    clocks: visitClocks(calendar, v, today),
    recordedByName: v.recordedByName,
  };
}

function yearRange(year: number, month?: number): { from: string; to: string } {
  if (month === undefined) return { from: `${String(year)}-01-01`, to: `${String(year + 1)}-01-01` };
  const next = month === 12 ? `${String(year + 1)}-01-01` : `${String(year)}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: `${String(year)}-${String(month).padStart(2, '0')}-01`, to: next };
}

export async function listVisits(
  ctx: RequestContext,
  q: {
    year?: number | undefined;
    month?: number | undefined;
    category?: Visit['category'] | undefined;
    overdue?: 'true' | 'false' | undefined;
    page: number;
    pageSize: number;
  },
): Promise<VisitsResponse> {
  const today = courtToday();
  const year = q.year ?? courtYear();
  const { from, to } = yearRange(year, q.month);
  const calendar = await clockCalendar(ctx.db, ctx.tenantId, year);
  let items = (await repo.findVisitsBetween(ctx.db, ctx.tenantId, from, to)).map((r) => toVisit(r, today, calendar));
  if (q.category) items = items.filter((v) => v.category === q.category);
  if (q.overdue !== undefined) {
    const late = (v: Visit) =>
      v.clocks !== null && [v.clocks.accept, v.clocks.handle].some((c) => c.state === 'overdue');
    items = items.filter((v) => late(v) === (q.overdue === 'true'));
  }
  const start = (q.page - 1) * q.pageSize;
  return { items: items.slice(start, start + q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize };
}

async function loadVisit(db: Db, tenantId: string, id: string): Promise<Visit> {
  const row = await repo.findVisit(db, tenantId, id);
  if (!row) throw notFound('来访登记');
  const [joined] = await repo.findVisitsBetween(db, tenantId, row.receivedOn, '9999-12-31', id);
  const calendar = await clockCalendar(db, tenantId, Number(row.receivedOn.slice(0, 4)));
  return toVisit(joined!, courtToday(), calendar);
}

async function checkRefs(
  db: Db,
  tenantId: string,
  input: { handlingDepartmentId?: string | null; rotaId?: string | null },
) {
  if (input.handlingDepartmentId && !(await repo.departmentExists(db, tenantId, input.handlingDepartmentId)))
    throw validationFailed([{ path: 'handlingDepartmentId', message: '承办部门不存在' }]);
  if (input.rotaId && !(await repo.rotaEntryExists(db, tenantId, input.rotaId)))
    throw validationFailed([{ path: 'rotaId', message: '接访安排不存在' }]);
}

export async function createVisit(ctx: RequestContext, input: CreateVisitRequest): Promise<Visit> {
  const { db, actor } = ctx;
  if (input.receivedOn > courtToday())
    throw validationFailed([{ path: 'receivedOn', message: '来访日期不能晚于今天' }]);
  if (input.needsHandling && !input.handlingDepartmentId)
    throw validationFailed([{ path: 'handlingDepartmentId', message: '需要办理的事项请指定承办部门' }]);
  await checkRefs(db, actor.tenantId, input);
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertVisit(tx, { tenantId: actor.tenantId, ...input, recordedByName: actor.name });
    await writeAudit(tx, actor, {
      action: 'reception_visit.create',
      entity: 'reception_visit',
      entityId: created.id,
      // The audit row names the matter's category and the visitor as 张某: the name is sealed in the
      // visit's row (encrypted at rest) and the append-only log must not keep it in the clear.
      summary: `登记来访：${input.receivedOn} ${VISIT_CATEGORY_LABELS[input.category]}（${maskPersonName(input.visitorName)}）`,
    });
    return created;
  });
  return loadVisit(db, actor.tenantId, row.id);
}

export async function updateVisitProgress(
  ctx: RequestContext,
  id: string,
  input: UpdateVisitProgressRequest,
): Promise<Visit> {
  const { db, actor } = ctx;
  const row = await repo.findVisit(db, actor.tenantId, id);
  if (!row) throw notFound('来访登记');
  const today = courtToday();
  for (const key of ['acceptedOn', 'handledOn'] as const) {
    const value = input[key];
    if (value && value < row.receivedOn) throw validationFailed([{ path: key, message: '日期不能早于来访日期' }]);
    if (value && value > today) throw validationFailed([{ path: key, message: '日期不能晚于今天' }]);
  }
  const acceptedOn = input.acceptedOn === undefined ? row.acceptedOn : input.acceptedOn;
  const handledOn = input.handledOn === undefined ? row.handledOn : input.handledOn;
  if (handledOn && !acceptedOn) throw validationFailed([{ path: 'handledOn', message: '请先登记受理日期' }]);
  if (handledOn && acceptedOn && handledOn < acceptedOn)
    throw validationFailed([{ path: 'handledOn', message: '办结日期不能早于受理日期' }]);
  await checkRefs(db, actor.tenantId, input);
  await db.transaction(async (tx) => {
    await repo.updateVisit(tx, actor.tenantId, id, { ...input, needsHandling: true });
    await writeAudit(tx, actor, {
      action: 'reception_visit.update',
      entity: 'reception_visit',
      entityId: id,
      summary: `登记${row.receivedOn}来访的办理情况`,
      after: input,
    });
  });
  return loadVisit(db, actor.tenantId, id);
}

/** Month by month: visitors, matters handled, handled within their clocks; and the categories. */
export async function visitStats(ctx: RequestContext, year: number): Promise<VisitStatsResponse> {
  const today = courtToday();
  const { from, to } = yearRange(year);
  const rows = await repo.findVisitsBetween(ctx.db, ctx.tenantId, from, to);
  const calendar = await clockCalendar(ctx.db, ctx.tenantId, year);
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, visitors: 0, handled: 0, onTime: 0 }));
  const categories = new Map<Visit['category'], number>(VISIT_CATEGORIES.map((c) => [c, 0]));
  for (const { visit } of rows) {
    const m = months[Number(visit.receivedOn.slice(5, 7)) - 1]!;
    m.visitors++;
    categories.set(visit.category, (categories.get(visit.category) ?? 0) + 1);
    const clocks = visitClocks(calendar, visit, today);
    if (clocks && visit.handledOn) {
      m.handled++;
      if (clocks.handle.state === 'done' && clocks.accept.state === 'done') m.onTime++;
    }
  }
  return {
    year,
    total: rows.length,
    months,
    categories: [...categories].map(([category, count]) => ({ category, count })),
  };
}
