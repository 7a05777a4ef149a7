import {
  addMonthsToMonth,
  arrearsLevelOf,
  computeMonthlyDues,
  courtToday,
  DEFAULT_DUES_ROUNDING,
  DUES_CHANNEL_LABELS,
  DUES_ROUNDING_LABELS,
  formatFen,
  monthsBetween,
  type DuesPreview,
  type DuesRounding,
  type DuesSheet,
  type DuesSummary,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { reachablePerson, reachableUnits } from './dues-access.ts';
import { ARREARS_LOOKBACK_MONTHS, arrearsAt, memberFromOf, monthOf, rowsFor, type PersonRows } from './dues-months.ts';
import * as repo from './dues.repo.ts';

export async function roundingOf(ctx: RequestContext): Promise<DuesRounding> {
  return (await repo.readRounding(ctx.db, ctx.tenantId)) ?? DEFAULT_DUES_ROUNDING;
}

export async function previewDues(
  ctx: RequestContext,
  input: {
    category: 'in_service' | 'retired' | 'fixed';
    base?: number | undefined;
    rounding?: DuesRounding | undefined;
  },
): Promise<DuesPreview> {
  if (input.category !== 'fixed' && input.base === undefined)
    throw validationFailed([{ path: 'base', message: '请填写党费基数（月工资收入或养老金，元）' }]);
  const rounding = input.rounding ?? (await roundingOf(ctx));
  const r = computeMonthlyDues(input.category, input.base ?? 0, rounding);
  return { rate: r.rate, rateLabel: r.rateLabel, amount: formatFen(r.amountFen), rounding };
}

export async function setRounding(ctx: RequestContext, rounding: DuesRounding): Promise<{ rounding: DuesRounding }> {
  // A court setting: only a dues officer for the whole court changes it.
  if (!(await ctx.can('dues.manage', null))) throw new AppError('FORBIDDEN', '只有全院的党费管理员可以修改舍入方式');
  const before = await roundingOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await repo.writeRounding(tx, ctx.tenantId, rounding);
    await writeAudit(tx, ctx.actor, {
      action: 'dues.settings_update',
      entity: 'dues',
      summary: `党费舍入方式：${DUES_ROUNDING_LABELS[before]} → ${DUES_ROUNDING_LABELS[rounding]}`,
      before: { rounding: before },
      after: { rounding },
    });
  });
  return { rounding };
}

async function loadRows(ctx: RequestContext, personIds: string[], from?: string, to?: string): Promise<PersonRows> {
  const [bases, reductions, payments] = await Promise.all([
    repo.findBases(ctx.db, ctx.tenantId, personIds),
    repo.findReductions(ctx.db, ctx.tenantId, personIds),
    repo.findPayments(ctx.db, ctx.tenantId, personIds, { from, to }),
  ]);
  return { bases, reductions, payments };
}

/** 党费收缴表: a branch's members for one month — due, paid (date, channel, collector) and arrears. */
export async function buildSheet(ctx: RequestContext, orgUnitId: string, month: string): Promise<DuesSheet> {
  const { org, orgUnitIds, units } = await reachableUnits(ctx, 'dues.read', orgUnitId);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const payers = await repo.findDuesPayers(ctx.db, ctx.tenantId, orgUnitIds);
  const rounding = await roundingOf(ctx);
  const all = await loadRows(
    ctx,
    payers.map((p) => p.id),
    addMonthsToMonth(month, -ARREARS_LOOKBACK_MONTHS),
    month,
  );
  const totals = { due: 0, paid: 0, extra: 0, inArrears: 0 };
  const items = payers.map((p) => {
    const rows = rowsFor(p.id, all);
    const from = memberFromOf(p);
    const m = monthOf(from, rows, month, rounding);
    const arrearsMonths = arrearsAt(from, rows, month, rounding);
    totals.due += m.dueFen;
    totals.paid += m.paidFen;
    totals.extra += m.extraFen;
    if (arrearsMonths > 0) totals.inArrears++;
    return {
      personId: p.id,
      name: p.name,
      orgUnitName: p.orgUnitId ? (names.get(p.orgUnitId) ?? null) : null,
      due: formatFen(m.dueFen),
      paid: formatFen(m.paidFen),
      extra: formatFen(m.extraFen),
      arrearsMonths,
      arrearsLevel: arrearsLevelOf(arrearsMonths),
      reduced: m.reduced,
      hasBase: m.hasBase,
      paidOn: m.payment?.paidOn ?? null,
      channel: m.payment?.channel ?? null,
      collectedBy: m.payment?.collectedByName ?? null,
    };
  });
  return {
    orgUnitName: org.name,
    month,
    items,
    totals: {
      due: formatFen(totals.due),
      paid: formatFen(totals.paid),
      extra: formatFen(totals.extra),
      inArrears: totals.inArrears,
    },
  };
}

