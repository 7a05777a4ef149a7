/**
 * 教育激励: enrolments in a law degree (法律本科) and attempts at the legal professional qualification
 * exam (法考), with results and the reward granted; the court's figures per year.
 */
import {
  INCENTIVE_KIND_LABELS,
  INCENTIVE_RESULT_LABELS,
  INCENTIVE_RESULTS_OF,
  type Incentive,
  type IncentiveRequest,
  type IncentivesResponse,
  type UpdateIncentiveRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit } from '../../platform/audit.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './incentives.repo.ts';
import * as studyRepo from './study.repo.ts';

type Joined = Awaited<ReturnType<typeof repo.findIncentives>>[number];

function toIncentive({ incentive: i, name }: Joined): Incentive {
  return {
    id: i.id,
    personId: i.personId,
    name,
    kind: i.kind,
    year: i.year,
    institution: i.institution,
    result: i.result,
    reward: i.reward,
    notes: i.notes,
  };
}

function checkResult(kind: Incentive['kind'], result: Incentive['result']) {
  if (!INCENTIVE_RESULTS_OF[kind].includes(result))
    throw validationFailed([
      {
        path: 'result',
        message: `${INCENTIVE_KIND_LABELS[kind]}的结果应为${INCENTIVE_RESULTS_OF[kind].map((r) => INCENTIVE_RESULT_LABELS[r]).join('、')}之一`,
      },
    ]);
}

/** Holders of `study.read` see the people it reaches; anyone else their own records. */
export async function listIncentives(ctx: RequestContext, year?: number): Promise<IncentivesResponse> {
  const rows = await repo.findIncentives(ctx.db, ctx.tenantId, { year });
  const readable = await Promise.all(rows.map((r) => ctx.can('study.read', r.orgUnitId)));
  const items = rows.filter((r, n) => readable[n] === true || r.incentive.personId === ctx.personId).map(toIncentive);
  const years = [...new Set(items.map((i) => i.year))].sort((a, b) => b - a);
  return {
    items,
    byYear: years.map((y) => {
      const of = items.filter((i) => i.year === y);
      const count = (kind: Incentive['kind'], result?: Incentive['result']) =>
        of.filter((i) => i.kind === kind && (result === undefined || i.result === result)).length;
      return {
        year: y,
        enrolled: count('law_degree', 'enrolled'),
        graduated: count('law_degree', 'graduated'),
        examAttempts: count('legal_exam'),
        passed: count('legal_exam', 'passed'),
        rewarded: of.filter((i) => i.reward).length,
      };
    }),
  };
}

async function loadManaged(ctx: RequestContext, id: string) {
  const [row] = await repo.findIncentives(ctx.db, ctx.tenantId, { id });
  if (!row || !(await ctx.can('study.manage', row.orgUnitId))) throw notFound('教育激励记录');
  return row;
}

export async function createIncentive(ctx: RequestContext, input: IncentiveRequest): Promise<Incentive> {
  checkResult(input.kind, input.result);
  const [person] = await studyRepo.findPeopleByIds(ctx.db, ctx.tenantId, [input.personId]);
  if (!person || !(await ctx.can('study.manage', person.orgUnitId)))
    throw validationFailed([{ path: 'personId', message: '所选人员不存在或不在本人管理范围内' }]);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertIncentive(tx, {
      tenantId: ctx.tenantId,
      personId: input.personId,
      kind: input.kind,
      year: input.year,
      institution: input.institution ?? null,
      result: input.result,
      reward: input.reward ?? null,
      notes: input.notes ?? null,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'study.incentive_create',
      entity: 'education_incentive',
      entityId: created.id,
      summary: `登记教育激励：${person.name}，${String(input.year)}年${INCENTIVE_KIND_LABELS[input.kind]}（${INCENTIVE_RESULT_LABELS[input.result]}）${input.reward ? `，奖励：${input.reward}` : ''}`,
      after: created,
    });
    return created;
  });
  return toIncentive({ incentive: row, name: person.name, orgUnitId: person.orgUnitId });
}

export async function updateIncentive(
  ctx: RequestContext,
  id: string,
  input: UpdateIncentiveRequest,
): Promise<Incentive> {
  const before = await loadManaged(ctx, id);
  if (input.result) checkResult(before.incentive.kind, input.result);
  await ctx.db.transaction(async (tx) => {
    await repo.updateIncentive(tx, ctx.tenantId, id, input);
    await writeAudit(tx, ctx.actor, {
      action: 'study.incentive_update',
      entity: 'education_incentive',
      entityId: id,
      summary: `修改教育激励：${before.name}，${INCENTIVE_KIND_LABELS[before.incentive.kind]}`,
      ...(diffFields(before.incentive, input) ?? {}),
    });
  });
  return toIncentive((await repo.findIncentives(ctx.db, ctx.tenantId, { id }))[0]!);
}
