/** A member's dues record: bases with history (masked but for the dues officer), payments, reductions. */
import {
  arrearsLevelOf,
  computeMonthlyDues,
  courtToday,
  DUES_CATEGORY_LABELS,
  formatFen,
  maskDuesBase,
  type DuesCategory,
  type DuesPersonRecord,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { reachablePerson } from './dues-access.ts';
import { arrearsAt, memberFromOf, paidUpTo } from './dues-months.ts';
import * as repo from './dues.repo.ts';
import { roundingOf } from './dues.service.ts';

export async function getPersonDues(ctx: RequestContext, personId: string): Promise<DuesPersonRecord> {
  const person = await reachablePerson(ctx, 'dues.read', personId, { self: true });
  const own = ctx.personId === person.id;
  const fullBase = own || (await ctx.can('dues.base.read', person.orgUnitId));
  const rounding = await roundingOf(ctx);
  const [bases, reductions, payments] = await Promise.all([
    repo.findBases(ctx.db, ctx.tenantId, [person.id]),
    repo.findReductions(ctx.db, ctx.tenantId, [person.id]),
    repo.findPayments(ctx.db, ctx.tenantId, [person.id]),
  ]);
  const rows = { bases, reductions, payments };
  const from = memberFromOf(person);
  const arrearsMonths = arrearsAt(from, rows, courtToday().slice(0, 7), rounding);
  // A dues officer reading someone else's full base leaves a trace (personal data).
  if (fullBase && !own && bases.length > 0)
    await writeAudit(ctx.db, ctx.actor, {
      action: 'dues.base_read',
      entity: 'dues',
      entityId: person.id,
      summary: `查看${person.name}的完整党费基数`,
    });
  return {
    personId: person.id,
    name: person.name,
    memberFrom: from === '0000-01' ? null : from,
    bases: bases
      .slice()
      .reverse()
      .map((b) => {
        const dues = computeMonthlyDues(b.category, b.baseFen, rounding);
        return {
          id: b.id,
          category: b.category,
          base: fullBase ? formatFen(b.baseFen) : maskDuesBase(b.category, b.baseFen),
          masked: !fullBase,
          fromMonth: b.fromMonth,
          monthly: formatFen(dues.amountFen),
          rateLabel: dues.rateLabel,
          recordedBy: b.recordedByName,
        };
      }),
    payments: payments
      .slice()
      .reverse()
      .map((p) => ({
        id: p.id,
        month: p.month,
        amount: formatFen(p.amountFen),
        extra: formatFen(p.extraFen),
        paidOn: p.paidOn,
        channel: p.channel,
        collectedBy: p.collectedByName,
      })),
    reductions: reductions.map((r) => ({
      id: r.id,
      fromMonth: r.fromMonth,
      toMonth: r.toMonth,
      amount: formatFen(r.amountFen),
      reason: r.reason,
      decision: r.decision,
      approvedBy: r.approvedBy,
    })),
    arrearsMonths,
    arrearsLevel: arrearsLevelOf(arrearsMonths),
    paidUpTo: paidUpTo(from, rows, rounding),
  };
}

export async function setBase(
  ctx: RequestContext,
  personId: string,
  input: { category: DuesCategory; base?: number | undefined; fromMonth: string },
): Promise<DuesPersonRecord> {
  const person = await reachablePerson(ctx, 'dues.manage', personId);
  if (memberFromOf(person) === null) throw new AppError('DUES_NOT_A_MEMBER');
  if (input.category !== 'fixed' && input.base === undefined)
    throw validationFailed([{ path: 'base', message: '请填写党费基数（月工资收入或养老金，元）' }]);
  const baseFen = input.category === 'fixed' ? 0 : input.base!;
  await ctx.db.transaction(async (tx) => {
    const row = await repo.upsertBase(tx, {
      tenantId: ctx.tenantId,
      personId: person.id,
      category: input.category,
      baseFen,
      fromMonth: input.fromMonth,
      recordedByName: ctx.actor.name,
    });
    // The base itself is personal data: the audit row says that it changed, not what it is.
    await writeAudit(tx, ctx.actor, {
      action: 'dues.base_set',
      entity: 'dues',
      entityId: person.id,
      summary: `登记${person.name}的党费基数（${DUES_CATEGORY_LABELS[input.category]}），自${input.fromMonth}起`,
      after: { id: row.id, category: input.category, fromMonth: input.fromMonth },
    });
  });
  return getPersonDues(ctx, person.id);
}

export async function addReduction(
  ctx: RequestContext,
  personId: string,
  input: {
    fromMonth: string;
    toMonth?: string | null | undefined;
    amount: number;
    reason: string;
    decision: string;
    approvedBy: string;
  },
): Promise<DuesPersonRecord> {
  const person = await reachablePerson(ctx, 'dues.manage', personId);
  if (memberFromOf(person) === null) throw new AppError('DUES_NOT_A_MEMBER');
  if (input.toMonth && input.toMonth < input.fromMonth)
    throw validationFailed([{ path: 'toMonth', message: '截止月份不能早于起始月份' }]);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.insertReduction(tx, {
      tenantId: ctx.tenantId,
      personId: person.id,
      fromMonth: input.fromMonth,
      toMonth: input.toMonth ?? null,
      amountFen: input.amount,
      reason: input.reason,
      decision: input.decision,
      approvedBy: input.approvedBy,
      recordedByName: ctx.actor.name,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'dues.reduction',
      entity: 'dues',
      entityId: person.id,
      summary: `${person.name}自${input.fromMonth}起${input.amount === 0 ? '免交' : `减为每月${formatFen(input.amount)}元`}党费（${input.decision}；${input.approvedBy}）`,
      after: row,
    });
  });
  return getPersonDues(ctx, person.id);
}