/** The year's months: members, due, paid, voluntary extra, members in arrears. */
export async function buildSummary(ctx: RequestContext, orgUnitId: string, year: number): Promise<DuesSummary> {
  const { org, orgUnitIds } = await reachableUnits(ctx, 'dues.read', orgUnitId);
  const payers = await repo.findDuesPayers(ctx.db, ctx.tenantId, orgUnitIds);
  const rounding = await roundingOf(ctx);
  const first = `${String(year)}-01`;
  const last = `${String(year)}-12`;
  const all = await loadRows(
    ctx,
    payers.map((p) => p.id),
    addMonthsToMonth(first, -ARREARS_LOOKBACK_MONTHS),
    last,
  );
  const totals = { due: 0, paid: 0, extra: 0 };
  const months = monthsBetween(first, last).map((month) => {
    const t = { members: 0, due: 0, paid: 0, extra: 0, inArrears: 0 };
    for (const p of payers) {
      const from = memberFromOf(p);
      if (from === null || month < from) continue;
      const rows = rowsFor(p.id, all);
      const m = monthOf(from, rows, month, rounding);
      t.members++;
      t.due += m.dueFen;
      t.paid += m.paidFen;
      t.extra += m.extraFen;
      if (arrearsAt(from, rows, month, rounding) > 0) t.inArrears++;
    }
    totals.due += t.due;
    totals.paid += t.paid;
    totals.extra += t.extra;
    return {
      month,
      members: t.members,
      due: formatFen(t.due),
      paid: formatFen(t.paid),
      extra: formatFen(t.extra),
      inArrears: t.inArrears,
    };
  });
  return {
    orgUnitName: org.name,
    year,
    months,
    totals: { due: formatFen(totals.due), paid: formatFen(totals.paid), extra: formatFen(totals.extra) },
  };
}

/**
 * 收缴: one payment for 1–6 consecutive months (paying ahead or catching up), each month at what was
 * due for it; a voluntary extra goes with the first month.
 */
export async function recordPayment(
  ctx: RequestContext,
  input: {
    personId: string;
    fromMonth: string;
    months: number;
    paidOn: string;
    channel: keyof typeof DUES_CHANNEL_LABELS;
    extra?: number | undefined;
    notes?: string | undefined;
  },
): Promise<{ months: string[]; total: string }> {
  const person = await reachablePerson(ctx, 'dues.manage', input.personId);
  if (input.paidOn > courtToday()) throw validationFailed([{ path: 'paidOn', message: '缴纳日期不能晚于今天' }]);
  const from = memberFromOf(person);
  if (from === null) throw new AppError('DUES_NOT_A_MEMBER');
  const rounding = await roundingOf(ctx);
  const rows = await loadRows(ctx, [person.id]);
  const months = monthsBetween(input.fromMonth, addMonthsToMonth(input.fromMonth, input.months - 1));
  const plan = months.map((m) => monthOf(from, rows, m, rounding));
  for (const m of plan) {
    if (m.month < from)
      throw validationFailed([{ path: 'fromMonth', message: `${m.month}尚未入党（自接收为预备党员当月起交纳党费）` }]);
    if (!m.hasBase) throw new AppError('DUES_NO_BASE', `${person.name}${m.month}没有党费基数，请先登记党费基数`);
    if (m.payment) throw new AppError('DUES_ALREADY_PAID', `${person.name}${m.month}的党费已经交过`);
    if (m.dueFen === 0)
      throw validationFailed([{ path: 'fromMonth', message: `${m.month}经支部决定免交党费，无须登记` }]);
  }
  const batchId = crypto.randomUUID();
  const extraFen = input.extra ?? 0;
  const total = plan.reduce((s, m) => s + m.dueFen, 0) + extraFen;
  await ctx.db.transaction(async (tx) => {
    await repo.insertPayments(
      tx,
      plan.map((m, i) => ({
        tenantId: ctx.tenantId,
        personId: person.id,
        month: m.month,
        amountFen: m.dueFen,
        extraFen: i === 0 ? extraFen : 0,
        paidOn: input.paidOn,
        channel: input.channel,
        batchId,
        collectedByUserId: ctx.user.id,
        collectedByName: ctx.actor.name,
        notes: input.notes ?? null,
      })),
    );
    await writeAudit(tx, ctx.actor, {
      action: 'dues.payment',
      entity: 'dues',
      entityId: person.id,
      summary: `${person.name}交纳党费${months.length > 1 ? `${months[0]!}至${months.at(-1)!}共${String(months.length)}个月` : months[0]!}，${formatFen(total)}元（${DUES_CHANNEL_LABELS[input.channel]}${extraFen ? `，含自愿多交${formatFen(extraFen)}元` : ''}）`,
      after: { months, paidOn: input.paidOn, channel: input.channel, totalFen: total, extraFen },
    });
  });
  return { months, total: formatFen(total) };
}

export async function deletePayment(ctx: RequestContext, id: string): Promise<void> {
  const payment = await repo.findPayment(ctx.db, ctx.tenantId, id);
  if (!payment) throw new AppError('NOT_FOUND', '收缴记录不存在');
  const person = await reachablePerson(ctx, 'dues.manage', payment.personId);
  await ctx.db.transaction(async (tx) => {
    await repo.deletePayment(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx.actor, {
      action: 'dues.payment_delete',
      entity: 'dues',
      entityId: person.id,
      summary: `撤销${person.name}${payment.month}的党费收缴登记（${formatFen(payment.amountFen + payment.extraFen)}元）`,
      before: payment,
    });
  });
}
