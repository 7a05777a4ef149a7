/**
 * Who a study session is for and who may see or run it. A session's `orgUnitId` names the
 * organisation whose subtree is expected (null: all serving staff); running it is `study.manage`
 * where that organisation lies (a court-wide session: court-wide managers only, as the policy says).
 */
import { collectSubtreeIds } from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { unitsOf } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './study.repo.ts';

export type OrgUnitRow = Awaited<ReturnType<typeof repo.findOrgUnits>>[number];
export type StaffRow = Awaited<ReturnType<typeof repo.findServingStaff>>[number];

/** The organisations a person belongs to: their own and every one above it. */
export function chainOf(units: readonly OrgUnitRow[], orgUnitId: string | null): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  for (let id = orgUnitId; id !== null;) {
    const u = byId.get(id);
    if (!u || out.includes(id)) break;
    out.push(id);
    id = u.parentId;
  }
  return out;
}

/** The serving staff a session expects: everyone, or those in the organisation's subtree. */
export function expectedOf(units: readonly OrgUnitRow[], staff: readonly StaffRow[], orgUnitId: string | null) {
  if (orgUnitId === null) return [...staff];
  const within = new Set(collectSubtreeIds(units, orgUnitId));
  return staff.filter((p) => p.orgUnitId !== null && within.has(p.orgUnitId));
}

/** Anyone holding a secretary's chair or a committee seat in any organisation (56 hours, rules.md). */
export function committeeHolders(units: readonly OrgUnitRow[]): Set<string> {
  const out = new Set<string>();
  for (const u of units) {
    if (u.secretaryPersonId) out.add(u.secretaryPersonId);
    for (const seat of u.committee) out.add(seat.personId);
  }
  return out;
}

/**
 * The organisations whose sessions a person sees: where `study.read` or `study.manage` reaches,
 * and the chain of their own organisation (sessions they are expected at); `undefined`: all.
 */
export async function visibleOrgUnitIds(
  ctx: RequestContext,
  units: readonly OrgUnitRow[],
): Promise<string[] | undefined> {
  const read = unitsOf(await ctx.scopeOf('study.read'));
  const manage = unitsOf(await ctx.scopeOf('study.manage'));
  if (read === undefined || manage === undefined) return undefined;
  const own = await ownOrgUnitId(ctx);
  return [...new Set([...read, ...manage, ...chainOf(units, own)])];
}

export async function ownOrgUnitId(ctx: RequestContext): Promise<string | null> {
  if (!ctx.personId) return null;
  const [me] = await repo.findPeopleByIds(ctx.db, ctx.tenantId, [ctx.personId]);
  return me?.orgUnitId ?? null;
}

/** A session the person may see (404 otherwise, so ids elsewhere are not confirmed), and whether they run it. */
export async function loadSession(ctx: RequestContext, id: string, db: Db = ctx.db) {
  const row = await repo.findSession(db, ctx.tenantId, id);
  if (!row) throw notFound('学习');
  const units = await repo.findOrgUnits(db, ctx.tenantId);
  const visible = await visibleOrgUnitIds(ctx, units);
  const orgUnitId = row.session.orgUnitId;
  if (visible !== undefined && orgUnitId !== null && !visible.includes(orgUnitId)) throw notFound('学习');
  const canManage = await ctx.can('study.manage', orgUnitId);
  return { ...row, units, canManage };
}
