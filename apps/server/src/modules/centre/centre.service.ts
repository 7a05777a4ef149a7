import { COURT_TYPE_LABELS, COURT_TYPES, DEFAULT_CENTRE, type Centre, type UpdateCentreRequest } from '@qizhi/domain';
import { diffFields, writeAudit, type Actor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import * as repo from './centre.repo.ts';

export async function getCentre(db: Db, tenantId: string, year: number): Promise<Centre> {
  const [row, pointsRankingEnabled] = await Promise.all([
    repo.findCentre(db, tenantId, year),
    repo.readPointsRankingEnabled(db, tenantId),
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

export async function updateCentre(db: Db, actor: Actor, year: number, input: UpdateCentreRequest): Promise<Centre> {
  const before = await getCentre(db, actor.tenantId, year);
  await db.transaction(async (tx) => {
    await repo.upsertCentre(tx, { tenantId: actor.tenantId, year, ...input });
    const diff = diffFields({ objective: before.objective, workingLine: before.workingLine }, input);
    await writeAudit(tx, actor, {
      action: 'centre.update',
      entity: 'court_centre',
      entityId: String(year),
      summary: `设定${String(year)}年度中心目标：${input.objective}；工作思路：${input.workingLine}`,
      ...(diff ?? {}),
    });
  });
  return getCentre(db, actor.tenantId, year);
}

export async function setPointsRanking(db: Db, actor: Actor, enabled: boolean): Promise<{ enabled: boolean }> {
  const before = await repo.readPointsRankingEnabled(db, actor.tenantId);
  await db.transaction(async (tx) => {
    await repo.writePointsRankingEnabled(tx, actor.tenantId, enabled);
    await writeAudit(tx, actor, {
      action: 'centre.points_ranking',
      entity: 'tenant',
      entityId: actor.tenantId,
      summary: `${enabled ? '开启' : '关闭'}“比学赶超”积分排名`,
      before: { enabled: before },
      after: { enabled },
    });
  });
  return { enabled };
}
