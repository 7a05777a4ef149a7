import { COURT_TYPE_LABELS, COURT_TYPES, DEFAULT_CENTRE, type Centre, type UpdateCentreRequest } from '@qizhi/domain';
import { diffFields, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './centre.repo.ts';

export async function getCentre(ctx: RequestContext, year: number): Promise<Centre> {
  const [row, pointsRankingEnabled] = await Promise.all([
    repo.findCentre(ctx.db, ctx.tenantId, year),
    repo.readPointsRankingEnabled(ctx.db, ctx.tenantId),
  ]);
  return {
    year,
    objective: row?.objective ?? DEFAULT_CENTRE.objective,
    workingLine: row?.workingLine ?? DEFAULT_CENTRE.workingLine,
    isDefault: !row,
    courtTypes: COURT_TYPES.map((code) => ({ code, label: COURT_TYPE_LABELS[code] })),
    pointsRankingEnabled,
  };
}

export async function updateCentre(ctx: RequestContext, year: number, input: UpdateCentreRequest): Promise<Centre> {
  const before = await getCentre(ctx, year);
  await ctx.db.transaction(async (tx) => {
    await repo.upsertCentre(tx, { tenantId: ctx.tenantId, year, ...input });
    const diff = diffFields({ objective: before.objective, workingLine: before.workingLine }, input);
    await writeAudit(tx, ctx.actor, {
      action: 'centre.update',
      entity: 'court_centre',
      entityId: String(year),
      summary: `设定${String(year)}年度中心目标：${input.objective}；工作思路：${input.workingLine}`,
      ...(diff ?? {}),
    });
  });
  return getCentre(ctx, year);
}

export async function setPointsRanking(ctx: RequestContext, enabled: boolean): Promise<{ enabled: boolean }> {
  const before = await repo.readPointsRankingEnabled(ctx.db, ctx.tenantId);
  await ctx.db.transaction(async (tx) => {
    await repo.writePointsRankingEnabled(tx, ctx.tenantId, enabled);
    await writeAudit(tx, ctx.actor, {
      action: 'centre.points_ranking',
      entity: 'tenant',
      entityId: ctx.tenantId,
      summary: `${enabled ? '开启' : '关闭'}“比学赶超”积分排名`,
      before: { enabled: before },
      after: { enabled },
    });
  });
  return { enabled };
}

/** Whether the court has turned on the optional points ranking (off by default, rules.md). */
export async function isPointsRankingEnabled(ctx: RequestContext): Promise<boolean> {
  return repo.readPointsRankingEnabled(ctx.db, ctx.tenantId);
}
