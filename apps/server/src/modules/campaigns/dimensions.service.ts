/**
 * The leader's year by dimension (六型法院): for each court type, the study sessions held and the
 * hours earned at them, the campaigns of the year and their tasks done of all — within where
 * `campaigns.read` reaches (the whole court, or a 支部书记's branch).
 */
import {
  campaignSpan,
  COURT_TYPE_LABELS,
  COURT_TYPES,
  courtInstant,
  courtYear,
  type YearByDimensionResponse,
} from '@qizhi/domain';
import { covers, scopeNameLoading, unitsOf } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { sumStudyByCourtType } from '../study/index.ts';
import * as repo from './campaigns.repo.ts';

export async function yearByDimension(ctx: RequestContext, year = courtYear()): Promise<YearByDimensionResponse> {
  const scope = await ctx.scopeOf('campaigns.read');
  const within = unitsOf(scope);
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  const study = await sumStudyByCourtType(
    ctx.db,
    ctx.tenantId,
    { from: courtInstant(`${String(year)}-01-01`), to: courtInstant(`${String(year + 1)}-01-01`), now: new Date() },
    within,
  );
  // The court's own campaigns count for everyone; an organisation's where the reader's scope reaches.
  const all = (await repo.findCampaigns(ctx.db, ctx.tenantId)).filter(
    (c) => c.orgUnitId === null || covers(scope, c.orgUnitId),
  );
  const phases = await repo.findPhases(
    ctx.db,
    ctx.tenantId,
    all.map((c) => c.id),
  );
  const first = `${String(year)}-01-01`;
  const last = `${String(year)}-12-31`;
  const ofYear = all.filter((c) => {
    const span = campaignSpan(phases.filter((p) => p.campaignId === c.id));
    return span !== null && span.startsOn <= last && span.endsOn >= first;
  });
  const tasks = await repo.findTasks(ctx.db, ctx.tenantId, { campaignIds: ofYear.map((c) => c.id) });
  // A scoped reader counts the tasks of their organisations and people; persons are looked up once.
  const people =
    within === undefined
      ? []
      : await repo.findPeopleByIds(
          ctx.db,
          ctx.tenantId,
          tasks.flatMap((t) => (t.task.personId ? [t.task.personId] : [])),
        );
  const personOrg = new Map(people.map((p) => [p.id, p.orgUnitId]));
  const counted = tasks.filter((t) => covers(scope, t.task.orgUnitId ?? personOrg.get(t.task.personId ?? '') ?? null));
  return {
    year,
    scopeName: await scopeNameLoading(scope, async () => units),
    rows: COURT_TYPES.map((courtType) => {
      const s = study.find((r) => r.courtType === courtType);
      const typed = counted.filter((t) => t.task.courtTypes.includes(courtType));
      return {
        courtType,
        label: COURT_TYPE_LABELS[courtType],
        studySessions: s?.sessions ?? 0,
        studyHours: s?.hours ?? 0,
        campaigns: ofYear.filter((c) => c.courtTypes.includes(courtType)).length,
        tasks: typed.length,
        tasksDone: typed.filter((t) => t.done).length,
      };
    }),
  };
}
