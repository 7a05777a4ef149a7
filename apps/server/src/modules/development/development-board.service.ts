/** The pipeline board of a branch, the activist's assessments and the probation extension. */
import {
  checkExtension,
  collectSubtreeIds,
  courtToday,
  stepDef,
  type DevelopmentBoard,
  type DevelopmentRecord,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { covers } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { nextOf, probationEnd, stageNow, stateOf } from './development-record.ts';
import { getDevelopment, reachablePerson } from './development.service.ts';
import * as repo from './development.repo.ts';

export async function buildBoard(ctx: RequestContext, orgUnitId: string): Promise<DevelopmentBoard> {
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  const org = units.find((u) => u.id === orgUnitId);
  if (!org || !(await ctx.can('development.read', org.id))) throw notFound('党组织');
  const scope = await ctx.scopeOf('development.read');
  const orgUnitIds = collectSubtreeIds(units, org.id).filter((id) => covers(scope, id));
  const people = await repo.findPipelinePeople(ctx.db, ctx.tenantId, orgUnitIds);
  const ids = people.map((p) => p.id);
  const [steps, assessments, extensions] = await Promise.all([
    repo.findSteps(ctx.db, ctx.tenantId, ids),
    repo.findAssessments(ctx.db, ctx.tenantId, ids),
    repo.findExtensions(ctx.db, ctx.tenantId, ids),
  ]);
  const today = courtToday();
  return {
    orgUnitName: org.name,
    items: people.map((p) => {
      const rows = {
        steps: steps.filter((s) => s.personId === p.id),
        assessments: assessments.filter((a) => a.personId === p.id),
        extension: extensions.find((e) => e.personId === p.id),
      };
      const state = stateOf(p, rows);
      const end = probationEnd(p, state);
      const next = nextOf(state, end);
      const last = rows.steps.at(-1);
      const overdue =
        (next.deadline !== null && today > next.deadline) ||
        (next.nextAssessment !== null && today > next.nextAssessment);
      return {
        personId: p.id,
        name: p.name,
        status: p.status,
        stage: stageNow(p.status, state),
        lastStep: last?.step ?? null,
        lastOn: last?.doneOn ?? null,
        next,
        overdue,
        probationEndsOn: end,
      };
    }),
  };
}

export async function recordAssessment(
  ctx: RequestContext,
  personId: string,
  input: { on: string; result: string; who?: string | undefined },
): Promise<DevelopmentRecord> {
  const person = await reachablePerson(ctx, 'development.manage', personId);
  const steps = await repo.findSteps(ctx.db, ctx.tenantId, [person.id]);
  const designated = steps.find((s) => s.step === 3);
  if (!designated || steps.some((s) => s.step === 6))
    throw new AppError('STEP_OUT_OF_ORDER', '考察登记在确定为入党积极分子（第3步）之后、培养教育考察完成（第6步）之前');
  if (input.on < designated.doneOn)
    throw new AppError('STEP_TOO_EARLY', `考察不能早于确定为入党积极分子的日期（${designated.doneOn}）`, {
      earliest: designated.doneOn,
    });
  await ctx.db.transaction(async (tx) => {
    await repo.insertAssessment(tx, {
      tenantId: ctx.tenantId,
      personId: person.id,
      doneOn: input.on,
      result: input.result,
      who: input.who ?? ctx.actor.name,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'development.assessment',
      entity: 'development',
      entityId: person.id,
      summary: `${person.name}：入党积极分子考察（${input.on}）`,
    });
  });
  return getDevelopment(ctx, person.id);
}

export async function extendProbation(
  ctx: RequestContext,
  personId: string,
  input: { months: number; on: string; reason: string },
): Promise<DevelopmentRecord> {
  const person = await reachablePerson(ctx, 'development.manage', personId);
  const [steps, assessments, extensions] = await Promise.all([
    repo.findSteps(ctx.db, ctx.tenantId, [person.id]),
    repo.findAssessments(ctx.db, ctx.tenantId, [person.id]),
    repo.findExtensions(ctx.db, ctx.tenantId, [person.id]),
  ]);
  const state = stateOf(person, { steps, assessments, extension: extensions[0] });
  const refusal = checkExtension(input.months, input.on, state);
  if (refusal) throw new AppError('EXTENSION_NOT_ALLOWED', refusal);
  await ctx.db.transaction(async (tx) => {
    await repo.insertExtension(tx, {
      tenantId: ctx.tenantId,
      personId: person.id,
      months: input.months,
      doneOn: input.on,
      reason: input.reason,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'development.extension',
      entity: 'development',
      entityId: person.id,
      summary: `${person.name}延长预备期${String(input.months)}个月（${input.on}，${stepDef(22).label}顺延）`,
      after: input,
    });
  });
  return getDevelopment(ctx, person.id);
}
