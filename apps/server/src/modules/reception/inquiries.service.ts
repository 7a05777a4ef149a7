import {
  courtInstant,
  INQUIRY_OUTCOME_LABELS,
  maskPhone,
  type CreateInquiryRequest,
  type HandOverInquiryRequest,
  type InquiriesResponse,
  type Inquiry,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './inquiries.repo.ts';

function toInquiry(r: repo.InquiryRow): Inquiry {
  return {
    id: r.id,
    askedAt: r.askedAt.toISOString(),
    topic: r.topic,
    askerName: r.askerName,
    askerPhone: maskPhone(r.askerPhone),
    outcome: r.outcome,
    directedTo: r.directedTo,
    status: r.status,
    firstUserId: r.firstUserId,
    firstName: r.firstName,
    holderUserId: r.holderUserId,
    holderName: r.holderName,
    handOvers: r.handOvers.map((h) => ({ fromName: h.fromName, toName: h.toName, note: h.note, at: h.at })),
    result: r.result,
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

function me(ctx: RequestContext): { userId: string; name: string } {
  return { userId: ctx.user.id, name: ctx.user.displayName };
}

export async function listMyInquiries(
  ctx: RequestContext,
  status: 'open' | 'closed' | 'all',
): Promise<InquiriesResponse> {
  return { items: (await repo.findInquiriesOf(ctx.db, ctx.tenantId, ctx.user.id, status)).map(toInquiry) };
}

/** Answered in one go or directed outside: closed as recorded. Otherwise it stays open on the asker's list. */
export async function createInquiry(ctx: RequestContext, input: CreateInquiryRequest): Promise<Inquiry> {
  const { db, actor } = ctx;
  if (input.outcome === 'directed_outside' && !input.directedTo)
    throw validationFailed([{ path: 'directedTo', message: '请填写告知的办理去处' }]);
  const self = me(ctx);
  const department = await repo.findDepartmentOfUser(db, actor.tenantId, self.userId);
  const closed = input.outcome !== 'open';
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertInquiry(tx, {
      tenantId: actor.tenantId,
      topic: input.topic,
      askerName: input.askerName,
      askerPhone: input.askerPhone,
      outcome: input.outcome,
      directedTo: input.outcome === 'directed_outside' ? input.directedTo : null,
      status: closed ? 'closed' : 'open',
      firstUserId: self.userId,
      firstName: self.name,
      firstDepartmentId: department,
      holderUserId: self.userId,
      holderName: self.name,
      result: closed ? INQUIRY_OUTCOME_LABELS[input.outcome] : null,
      closedAt: closed ? new Date() : null,
    });
    await writeAudit(tx, actor, {
      action: 'inquiry.create',
      entity: 'inquiry',
      entityId: created.id,
      summary: `登记首问：${input.topic.slice(0, 40)}（${INQUIRY_OUTCOME_LABELS[input.outcome]}）`,
    });
    return created;
  });
  return toInquiry(row);
}

async function loadHeld(ctx: RequestContext, id: string): Promise<repo.InquiryRow> {
  const row = await repo.findInquiry(ctx.db, ctx.tenantId, id);
  // Another person's inquiry is not confirmed to exist unless it passed through them.
  if (!row || (row.firstUserId !== ctx.user.id && row.holderUserId !== ctx.user.id)) throw notFound('首问事项');
  if (row.status === 'closed') throw new AppError('CONFLICT', '该事项已办结');
  if (row.holderUserId !== ctx.user.id) throw new AppError('FORBIDDEN', '该事项已移交，由接收人办理');
  return row;
}

/** The holder hands it on; the hand-over is kept; the first person keeps seeing it until it is closed. */
export async function handOverInquiry(
  ctx: RequestContext,
  id: string,
  input: HandOverInquiryRequest,
): Promise<Inquiry> {
  const { db, actor } = ctx;
  const row = await loadHeld(ctx, id);
  if (input.receiverUserId === ctx.user.id)
    throw validationFailed([{ path: 'receiverUserId', message: '不能移交给自己' }]);
  const receiver = await repo.findReceiver(db, actor.tenantId, input.receiverUserId);
  if (!receiver) throw validationFailed([{ path: 'receiverUserId', message: '接收人不是本院在用账号' }]);
  const self = me(ctx);
  const handOvers = [
    ...row.handOvers,
    {
      fromUserId: self.userId,
      fromName: self.name,
      toUserId: receiver.userId,
      toName: receiver.name,
      note: input.note,
      at: new Date().toISOString(),
    },
  ];
  await db.transaction(async (tx) => {
    await repo.updateInquiry(tx, actor.tenantId, id, {
      status: 'handed_over',
      holderUserId: receiver.userId,
      holderName: receiver.name,
      handOvers,
    });
    await writeAudit(tx, actor, {
      action: 'inquiry.hand_over',
      entity: 'inquiry',
      entityId: id,
      summary: `首问事项移交${receiver.name}：${row.topic.slice(0, 40)}`,
    });
  });
  return toInquiry((await repo.findInquiry(db, actor.tenantId, id))!);
}

export async function closeInquiry(ctx: RequestContext, id: string, result: string): Promise<Inquiry> {
  const { db, actor } = ctx;
  const row = await loadHeld(ctx, id);
  await db.transaction(async (tx) => {
    await repo.updateInquiry(tx, actor.tenantId, id, { status: 'closed', result, closedAt: new Date() });
    await writeAudit(tx, actor, {
      action: 'inquiry.close',
      entity: 'inquiry',
      entityId: id,
      summary: `办结首问事项：${row.topic.slice(0, 40)}`,
    });
  });
  return toInquiry((await repo.findInquiry(db, actor.tenantId, id))!);
}

export async function listReceivers(ctx: RequestContext) {
  return { items: (await repo.findReceivers(ctx.db, ctx.tenantId)).filter((r) => r.userId !== ctx.user.id) };
}

/** Per department of the first person: how inquiries ended for the year. */
export async function inquiryStats(ctx: RequestContext, year: number) {
  const rows = await repo.findYearInquiriesByDepartment(
    ctx.db,
    ctx.tenantId,
    courtInstant(`${String(year)}-01-01`),
    courtInstant(`${String(year + 1)}-01-01`),
  );
  const byDept = new Map<
    string,
    {
      departmentName: string;
      total: number;
      answered: number;
      handedOver: number;
      directedOutside: number;
      open: number;
    }
  >();
  for (const r of rows) {
    const name = r.departmentName ?? '未定部门';
    const d = byDept.get(name) ?? {
      departmentName: name,
      total: 0,
      answered: 0,
      handedOver: 0,
      directedOutside: 0,
      open: 0,
    };
    d.total++;
    if (r.handOvers.length > 0) d.handedOver++;
    else if (r.outcome === 'answered') d.answered++;
    else if (r.outcome === 'directed_outside') d.directedOutside++;
    if (r.status !== 'closed') d.open++;
    byDept.set(name, d);
  }
  return { year, departments: [...byDept.values()] };
}
