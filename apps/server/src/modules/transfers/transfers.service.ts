/**
 * 组织关系转接: letters out (within the court the member moves to another 党组织; outside it the member
 * leaves through the roster's leaving flow, their account disabled), transfers in, returned receipts.
 * Every write is one transaction with its audit row.
 */
import {
  courtToday,
  duesFlagForTransfer,
  incomingLetterProblem,
  letterProblem,
  letterValidityDays,
  letterValidUntil,
  nextLetterNo,
  paidUpToLabel,
  receiptDaysOverdue,
  receiptProblem,
  receiptStatusOf,
  type PersonTransfers,
  type TransferCheck,
  type TransferInRequest,
  type TransferItem,
  type TransferList,
  type TransferOutRequest,
  type TransferReceiptRequest,
  type TransferDirection,
  type ReceiptStatus,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { unitsOf } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { duesStandingOf } from '../dues/index.ts';
import { leaveInTransaction, moveToOrgUnit } from '../members/index.ts';
import { findOrgUnit } from '../org/index.ts';
import * as repo from './transfers.repo.ts';

const MEMBER_STATUSES = new Set(['probationary', 'full']);

export function toItem(row: repo.TransferRow, today = courtToday()): TransferItem {
  const receipt = { validUntil: row.validUntil, receiptOn: row.receiptOn, today };
  return {
    id: row.id,
    direction: row.direction,
    personId: row.personId,
    personName: row.personName,
    fromOrgUnitId: row.fromOrgUnitId,
    fromName: row.fromName,
    toOrgUnitId: row.toOrgUnitId,
    toName: row.toName,
    internal: row.direction === 'out' && row.toOrgUnitId !== null,
    letterNo: row.letterNo,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    validDays: row.validUntil ? letterValidityDays(row.issuedOn, row.validUntil) : null,
    duesPaidUpTo: row.duesPaidUpTo,
    arrearsMonths: row.arrearsMonths,
    receivedOn: row.receivedOn,
    receiptOn: row.receiptOn,
    status: receiptStatusOf({ direction: row.direction, ...receipt }),
    daysOverdue: row.direction === 'out' ? receiptDaysOverdue(receipt) : 0,
    note: row.note,
    recordedBy: row.recordedByName,
  };
}

/** The letters touching the organisations the caller reads (sent from or received into them). */
export async function listTransfers(
  ctx: RequestContext,
  query: { direction?: TransferDirection | undefined; status?: ReceiptStatus | undefined },
): Promise<TransferList> {
  const scope = await ctx.scopeOf('transfers.read');
  const rows = await repo.findTransfers(ctx.db, ctx.tenantId, {
    orgUnitIds: unitsOf(scope),
    direction: query.direction,
  });
  const today = courtToday();
  const items = rows.map((r) => toItem(r, today));
  return {
    items: query.status ? items.filter((i) => i.status === query.status) : items,
    overdueCount: items.filter((i) => i.status === 'overdue').length,
  };
}

async function canReach(ctx: RequestContext, permission: 'transfers.read' | 'transfers.manage', row: repo.TransferRow) {
  return (await ctx.can(permission, row.fromOrgUnitId)) || (await ctx.can(permission, row.toOrgUnitId));
}

export async function getTransfer(ctx: RequestContext, id: string): Promise<TransferItem> {
  const row = await repo.findTransfer(ctx.db, ctx.tenantId, id);
  if (!row || !(await canReach(ctx, 'transfers.read', row))) throw notFound('转接记录');
  return toItem(row);
}

/** A person's moves between organisations (their record shows it): to officers and roster readers, and to themselves. */
export async function personTransfers(ctx: RequestContext, personId: string): Promise<PersonTransfers> {
  const person = await repo.findPerson(ctx.db, ctx.tenantId, personId);
  if (!person) throw notFound('人员');
  const reach =
    ctx.personId === person.id ||
    (await ctx.can('transfers.read', person.orgUnitId)) ||
    (await ctx.can('people.read', person.orgUnitId));
  if (!reach) throw notFound('人员');
  const rows = await repo.findTransfersOfPerson(ctx.db, ctx.tenantId, person.id);
  const today = courtToday();
  return { items: rows.map((r) => toItem(r, today)) };
}

/** A member the caller may transfer: on the roster, a party member, in a 党组织 the caller manages. */
async function transferablePerson(ctx: RequestContext, personId: string) {
  const person = await repo.findPerson(ctx.db, ctx.tenantId, personId);
  if (!person || !(await ctx.can('transfers.manage', person.orgUnitId))) throw notFound('人员');
  if (person.leftOn !== null) throw new AppError('PERSON_ALREADY_LEFT', `此人已于${person.leftOn}离开，不能转接`);
  if (!MEMBER_STATUSES.has(person.status)) throw new AppError('TRANSFER_NOT_A_MEMBER');
  return person;
}

/** Before the letter: the member's 党组织 and dues — paid up to, months in arrears this month. */
export async function checkTransfer(ctx: RequestContext, personId: string): Promise<TransferCheck> {
  const person = await transferablePerson(ctx, personId);
  const unit = person.orgUnitId ? await findOrgUnit(ctx, person.orgUnitId) : undefined;
  const dues = await duesStandingOf(ctx.db, ctx.tenantId, person.id, courtToday().slice(0, 7));
  return {
    personId: person.id,
    name: person.name,
    status: person.status,
    orgUnitId: person.orgUnitId,
    orgUnitName: unit?.name ?? null,
    leftOn: person.leftOn,
    paidUpTo: dues.paidUpTo,
    arrearsMonths: dues.arrearsMonths,
    duesFlag: duesFlagForTransfer(dues),
  };
}

type OutInput = Omit<TransferOutRequest, 'validMonths'> & { validMonths: number };

export async function transferOut(ctx: RequestContext, input: OutInput): Promise<TransferItem> {
  const person = await transferablePerson(ctx, input.personId);
  if (!person.orgUnitId) throw new AppError('TRANSFER_NO_ORG_UNIT');
  const problem = letterProblem({ issuedOn: input.issuedOn, validMonths: input.validMonths, today: courtToday() });
  if (problem) throw validationFailed([problem]);
  const from = await findOrgUnit(ctx, person.orgUnitId);
  let toName = input.toName ?? '';
  if (input.toOrgUnitId !== undefined) {
    const to = await findOrgUnit(ctx, input.toOrgUnitId);
    if (!to) throw validationFailed([{ path: 'toOrgUnitId', message: '所选接收党组织不存在' }]);
    if (to.id === person.orgUnitId)
      throw validationFailed([{ path: 'toOrgUnitId', message: '接收党组织与现所在党组织相同' }]);
    if (!(await ctx.can('transfers.manage', to.id)))
      throw new AppError('FORBIDDEN', '只能转入本人负责的党组织；其他党组织之间的转接请由机关党委办理');
    toName = to.name;
  }
  // rules.md: the letter records the month dues are paid up to; arrears in the month of issue are flagged first.
  const dues = await duesStandingOf(ctx.db, ctx.tenantId, person.id, input.issuedOn.slice(0, 7));
  const flag = duesFlagForTransfer(dues);
  if (flag && input.acknowledgeArrears !== true)
    throw new AppError('TRANSFER_DUES_ARREARS', flag, { paidUpTo: dues.paidUpTo, arrearsMonths: dues.arrearsMonths });

  const validUntil = letterValidUntil(input.issuedOn, input.validMonths);
  const note = input.note?.trim() || null;
  const id = await ctx.db.transaction(async (tx) => {
    let letterNo = input.letterNo?.trim() ?? '';
    if (letterNo === '') {
      const year = input.issuedOn.slice(0, 4);
      letterNo = nextLetterNo(year, await repo.countLettersOfYear(tx, ctx.tenantId, year));
    }
    if (await repo.letterNoTaken(tx, ctx.tenantId, letterNo)) throw new AppError('TRANSFER_LETTER_NO_TAKEN');
    const created = await repo.insertTransfer(tx, {
      tenantId: ctx.tenantId,
      direction: 'out',
      personId: person.id,
      fromOrgUnitId: person.orgUnitId,
      fromName: from?.name ?? '',
      toOrgUnitId: input.toOrgUnitId ?? null,
      toName,
      letterNo,
      issuedOn: input.issuedOn,
      validUntil,
      duesPaidUpTo: dues.paidUpTo,
      arrearsMonths: dues.arrearsMonths,
      note,
      recordedByName: ctx.actor.name,
    });
    if (input.toOrgUnitId !== undefined) {
      if (!(await moveToOrgUnit(tx, ctx.tenantId, person.id, input.toOrgUnitId)))
        throw new AppError('PERSON_ALREADY_LEFT');
    } else {
      // Out of the court: the roster's own leaving flow (调出), which disables the account.
      await leaveInTransaction(tx, ctx, person, {
        leftOn: input.issuedOn,
        reason: 'transferred_out',
        note: `组织关系转至${toName}（介绍信${letterNo}）`,
      });
    }
    await writeAudit(tx, ctx.actor, {
      action: 'transfer.out',
      entity: 'transfer',
      entityId: created,
      summary:
        `开具组织关系介绍信${letterNo}：${person.name}由${from?.name ?? ''}转至${toName}` +
        `，有效期至${validUntil}，党费交至${paidUpToLabel(dues.paidUpTo)}` +
        (dues.arrearsMonths > 0 ? `（欠缴${String(dues.arrearsMonths)}个月，经确认开具）` : ''),
      after: {
        personId: person.id,
        fromOrgUnitId: person.orgUnitId,
        toOrgUnitId: input.toOrgUnitId ?? null,
        toName,
        letterNo,
        issuedOn: input.issuedOn,
        validUntil,
        duesPaidUpTo: dues.paidUpTo,
        arrearsMonths: dues.arrearsMonths,
      },
    });
    return created;
  });
  return getTransfer(ctx, id);
}

export async function transferIn(ctx: RequestContext, input: TransferInRequest): Promise<TransferItem> {
  const person = await transferablePerson(ctx, input.personId);
  const unit = await findOrgUnit(ctx, input.orgUnitId);
  if (!unit) throw validationFailed([{ path: 'orgUnitId', message: '所选党组织不存在' }]);
  if (!(await ctx.can('transfers.manage', unit.id))) throw new AppError('FORBIDDEN', '只能转入本人负责的党组织');
  const problem = incomingLetterProblem({
    issuedOn: input.issuedOn,
    validUntil: input.validUntil ?? null,
    receivedOn: input.receivedOn,
    today: courtToday(),
  });
  if (problem?.expired) throw new AppError('TRANSFER_LETTER_EXPIRED', problem.message);
  if (problem) throw validationFailed([problem]);
  const note = input.note?.trim() || null;
  const id = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertTransfer(tx, {
      tenantId: ctx.tenantId,
      direction: 'in',
      personId: person.id,
      fromOrgUnitId: null,
      fromName: input.fromName,
      toOrgUnitId: unit.id,
      toName: unit.name,
      letterNo: input.letterNo,
      issuedOn: input.issuedOn,
      validUntil: input.validUntil ?? null,
      duesPaidUpTo: input.duesPaidUpTo ?? null,
      receivedOn: input.receivedOn,
      note,
      recordedByName: ctx.actor.name,
    });
    // The member joins the 党组织, and the record carries the day the relation arrived (组织关系转入日期).
    if (!(await moveToOrgUnit(tx, ctx.tenantId, person.id, unit.id, input.receivedOn)))
      throw new AppError('PERSON_ALREADY_LEFT');
    await writeAudit(tx, ctx.actor, {
      action: 'transfer.in',
      entity: 'transfer',
      entityId: created,
      summary: `办理组织关系转入：${person.name}由${input.fromName}转入${unit.name}（介绍信${input.letterNo}，${input.receivedOn}接收）`,
      before: { orgUnitId: person.orgUnitId },
      after: { personId: person.id, orgUnitId: unit.id, fromName: input.fromName, letterNo: input.letterNo },
    });
    return created;
  });
  return getTransfer(ctx, id);
}

