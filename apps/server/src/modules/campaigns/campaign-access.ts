/**
 * Who sees and runs a campaign. A campaign's `orgUnitId` names the organisation that runs it (null:
 * the whole court). Everyone sees the court's campaigns and those of the organisations they belong
 * to (their own and every one above it); `campaigns.read` and `campaigns.manage` add where they
 * reach. Running one is `campaigns.manage` where its organisation lies (court-wide: court-wide only).
 */
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { unitsOf } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './campaigns.repo.ts';

export type OrgUnitRow = Awaited<ReturnType<typeof repo.findOrgUnits>>[number];

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

export async function ownOrgUnitId(ctx: RequestContext, db: Db = ctx.db): Promise<string | null> {
  if (!ctx.personId) return null;
  const [me] = await repo.findPeopleByIds(db, ctx.tenantId, [ctx.personId]);
  return me?.orgUnitId ?? null;
}

/** The organisations whose campaigns a person sees; `undefined`: all of the court's. */
export async function visibleOrgUnitIds(
  ctx: RequestContext,
  units: readonly OrgUnitRow[],
  db: Db = ctx.db,
): Promise<string[] | undefined> {
  const read = unitsOf(await ctx.scopeOf('campaigns.read'));
  const manage = unitsOf(await ctx.scopeOf('campaigns.manage'));
  if (read === undefined || manage === undefined) return undefined;
  return [...new Set([...read, ...manage, ...chainOf(units, await ownOrgUnitId(ctx, db))])];
}

export function isVisible(visible: readonly string[] | undefined, orgUnitId: string | null): boolean {
  return visible === undefined || orgUnitId === null || visible.includes(orgUnitId);
}

/** A campaign the person may see (404 otherwise, so ids elsewhere are not confirmed), and whether they run it. */
export async function loadCampaign(ctx: RequestContext, id: string, db: Db = ctx.db) {
  const campaign = await repo.findCampaign(db, ctx.tenantId, id);
  if (!campaign) throw notFound('活动');
  const units = await repo.findOrgUnits(db, ctx.tenantId);
  if (!isVisible(await visibleOrgUnitIds(ctx, units, db), campaign.orgUnitId)) throw notFound('活动');
  const canManage = await ctx.can('campaigns.manage', campaign.orgUnitId);
  const canRead = canManage || (await ctx.can('campaigns.read', campaign.orgUnitId));
  return { campaign, units, canManage, canRead };
}