/** 回执: the receiving organisation's slip came back; the sending unit's responsibility ends. */
export async function recordReceipt(
  ctx: RequestContext,
  id: string,
  input: TransferReceiptRequest,
): Promise<TransferItem> {
  const row = await repo.findTransfer(ctx.db, ctx.tenantId, id);
  if (!row || !(await canReach(ctx, 'transfers.manage', row))) throw notFound('转接记录');
  if (row.direction !== 'out') throw new AppError('TRANSFER_NOT_OUTGOING');
  if (row.receiptOn !== null) throw new AppError('TRANSFER_RECEIPT_RECORDED');
  const problem = receiptProblem({ issuedOn: row.issuedOn, receiptOn: input.receiptOn, today: courtToday() });
  if (problem) throw validationFailed([problem]);
  const note = input.note?.trim() || null;
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.recordReceipt(tx, ctx.tenantId, id, input.receiptOn, note)))
      throw new AppError('TRANSFER_RECEIPT_RECORDED');
    await writeAudit(tx, ctx.actor, {
      action: 'transfer.receipt',
      entity: 'transfer',
      entityId: id,
      summary: `登记回执：${row.personName}的介绍信${row.letterNo}（转至${row.toName}），回执${input.receiptOn}返回`,
      before: { receiptOn: null },
      after: { receiptOn: input.receiptOn, note },
    });
  });
  return getTransfer(ctx, id);
}
